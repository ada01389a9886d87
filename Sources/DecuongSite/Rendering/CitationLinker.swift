import DecuongCore
import DecuongMarkdown

/// Turns the document numbers in a Markdown tree into links: to the cited document when it
/// is in the site, else to its entry on the cited-documents page. Text already inside a link
/// is left alone (no nested links).
struct CitationLinker: TextLinks, Sendable {
    /// Document number (`35-NQ/TW`) → href relative to the page being rendered.
    var hrefByID: [String: String] { tables.hrefByID }
    /// The numbers by their first digit, longest first (in scalars), so `5047-CV/BTCTW` is
    /// tried before a shorter number it contains; as UTF-8, for the byte scan that `split` does.
    private var idBytesByDigit: [[IDBytes]] { tables.idBytesByDigit }
    private var isEmpty: Bool { tables.hrefByID.isEmpty }
    /// Bit d is set when some number starts with the digit d.
    private var leadingDigits: UInt16 { tables.leadingDigits }
    /// The tables behind one reference, never changed once made: the Markdown renderer takes
    /// the linker as `any TextLinks` for every text it renders (17,000 times on 100 document
    /// pages), and each copy retained and released every table.
    private let tables: Tables

    private final class Tables: Sendable {
        let hrefByID: [String: String]
        let idBytesByDigit: [[IDBytes]]
        let leadingDigits: UInt16

        init(hrefByID: [String: String], idBytesByDigit: [[IDBytes]], leadingDigits: UInt16) {
            self.hrefByID = hrefByID
            self.idBytesByDigit = idBytesByDigit
            self.leadingDigits = leadingDigits
        }
    }

    init(hrefByID: [String: String]) {
        // Each number's length counted once: the sort counted the scalars of both sides of
        // every comparison, and a scalar array and a String per scalar were made per number.
        let ordered = hrefByID.keys.map { (Self.scalarCount($0), $0) }.sorted(by: >)
        var byDigit = Array(repeating: [IDBytes](), count: 10)
        for (_, id) in ordered {
            // An ASCII digit first: its one byte is the first scalar.
            guard let first = id.utf8.first, first &- 0x30 < 10 else { continue }
            byDigit[Int(first &- 0x30)].append(IDBytes(id))
        }
        let leadingDigits = byDigit.indices.reduce(UInt16(0)) { mask, digit in byDigit[digit].isEmpty ? mask : mask | 1 << digit }
        tables = Tables(hrefByID: hrefByID, idBytesByDigit: byDigit, leadingDigits: leadingDigits)
    }

    /// `text.unicodeScalars.count`, counted on its UTF-8 as the bytes that start a scalar (the
    /// scalar view's count decoded every scalar: most of making a page's linker).
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count &+= 1 }
            return count
        } ?? text.unicodeScalars.count
    }

    /// The numbers as scalars by their first digit, for the reference scan (`splitByScalars`).
    private var idsByDigit: [[(scalars: [Unicode.Scalar], id: String)]] {
        idBytesByDigit.map { $0.map { (Array($0.id.unicodeScalars), $0.id) } }
    }

    func link(_ blocks: [Block]) -> [Block] {
        // A look first is far cheaper than rebuilding, and most bodies hold no number at all;
        // then only the blocks that may hold one are rebuilt, each down to its text runs.
        guard !isEmpty, blocks.contains(where: mayHoldNumber) else { return blocks }
        return blocks.map(link)
    }

    private func link(_ block: Block) -> Block {
        guard mayHoldNumber(block) else { return block }
        var block = block
        switch block.kind {
        case .paragraph(let inlines): block.kind = .paragraph(link(inlines))
        case .heading(let level, let inlines): block.kind = .heading(level: level, link(inlines))
        case .table(var table):
            table.header = link(cells: table.header)
            table.rows = table.rows.map { link(cells: $0) }
            block.kind = .table(table)
        case .blockQuote(let children): block.kind = .blockQuote(link(children))
        case .list(var list):
            list.items = list.items.map { item in
                var item = item
                item.blocks = link(item.blocks)
                return item
            }
            block.kind = .list(list)
        case .footnoteDefinition(var definition):
            definition.blocks = link(definition.blocks)
            block.kind = .footnoteDefinition(definition)
        case .codeBlock, .htmlBlock, .thematicBreak:
            break
        }
        return block
    }

    private func link(cells: [TableCell]) -> [TableCell] {
        cells.map { cell in
            var cell = cell
            cell.inlines = link(cell.inlines)
            return cell
        }
    }

    func link(_ inlines: [Inline]) -> [Inline] {
        // Most runs hold no digit at all: keep them as they are, without rebuilding the array.
        guard !isEmpty, inlines.contains(where: mayHoldNumber) else { return inlines }
        return inlines.flatMap { inline -> [Inline] in
            var inline = inline
            switch inline.kind {
            case .text(let text): return split(text, range: inline.range)
            case .emphasis(let children): inline.kind = .emphasis(link(children))
            case .strong(let children): inline.kind = .strong(link(children))
            case .strikethrough(let children): inline.kind = .strikethrough(link(children))
            default: break
            }
            return [inline]
        }
    }

    func split(_ text: InlineText, range: SourceRange) -> [Inline] {
        // Every number starts with a digit; most text runs have none, so skip them cheaply.
        guard mayHoldNumber(text) else { return [Inline(.text(text), range: range)] }
        // On UTF-8 bytes; positions move by whole scalars, so pieces are slices of the run
        // at scalar boundaries.
        let found = text.withUTF8Bytes { numbers(in: $0) }
        if found.isEmpty { return [Inline(.text(text), range: range)] }
        var out: [Inline] = []
        var plainStart = 0
        for (number, href) in found {
            if plainStart < number.lowerBound {
                out.append(Inline(.text(text.slice(plainStart..<number.lowerBound)), range: range))
            }
            let label = Inline(.text(text.slice(number)), range: range)
            out.append(Inline(.link(Link(destination: href, children: [label])), range: range))
            plainStart = number.upperBound
        }
        if plainStart < text.utf8Count { out.append(Inline(.text(text.slice(plainStart..<text.utf8Count)), range: range)) }
        return out
    }

    /// The numbers in the text run whose UTF-8 is `text` that have a target, as byte ranges
    /// with their hrefs: what `split` makes links of, for the renderer to link as it writes
    /// (`TextLinks`).
    func links(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, destination: String)] {
        // Without `mayHoldNumber` first: the scan skips what has no digit as fast, and a text
        // that may hold one was read twice.
        guard !isEmpty else { return [] }
        return numbers(in: text)
    }

    /// The scan of `split` and `links(inUTF8:)`: each number that starts at a digit not glued
    /// to a word before it and has a target, longest first.
    private func numbers(in bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, destination: String)] {
        var out: [(range: Range<Int>, destination: String)] = []
        guard let base = bytes.baseAddress else { return out }
        let count = bytes.count
        let mask = leadingDigits
        var index = 0
        while index < count {
            // Eight bytes without a digit start no number: most of a text (whether a byte is
            // glued to a word looks back at the bytes themselves, so skipping loses nothing).
            // Sixteen at a time while neither word has one (one branch for two words); a word
            // with one is gone through byte by byte, not tested again.
            let raw = UnsafeRawPointer(base)
            while index &+ 16 <= count,
                  Self.digitBits(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                  | Self.digitBits(raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)) == 0 {
                index &+= 16
            }
            if index + 8 <= count, !Self.hasDigit(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let stop = min(index + 8, count)
            while index < stop {
                let digit = Int(base[index] &- 0x30)
                if digit < 10, mask & (1 << UInt16(digit)) != 0, !Self.isWordPart(scalarBefore: index, in: bytes),
                   let (end, id) = matchID(bytes, at: index, candidates: idBytesByDigit[digit]), let href = hrefByID[id] {
                    out.append((index..<end, href))
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return out
    }

    /// Whether the scalar that ends just before `index` is part of a word (see `isWordPart`).
    private static func isWordPart(scalarBefore index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return false }
        let last = bytes[index - 1]
        if last < 0x80 { return isASCIIWordPart(last) }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = scalar(in: bytes, at: start) else { return false }
        return isWordPart(scalar)
    }

    /// The scalar whose UTF-8 starts at `index` (the text is valid UTF-8).
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// `matchID` on UTF-8: the same spaces around `-` and `/`, the same other dashes. The
    /// number's bytes are compared one by one: a `-` or `/` byte is always a whole scalar, and
    /// a scalar of several bytes matches exactly when each of its bytes does.
    private func matchID(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, candidates: [IDBytes]) -> (Int, String)? {
        let end = bytes.count
        for candidate in candidates {
            var position = start
            var matched = true
            for unit in candidate.bytes {
                if unit == UInt8(ascii: "-") || unit == UInt8(ascii: "/") {
                    while position < end, bytes[position] == 0x20 { position += 1 }
                    if position < end, bytes[position] == unit {
                        position += 1
                    } else if unit == UInt8(ascii: "-"), let dash = Self.otherDashBytes.first(where: { Self.has($0, in: bytes, at: position) }) {
                        position += dash.count
                    } else {
                        matched = false
                        break
                    }
                    while position < end, bytes[position] == 0x20 { position += 1 }
                } else {
                    guard position < end, bytes[position] == unit else {
                        matched = false
                        break
                    }
                    position += 1
                }
            }
            if matched, position == end || !(Self.scalar(in: bytes, at: position).map(Self.isWordPart) ?? false) {
                return (position, candidate.id)
            }
        }
        return nil
    }

    private static func has(_ unit: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + unit.count <= bytes.count else { return false }
        for (offset, byte) in unit.enumerated() where bytes[position + offset] != byte { return false }
        return true
    }

    private static let otherDashBytes: [[UInt8]] = otherDashes.map { Array(String($0).utf8) }

    /// A number with its UTF-8, for `matchID` on bytes.
    struct IDBytes: Sendable {
        let id: String
        let bytes: [UInt8]

        init(_ id: String) {
            self.id = id
            bytes = Array(id.utf8)
        }
    }

    /// The scalar-by-scalar form of `split`, kept as the reference its tests compare with.
    func splitByScalars(_ text: String, range: SourceRange) -> [Inline] {
        // Every number starts with a digit; most text runs have none, so skip them cheaply.
        guard mayHoldNumber(text) else { return [Inline(.text(InlineText(text)), range: range)] }
        let idsByDigit = self.idsByDigit
        // Indices into the text's own scalars: pieces are then slices of it, copied as UTF-8.
        let scalars = text.unicodeScalars
        var out: [Inline] = []
        var plainStart = scalars.startIndex
        var index = scalars.startIndex
        var previous: Unicode.Scalar?
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if let digit = Self.digit(scalar), previous.map(Self.isWordPart) != true,
               let (end, id) = matchID(scalars, at: index, candidates: idsByDigit[digit]), let href = hrefByID[id] {
                if plainStart < index { out.append(Inline(.text(InlineText(String(scalars[plainStart..<index]))), range: range)) }
                let label = Inline(.text(InlineText(String(scalars[index..<end]))), range: range)
                out.append(Inline(.link(Link(destination: href, children: [label])), range: range))
                previous = scalars[scalars.index(before: end)]
                index = end
                plainStart = end
            } else {
                previous = scalar
                index = scalars.index(after: index)
            }
        }
        if plainStart == scalars.startIndex { return [Inline(.text(InlineText(text)), range: range)] }
        if plainStart < scalars.endIndex { out.append(Inline(.text(InlineText(String(scalars[plainStart...]))), range: range)) }
        return out
    }

    /// Matches a known number at `start`, allowing the spaces around `-` and `/` that
    /// converted text has (`14 - KH/ĐU.KBT`) and dashes other than the hyphen.
    private func matchID(_ text: String.UnicodeScalarView, at start: String.Index,
                         candidates: [(scalars: [Unicode.Scalar], id: String)]) -> (String.Index, String)? {
        let end = text.endIndex
        for (id, name) in candidates {
            var position = start
            var matched = true
            for scalar in id {
                if scalar == "-" || scalar == "/" {
                    while position < end, text[position] == " " { position = text.index(after: position) }
                    guard position < end,
                          text[position] == scalar || (scalar == "-" && Self.otherDashes.contains(text[position])) else {
                        matched = false
                        break
                    }
                    position = text.index(after: position)
                    while position < end, text[position] == " " { position = text.index(after: position) }
                } else {
                    guard position < end, text[position] == scalar else {
                        matched = false
                        break
                    }
                    position = text.index(after: position)
                }
            }
            if matched, position == end || !Self.isWordPart(text[position]) {
                return (position, name)
            }
        }
        return nil
    }

    private func mayHoldNumber(_ block: Block) -> Bool {
        if let inlines = block.inlines { return inlines.contains(where: mayHoldNumber) }
        if case .table(let table) = block.kind {
            return ([table.header] + table.rows).contains { row in row.contains { $0.inlines.contains(where: mayHoldNumber) } }
        }
        return block.childBlocks.contains(where: mayHoldNumber)
    }

    private func mayHoldNumber(_ inline: Inline) -> Bool {
        switch inline.kind {
        case .text(let text): mayHoldNumber(text)
        case .emphasis(let children), .strong(let children), .strikethrough(let children): children.contains(where: mayHoldNumber)
        default: false
        }
    }

    /// Whether a number could start in `text`: a digit that some number starts with, not
    /// glued to an ASCII letter or digit before it. Cheaper than the scan, and never says no
    /// where the scan would link (a non-ASCII byte before the digit counts as a maybe).
    /// Eight bytes at a time while they hold no digit at all, which is most of the text.
    func mayHoldNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayHoldNumber(inUTF8: $0) }
    }

    func mayHoldNumber(_ text: InlineText) -> Bool {
        text.withUTF8Bytes { mayHoldNumber(inUTF8: $0) }
    }

    private func mayHoldNumber(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let mask = leadingDigits
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var previous: UInt8 = 0x20
        var index = 0
        while index < count {
            if index + 8 <= count, !Self.hasDigit(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                previous = bytes[index + 7]
                index += 8
                continue
            }
            let stop = min(index + 8, count)
            while index < stop {
                let byte = bytes[index]
                if byte &- 0x30 < 10, mask & (1 << UInt16(byte &- 0x30)) != 0, !Self.isASCIIWordPart(previous) { return true }
                previous = byte
                index += 1
            }
        }
        return false
    }

    /// Whether some byte of `word` is an ASCII digit: xor with `0` leaves digits below 10 and
    /// every other byte at 10 or above, and the borrow test finds a byte below 10.
    @inline(__always)
    static func hasDigit(_ word: UInt64) -> Bool {
        digitBits(word) != 0
    }

    /// The high bit of each byte of `word` that may be a digit: none set, none is (`hasDigit`).
    @inline(__always)
    static func digitBits(_ word: UInt64) -> UInt64 {
        let shifted = word ^ 0x3030_3030_3030_3030
        return (shifted &- 0x0A0A_0A0A_0A0A_0A0A) & ~shifted & 0x8080_8080_8080_8080
    }

    /// `mayHoldNumber` a byte at a time, kept as the reference its test compares against.
    func mayHoldNumberByBytes(_ text: String) -> Bool {
        let mask = leadingDigits
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0x20
            for byte in bytes {
                if byte &- 0x30 < 10, mask & (1 << UInt16(byte &- 0x30)) != 0, !Self.isASCIIWordPart(previous) { return true }
                previous = byte
            }
            return false
        }
    }

    private static func isASCIIWordPart(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private static let otherDashes: [Unicode.Scalar] = ["–", "‑", "‐"]

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
    }

    /// A letter, a digit, or a combining mark (which belongs to the character before it):
    /// a number glued to one of these is part of a longer word, not a citation.
    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isAlphabetic || properties.numericType != nil
        }
    }
}
