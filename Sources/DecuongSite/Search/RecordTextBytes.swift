import DecuongMarkdown
import DecuongStructure

/// The text of document and section records written straight into a byte buffer: the same
/// bytes as `SearchRecordCollector`'s `String` texts (`join` of trimmed parts, `plainText`
/// of blocks), without a `String` per part and block, nor copying each `Inline` to read it.
/// The site's text is built twice (once to index it, once to write the record shards), so
/// this was a good part of the search stage. `SearchRecordCollector.records()` keeps the
/// `String` path as the reference; `RecordTextBytesTests` compares the two on a corpus.
struct RecordTextBytes {
    /// The bytes, record after record.
    var bytes: [UInt8] = []
    /// Where the record being written starts in `bytes`.
    private var recordStart = 0
    /// Where the part being written starts (after its separating space, if any).
    private var partStart = 0
    private var partBefore = 0

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Starts a record's text at the end of `bytes`.
    mutating func beginRecord() {
        recordStart = bytes.count
    }

    /// The current record's bytes so far.
    var recordRange: Range<Int> { recordStart..<bytes.count }

    // MARK: Records

    /// `SearchRecordCollector.ownText`.
    mutating func appendOwnText(_ lead: [Inline], _ body: [Block]) {
        beginPart()
        Self.appendInlines(lead, to: &bytes)
        endPart()
        beginPart()
        appendBlocks(body)
        endPart()
    }

    /// `SearchRecordCollector.documentText`.
    mutating func appendDocumentText(_ document: SiteDocument) {
        let structure = document.structure
        if let issuer = document.issuer { appendPart(issuer) }
        if let number = document.number { appendPart(number) }
        beginPart()
        appendBlocks(structure.preamble)
        endPart()
        beginPart()
        appendBlocks(structure.epilogue)
        endPart()
        let closing = structure.closing
        for index in closing.recipients.indices { appendPart(closing.recipients[index]) }
        if let signature = closing.signature {
            if let authority = signature.authority { appendPart(authority) }
            if let position = signature.position { appendPart(position) }
            if let name = signature.name { appendPart(name) }
        }
    }

    /// `SearchRecordCollector.subtreeText`: the section's marker (without `*` and `_`),
    /// lead and body, then its children's, each a part of one join. A join of joins is the
    /// join of their parts (each joined text is trimmed, and empty ones drop out alike), so
    /// the nesting needs no buffer of its own.
    mutating func appendSubtreeText(_ section: Section) {
        appendMarkerPart(section.marker)
        beginPart()
        Self.appendInlines(section.lead, to: &bytes)
        endPart()
        beginPart()
        appendBlocks(section.body)
        endPart()
        for child in section.children.indices { appendSubtreeText(section.children[child]) }
    }

    /// `marker.filter { $0 != "*" && $0 != "_" }` as a part: by bytes when it is ASCII, where
    /// each character is its byte (CR LF aside, which is neither); a `*` with a combining mark
    /// is a character of its own, so other markers holding `*` or `_` are filtered as a `String`.
    private mutating func appendMarkerPart(_ marker: String) {
        beginPart()
        marker.withUTF8Bytes { utf8 in
            var ascii = true
            var marked = false
            for byte in utf8 {
                if byte >= 0x80 { ascii = false }
                if byte == 0x2A || byte == 0x5F { marked = true }
            }
            if !marked {
                bytes.append(contentsOf: utf8)
            } else if ascii {
                for byte in utf8 where byte != 0x2A && byte != 0x5F { bytes.append(byte) }
            } else {
                Self.append(marker.filter { $0 != "*" && $0 != "_" }, to: &bytes)
            }
        }
        endPart()
    }

    // MARK: Parts (`join`)

    private mutating func appendPart(_ text: String) {
        beginPart()
        Self.append(text, to: &bytes)
        endPart()
    }

    /// A part is separated from the record's earlier ones by a space.
    private mutating func beginPart() {
        partBefore = bytes.count
        if bytes.count > recordStart { bytes.append(0x20) }
        partStart = bytes.count
    }

    /// Trims the part as `trimmed()` does; an empty part goes with its space.
    private mutating func endPart() {
        var start = partStart
        var end = bytes.count
        bytes.withUnsafeBufferPointer { bytes in
            while start < end {
                let length = Self.spaceLength(bytes, at: start, end: end)
                if length == 0 { break }
                start += length
            }
            while end > start {
                let length = Self.spaceLengthBefore(bytes, end, start: start)
                if length == 0 { break }
                end -= length
            }
        }
        if start == end {
            bytes.removeLast(bytes.count - partBefore)
            return
        }
        if start > partStart {
            let count = end - start
            bytes.withUnsafeMutableBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                (base + partStart).update(from: base + start, count: count)
            }
            end = partStart + count
        }
        bytes.removeLast(bytes.count - end)
    }

    /// The length of the space (as `trimmed()` sees one) at `index`, or 0: ASCII white
    /// space, U+00A0, U+2007, U+202F, U+3000.
    @inline(__always)
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x09...0x0D: return 1
        case 0xC2: return index + 1 < end && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard index + 2 < end, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0x87 || bytes[index + 2] == 0xAF ? 3 : 0
        case 0xE3: return index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The length of the space ending at `end`, or 0 (the text is valid UTF-8, so a
    /// matching suffix is a whole scalar).
    @inline(__always)
    private static func spaceLengthBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, start: Int) -> Int {
        let last = bytes[end - 1]
        switch last {
        case 0x20, 0x09...0x0D: return 1
        case 0xA0: return end - 2 >= start && bytes[end - 2] == 0xC2 ? 2 : 0
        case 0x87, 0xAF: return end - 3 >= start && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 ? 3 : 0
        case 0x80: return end - 3 >= start && bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    // MARK: Plain text (`Block.plainText`, `[Inline].plainText`)

    /// `blocks.count == 1 ? blocks[0].plainText : blocks.map(\.plainText).joined(separator: " ")`.
    private mutating func appendBlocks(_ blocks: [Block]) {
        Self.appendBlocks(blocks, separator: 0x20, to: &bytes)
    }

    private static func appendBlocks(_ blocks: [Block], separator: UInt8, to out: inout [UInt8]) {
        blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices {
                if index > 0 { out.append(separator) }
                appendBlock(blocks[index], to: &out)
            }
        }
    }

    /// (Blocks and inlines are read where they are, through buffers: `blocks[index].kind` on
    /// an array copied the payload, a retain and a release of its inlines per block.)
    private static func appendBlock(_ block: Block, to out: inout [UInt8]) {
        switch block.kind {
        case .paragraph(let inlines), .heading(_, let inlines): inlines.withUnsafeBufferPointer { appendInlines($0, to: &out) }
        case .codeBlock(let code): append(code.literal, to: &out)
        case .table(let table):
            appendRow(table.header, to: &out)
            table.rows.withUnsafeBufferPointer { rows in
                for row in rows.indices {
                    out.append(0x0A)
                    appendRow(rows[row], to: &out)
                }
            }
        case .blockQuote(let blocks): appendBlocks(blocks, separator: 0x0A, to: &out)
        case .footnoteDefinition(let definition): appendBlocks(definition.blocks, separator: 0x0A, to: &out)
        case .list(let list):
            // `items.flatMap(\.blocks)` joined by line breaks.
            var first = true
            list.items.withUnsafeBufferPointer { items in
                for item in items.indices {
                    items[item].blocks.withUnsafeBufferPointer { blocks in
                        for index in blocks.indices {
                            if !first { out.append(0x0A) }
                            first = false
                            appendBlock(blocks[index], to: &out)
                        }
                    }
                }
            }
        case .htmlBlock, .thematicBreak: break
        }
    }

    private static func appendRow(_ cells: [TableCell], to out: inout [UInt8]) {
        cells.withUnsafeBufferPointer { cells in
            for index in cells.indices {
                if index > 0 { out.append(0x20) }
                cells[index].inlines.withUnsafeBufferPointer { appendInlines($0, to: &out) }
            }
        }
    }

    static func appendInlines(_ inlines: [Inline], to out: inout [UInt8]) {
        inlines.withUnsafeBufferPointer { appendInlines($0, to: &out) }
    }

    /// Reads each inline where it is: `inlines[index].kind` on the array copied the kind's
    /// payload (a retain and a release of its text or children per inline; the top caller of
    /// `swift_retain` in a whole build).
    private static func appendInlines(_ inlines: UnsafeBufferPointer<Inline>, to out: inout [UInt8]) {
        for index in inlines.indices {
            switch inlines[index].kind {
            case .text(let text): text.withUTF8Bytes { out.append(contentsOf: $0) }
            case .code(let s): append(s, to: &out)
            case .softBreak, .lineBreak: out.append(0x20)
            case .html: break
            case .footnoteReference(let reference):
                out.append(0x5B)
                append(String(reference.number), to: &out)
                out.append(0x5D)
            case .emphasis(let children), .strong(let children), .strikethrough(let children):
                children.withUnsafeBufferPointer { appendInlines($0, to: &out) }
            case .link(let link), .image(let link): link.children.withUnsafeBufferPointer { appendInlines($0, to: &out) }
            }
        }
    }

    @inline(__always)
    private static func append(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { out.append(contentsOf: $0) }
    }
}
