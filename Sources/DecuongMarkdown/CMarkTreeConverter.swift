import CCmarkGFM
import DecuongCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies a finished cmark tree into Swift values. It only reads the C tree; the caller
/// frees it.
struct CMarkTreeConverter {
    private var columns: SourceColumns
    /// Footnote definitions as cmark left them: at the end of the document, in number order.
    private var footnoteLabels: [String] = []
    /// Per reference node, its occurrence among references to the same footnote.
    private var footnoteOccurrences: [OpaquePointer: Int] = [:]
    private var footnoteReferenceCounts: [Int: Int] = [:]
    private var convertedFootnotes = 0
    /// Real documents nest a handful of levels; hostile input nests thousands, which would
    /// overflow the stack of every recursive stage after this one. Beyond these depths the
    /// content is kept but its containers are dropped.
    static let maxBlockDepth = 48
    static let maxInlineDepth = 48
    private var blockDepth = 0
    private var inlineDepth = 0
    private var flattenedAt: SourceLocation?

    /// The parsed text, whose bytes `source` is: most literals are a run of it, and a
    /// String copied from a String skips the UTF-8 validation that C strings need.
    private let text: String
    /// The same text in parts of whole lines, each shared by the text runs that are a
    /// stretch of it (see `sharedParts`), by the offset where each starts.
    private let parts: [(start: Int, text: SharedText)]
    /// Off only in tests, which compare against every literal made from its C string.
    private let cutsLiterals: Bool

    /// `source` must stay valid while the converter is used (the parse's own buffer).
    init(source: UnsafeBufferPointer<UInt8>, text: String, cutsLiterals: Bool = true, partLimit: Int = partLimit) {
        columns = SourceColumns(bytes: source)
        self.text = text
        parts = Self.sharedParts(of: text, limit: max(1, partLimit))
        self.cutsLiterals = cutsLiterals
    }

    mutating func convert(root: OpaquePointer) -> MarkdownDocument {
        prepareFootnotes(root: root)
        let whole = SourceRange(line: 1, column: 1, endLine: columns.lineCount, endColumn: 1)
        var document = MarkdownDocument(blocks: convertBlocks(childrenOf: root, parentRange: whole))
        document.nestingFlattenedAt = flattenedAt
        return document
    }

    // MARK: Footnotes

    /// cmark numbers footnotes and their back-links in source order before it moves the
    /// definitions to the end, and keeps those numbers in private fields. The public API
    /// gives each reference its footnote's number; the rest is rebuilt here from positions.
    private mutating func prepareFootnotes(root: OpaquePointer) {
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
                footnoteLabels.append(footnoteLabel(of: node))
            }
            child = cmark_node_next(node)
        }
        guard !footnoteLabels.isEmpty else { return }

        var references: [(line: Int32, column: Int32, order: Int, node: OpaquePointer, number: Int)] = []
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE else { continue }
            let number = Int(string(cmark_node_get_literal(node))) ?? 0
            references.append((cmark_node_get_start_line(node), cmark_node_get_start_column(node),
                               references.count, node, number))
        }
        references.sort { ($0.line, $0.column, $0.order) < ($1.line, $1.column, $1.order) }
        for reference in references {
            let occurrence = (footnoteReferenceCounts[reference.number] ?? 0) + 1
            footnoteReferenceCounts[reference.number] = occurrence
            footnoteOccurrences[reference.node] = occurrence
        }
    }

    /// The public API has no getter for a definition's label, so read it from the source.
    /// cmark starts the node after its `[^label]:` marker (and the spaces after it), so
    /// look back from there for `]:` and then for the `[^` that opened the run.
    private func footnoteLabel(of node: OpaquePointer) -> String {
        let line = Int(cmark_node_get_start_line(node))
        let head = Array(columns.rest(line: line, byteColumn: 1)
            .prefix(max(0, Int(cmark_node_get_start_column(node)) - 1)))
        var end = head.count
        while end > 0, head[end - 1] == 0x20 || head[end - 1] == 0x09 { end -= 1 }
        guard end >= 2, head[end - 1] == UInt8(ascii: ":"), head[end - 2] == UInt8(ascii: "]") else { return "" }
        let close = end - 2
        var start = close
        while start > 0, ![0x20, 0x09, UInt8(ascii: "]")].contains(head[start - 1]) { start -= 1 }
        var open = start
        while open + 1 < close, !(head[open] == UInt8(ascii: "[") && head[open + 1] == UInt8(ascii: "^")) { open += 1 }
        guard open + 1 < close else { return "" }
        return String(decoding: head[(open + 2)..<close], as: UTF8.self)
    }

    // MARK: Blocks

    private mutating func range(of node: OpaquePointer, fallback: SourceRange) -> SourceRange {
        let startLine = Int(cmark_node_get_start_line(node))
        guard startLine > 0 else { return fallback }
        let startColumn = Int(cmark_node_get_start_column(node))
        var endLine = Int(cmark_node_get_end_line(node))
        var endColumn = Int(cmark_node_get_end_column(node))
        if endLine < startLine { endLine = startLine; endColumn = startColumn }
        let start = SourceLocation(line: startLine,
                                   column: columns.scalarColumn(line: startLine, byteColumn: startColumn))
        let end = SourceLocation(line: endLine,
                                 column: columns.scalarColumn(line: endLine, byteColumn: endColumn))
        return SourceRange(start: start, end: end)
    }

    private mutating func convertBlocks(childrenOf parent: OpaquePointer, parentRange: SourceRange) -> [Block] {
        if blockDepth >= Self.maxBlockDepth { return flattenedBlocks(under: parent, parentRange: parentRange) }
        blockDepth += 1
        defer { blockDepth -= 1 }
        var blocks: [Block] = []
        blocks.reserveCapacity(childCount(of: parent))
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let block = convertBlock(node, parentRange: parentRange) { blocks.append(block) }
            child = cmark_node_next(node)
        }
        return blocks
    }

    private mutating func convertBlock(_ node: OpaquePointer, parentRange: SourceRange) -> Block? {
        let nodeRange = range(of: node, fallback: parentRange)
        let type = cmark_node_get_type(node)
        let kind: BlockKind
        switch type {
        case CMARK_NODE_PARAGRAPH:
            kind = .paragraph(convertInlines(childrenOf: node, parentRange: nodeRange))
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)),
                            convertInlines(childrenOf: node, parentRange: nodeRange))
        case CMARK_NODE_BLOCK_QUOTE:
            kind = .blockQuote(convertBlocks(childrenOf: node, parentRange: nodeRange))
        case CMARK_NODE_LIST:
            kind = .list(convertList(node, range: nodeRange))
        case CMARK_NODE_CODE_BLOCK:
            var fenceLength: Int32 = 0, fenceOffset: Int32 = 0
            var fenceCharacter: CChar = 0
            let fenced = cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceCharacter) != 0
            kind = .codeBlock(CodeBlock(info: string(cmark_node_get_fence_info(node)),
                                        literal: literal(of: node),
                                        isFenced: fenced))
        case CMARK_NODE_HTML_BLOCK:
            kind = .htmlBlock(literal(of: node))
        case CMARK_NODE_THEMATIC_BREAK:
            kind = .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            convertedFootnotes += 1
            let number = convertedFootnotes <= footnoteLabels.count ? convertedFootnotes : 0
            kind = .footnoteDefinition(FootnoteDefinition(
                label: number > 0 ? footnoteLabels[number - 1] : footnoteLabel(of: node),
                number: number,
                referenceCount: footnoteReferenceCounts[number] ?? 0,
                blocks: convertBlocks(childrenOf: node, parentRange: nodeRange)))
        default:
            if hasType(node, "table") {
                kind = .table(convertTable(node, range: nodeRange))
            } else {
                // Custom blocks are never produced by the extensions we attach; keep
                // their content rather than lose words.
                let children = convertBlocks(childrenOf: node, parentRange: nodeRange)
                if children.isEmpty { return nil }
                kind = .blockQuote(children)
            }
        }
        return Block(kind, range: nodeRange)
    }

    private mutating func convertList(_ node: OpaquePointer, range listRange: SourceRange) -> ListBlock {
        let marker: ListBlock.Marker
        if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
            marker = .ordered(start: Int(cmark_node_get_list_start(node)),
                              delimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? .parenthesis : .period)
        } else {
            marker = .bullet(bulletCharacter(of: node))
        }
        var items: [ListItem] = []
        items.reserveCapacity(childCount(of: node))
        var child = cmark_node_first_child(node)
        while let itemNode = child {
            let itemRange = range(of: itemNode, fallback: listRange)
            var task: ListItem.Task?
            if hasType(itemNode, "tasklist") {
                task = cmark_gfm_extensions_get_tasklist_item_checked(itemNode) ? .checked : .unchecked
            }
            var written: Int?
            if case .ordered = marker { written = writtenNumber(of: itemNode) }
            items.append(ListItem(blocks: convertBlocks(childrenOf: itemNode, parentRange: itemRange),
                                  task: task, writtenNumber: written, range: itemRange))
            child = cmark_node_next(itemNode)
        }
        return ListBlock(marker: marker, isTight: cmark_node_get_list_tight(node) != 0, items: items)
    }

    /// The digits at the start of an ordered item, read from the source.
    private func writtenNumber(of node: OpaquePointer) -> Int? {
        let rest = columns.rest(line: Int(cmark_node_get_start_line(node)),
                                byteColumn: Int(cmark_node_get_start_column(node)))
        let digits = rest.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }
            .prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// The public API does not say which of `-`, `+`, `*` opened a bullet list; the
    /// recognizer needs it (`-` and `+` are different levels), so read it from the source.
    private func bulletCharacter(of node: OpaquePointer) -> Character {
        let rest = columns.rest(line: Int(cmark_node_get_start_line(node)),
                                byteColumn: Int(cmark_node_get_start_column(node)))
        for byte in rest where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: ">") {
            switch byte {
            case UInt8(ascii: "+"): return "+"
            case UInt8(ascii: "*"): return "*"
            default: return "-"
            }
        }
        return "-"
    }

    private mutating func convertTable(_ node: OpaquePointer, range tableRange: SourceRange) -> Table {
        let columnCount = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            alignments.reserveCapacity(columnCount)
            for i in 0..<columnCount {
                switch raw[i] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [TableCell] = []
        var headerRange = tableRange
        var rowCount = 0
        var counted = cmark_node_first_child(node)
        while let row = counted {
            if cmark_gfm_extensions_get_table_row_is_header(row) == 0 { rowCount += 1 }
            counted = cmark_node_next(row)
        }
        var rows: [[TableCell]] = []
        rows.reserveCapacity(rowCount)
        var rowRanges: [SourceRange] = []
        rowRanges.reserveCapacity(rowCount)
        var rowNode = cmark_node_first_child(node)
        while let row = rowNode {
            let rowRange = range(of: row, fallback: tableRange)
            var cells: [TableCell] = []
            cells.reserveCapacity(childCount(of: row))
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                let cellRange = range(of: cell, fallback: rowRange)
                cells.append(TableCell(inlines: convertInlines(childrenOf: cell, parentRange: cellRange),
                                       range: cellRange))
                cellNode = cmark_node_next(cell)
            }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
                headerRange = rowRange
            } else {
                rows.append(cells)
                rowRanges.append(rowRange)
            }
            rowNode = cmark_node_next(row)
        }
        return Table(alignments: alignments, header: header, rows: rows,
                     headerRange: headerRange, rowRanges: rowRanges)
    }

    // MARK: Inlines

    /// The leaf blocks below `parent`, in order, without their containers; iterative so
    /// that depth costs no stack.
    private mutating func flattenedBlocks(under parent: OpaquePointer, parentRange: SourceRange) -> [Block] {
        var out: [Block] = []
        var stack: [OpaquePointer] = children(of: parent).reversed()
        while let node = stack.popLast() {
            let type = cmark_node_get_type(node)
            let isContainer = type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM
                || type == CMARK_NODE_FOOTNOTE_DEFINITION || type == CMARK_NODE_CUSTOM_BLOCK
            if isContainer {
                if flattenedAt == nil, cmark_node_get_start_line(node) > 0 {
                    let line = Int(cmark_node_get_start_line(node))
                    flattenedAt = SourceLocation(line: line, column: columns.scalarColumn(
                        line: line, byteColumn: Int(cmark_node_get_start_column(node))))
                }
                stack.append(contentsOf: children(of: node).reversed())
            } else if let block = convertBlock(node, parentRange: parentRange) {
                out.append(block)
            }
        }
        return out
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            out.append(current)
            child = cmark_node_next(current)
        }
        return out
    }

    private mutating func convertInlines(childrenOf parent: OpaquePointer, parentRange: SourceRange) -> [Inline] {
        if inlineDepth >= Self.maxInlineDepth { return flattenedInlines(under: parent, parentRange: parentRange) }
        inlineDepth += 1
        defer { inlineDepth -= 1 }
        var inlines: [Inline] = []
        inlines.reserveCapacity(childCount(of: parent))
        var child = cmark_node_first_child(parent)
        while let node = child {
            inlines.append(convertInline(node, parentRange: parentRange))
            child = cmark_node_next(node)
        }
        return inlines
    }

    private mutating func convertInline(_ node: OpaquePointer, parentRange: SourceRange) -> Inline {
        let nodeRange = range(of: node, fallback: parentRange)
        let kind: InlineKind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            kind = .text(textLiteral(of: node))
        case CMARK_NODE_SOFTBREAK:
            kind = .softBreak
        case CMARK_NODE_LINEBREAK:
            kind = .lineBreak
        case CMARK_NODE_CODE:
            kind = .code(literal(of: node))
        case CMARK_NODE_HTML_INLINE:
            kind = .html(literal(of: node))
        case CMARK_NODE_EMPH:
            kind = .emphasis(convertInlines(childrenOf: node, parentRange: nodeRange))
        case CMARK_NODE_STRONG:
            kind = .strong(convertInlines(childrenOf: node, parentRange: nodeRange))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let link = Link(destination: string(cmark_node_get_url(node)),
                            title: string(cmark_node_get_title(node)),
                            children: convertInlines(childrenOf: node, parentRange: nodeRange))
            kind = cmark_node_get_type(node) == CMARK_NODE_LINK ? .link(link) : .image(link)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            let number = Int(string(cmark_node_get_literal(node))) ?? 0
            let label = number >= 1 && number <= footnoteLabels.count ? footnoteLabels[number - 1] : ""
            kind = .footnoteReference(FootnoteReference(label: label, number: number,
                                                        occurrence: footnoteOccurrences[node] ?? 1))
        default:
            if hasType(node, "strikethrough") {
                kind = .strikethrough(convertInlines(childrenOf: node, parentRange: nodeRange))
            } else {
                kind = .text(textLiteral(of: node))
            }
        }
        return Inline(kind, range: nodeRange)
    }

    /// The leaf inlines below `parent` (text, code, breaks), without emphasis or links.
    private mutating func flattenedInlines(under parent: OpaquePointer, parentRange: SourceRange) -> [Inline] {
        var out: [Inline] = []
        var stack: [OpaquePointer] = children(of: parent).reversed()
        while let node = stack.popLast() {
            if cmark_node_first_child(node) != nil {
                stack.append(contentsOf: children(of: node).reversed())
            } else {
                out.append(convertInline(node, parentRange: parentRange))
            }
        }
        return out
    }

    // MARK: Helpers

    /// Extension node types are numbered at registration, so they are told by name;
    /// compared in C, with no String made per node.
    private func hasType(_ node: OpaquePointer, _ name: StaticString) -> Bool {
        guard let type = cmark_node_get_type_string(node) else { return false }
        return name.withUTF8Buffer { expected in
            expected.withMemoryRebound(to: CChar.self) { expected in
                guard let base = expected.baseAddress else { return false }
                return strncmp(type, base, expected.count) == 0 && type[expected.count] == 0
            }
        }
    }

    private func childCount(of node: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        return count
    }

    /// A node's literal. cmark positions most literals where their text starts in the
    /// source; when the bytes there are the literal's, the String is cut from the parsed
    /// text (valid UTF-8 cut at scalar boundaries, which `String(_:)` of a UTF-8 view
    /// checks), else made from the C string, which validates it.
    private func literal(of node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        if cutsLiterals, line > 0, column > 0 {
            let count = strlen(pointer)
            let offset = columns.lineStart(line) + column - 1
            if columns.holds(pointer, count: count, at: offset) {
                let utf8 = text.utf8
                let start = utf8.index(utf8.startIndex, offsetBy: offset)
                let end = utf8.index(start, offsetBy: count)
                if let cut = String(utf8[start..<end]) { return cut }
            }
        }
        return String(cString: pointer)
    }

    /// A text node's literal: the stretch of the parsed text it is, where its bytes are there
    /// (nearly every run), else its own copy of the C string.
    private func textLiteral(of node: OpaquePointer) -> InlineText {
        guard let pointer = cmark_node_get_literal(node) else { return InlineText("") }
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        if cutsLiterals, line > 0, column > 0 {
            let count = strlen(pointer)
            let offset = columns.lineStart(line) + column - 1
            if columns.holds(pointer, count: count, at: offset), let part = part(holding: offset..<offset + count),
               let run = InlineText(part.text, bytes: offset - part.start..<offset - part.start + count) {
                return run
            }
        }
        return InlineText(String(cString: pointer))
    }

    /// The longest part `sharedParts` makes of several lines, in bytes: with its String's
    /// header, within jemalloc's small size classes (up to 14 KiB). A larger allocation takes
    /// a page more than its size (jemalloc's cache-oblivious padding): a document's text in one
    /// String held 24 MiB of such pages at 10,000 documents.
    static let partLimit = 12 * 1024

    /// `text` cut after newlines into parts of at most `partLimit` bytes (a longer line is
    /// a part of its own), each a String copied without validating it again: text runs never
    /// span lines, so each is a stretch of one part.
    static func sharedParts(of text: String, limit: Int = partLimit) -> [(start: Int, text: SharedText)] {
        let utf8 = text.utf8
        let count = utf8.count
        guard count > limit else { return [(0, SharedText(text))] }
        var ends: [Int] = []
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            while start < count {
                var end = min(start + limit, count)
                if end < count {
                    if let newline = bytes[start..<end].lastIndex(of: 0x0A) {
                        end = newline + 1
                    } else {
                        end = bytes[end...].firstIndex(of: 0x0A).map { $0 + 1 } ?? count
                    }
                }
                ends.append(end)
                start = end
            }
        }
        var parts: [(start: Int, text: SharedText)] = []
        parts.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            parts.append((start, SharedText(String(Substring(utf8[from..<utf8.index(from, offsetBy: end - start)])))))
            start = end
        }
        return parts
    }

    /// The part of the text that holds all of `bytes`, if one does.
    private func part(holding bytes: Range<Int>) -> (start: Int, text: SharedText)? {
        // The last part starting at or before the range.
        var low = 0
        var high = parts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if parts[middle].start <= bytes.lowerBound { low = middle } else { high = middle }
        }
        guard let part = parts.indices.contains(low) ? parts[low] : nil, part.start <= bytes.lowerBound,
              bytes.upperBound <= part.start + part.text.utf8Count else { return nil }
        return part
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
