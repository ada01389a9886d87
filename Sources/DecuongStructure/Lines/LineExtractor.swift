import DecuongCore
import DecuongMarkdown

/// Flattens a Markdown tree into `TextLine`s in document order, remembering the lists and
/// quotes around each line so blocks can be rebuilt. Repairs that need no structure
/// happen here: bare page numbers and decoration lines (`|`, `*`, `-----`) are dropped,
/// a closing `./.` becomes `.`.
struct LineExtractor {
    private(set) var lines: [TextLine] = []
    private var nextParagraph = 0
    private var nextContainer = 0

    static func lines(of document: MarkdownDocument) -> [TextLine] {
        var extractor = LineExtractor()
        // At least a line a block: the array grew by copying, a few times per document.
        extractor.lines.reserveCapacity(document.blocks.count)
        extractor.blocks(document.blocks, containers: [])
        return extractor.lines
    }

    private mutating func blocks(_ blocks: [Block], containers: [LineContainer]) {
        for block in blocks { self.block(block, containers: containers) }
    }

    private mutating func block(_ block: Block, containers: [LineContainer]) {
        switch block.kind {
        case .paragraph(let inlines):
            paragraph(inlines, range: block.range, containers: containers, heading: nil)
        case .heading(let level, let inlines):
            paragraph(inlines, range: block.range, containers: containers, heading: level)
        case .blockQuote(let children):
            let quote = LineContainer(id: newContainer(), kind: .quote, itemRange: block.range)
            blocks(children, containers: containers + [quote])
        case .list(let list):
            let id = newContainer()
            for (index, item) in list.items.enumerated() {
                let container = LineContainer(id: id, kind: .listItem(marker: list.marker, index: index, tight: list.isTight,
                                                                      number: item.writtenNumber),
                                              itemRange: item.range)
                let before = lines.count
                blocks(item.blocks, containers: containers + [container])
                if lines.count > before {
                    lines[before].startsListItem = lines[before].containers.count == containers.count + 1
                } else {
                    // An empty item still counts for numbering and bullets.
                    lines.append(TextLine(inlines: [], text: "", range: item.range, paragraph: newParagraph(),
                                          isFirstInParagraph: true, containers: containers + [container],
                                          startsListItem: true, headingLevel: nil, atomic: nil, isBold: false))
                }
            }
        case .footnoteDefinition(let definition):
            let quote = LineContainer(id: newContainer(), kind: .quote, itemRange: block.range)
            blocks(definition.blocks, containers: containers + [quote])
        case .codeBlock, .htmlBlock, .thematicBreak, .table:
            lines.append(TextLine(inlines: [], text: "", range: block.range, paragraph: newParagraph(),
                                  isFirstInParagraph: true, containers: containers, startsListItem: false,
                                  headingLevel: nil, atomic: block, isBold: false))
        }
    }

    private mutating func paragraph(_ inlines: [Inline], range: SourceRange, containers: [LineContainer], heading: Int?) {
        let paragraph = newParagraph()
        var first = true
        for (offset, raw) in InlineEditing.splitLines(inlines).enumerated() {
            var content = InlineEditing.trimTrailing(InlineEditing.trimLeading(raw))
            var text = UTF8Scalars.trimmed(InlineEditing.plainText(content))
            if Self.isPageNumber(text) || Self.isDecoration(text) { continue }
            if Self.endsWithClosingMark(text) {
                content = InlineEditing.dropSuffix(content, characters: 2)
                text.removeLast(2)
            }
            let line = range.start.line + offset
            let column = content.first.map { $0.range.start.line == line ? $0.range.start.column : 1 } ?? 1
            let lineRange = SourceRange(line: line, column: column, endLine: line,
                                        endColumn: column + max(ScalarText.characterCount(text) - 1, 0))
            lines.append(TextLine(inlines: content, text: text, range: lineRange, paragraph: paragraph,
                                  isFirstInParagraph: first, containers: containers, startsListItem: false,
                                  headingLevel: heading, atomic: nil, isBold: InlineEditing.isAllBold(content)))
            first = false
        }
    }

    private mutating func newParagraph() -> Int {
        nextParagraph += 1
        return nextParagraph
    }

    private mutating func newContainer() -> Int {
        nextContainer += 1
        return nextContainer
    }

    /// `text.hasSuffix("./.")`. Read from the last bytes: no other scalars are equivalent
    /// to these three, so other bytes cannot end in them; and when the bytes are these, the
    /// characters are, unless the scalar before them is one that joins the next (a prepend
    /// mark: then `hasSuffix` is asked).
    static func endsWithClosingMark(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.last == UInt8(ascii: "."), utf8.count >= 3 else { return false }
        var tail = utf8.reversed().makeIterator()
        _ = tail.next()
        guard tail.next() == UInt8(ascii: "/"), tail.next() == UInt8(ascii: ".") else { return false }
        guard let before = tail.next() else { return true }
        // Before an ASCII byte, or the last byte of a scalar below U+0300 or of Latin
        // Extended Additional (each stands alone), the three are characters of their own.
        if before < 0x80 && before != 0x0D { return true }
        return text.hasSuffix("./.")
    }

    /// A line holding only a page number, as PDF text leaves between pages.
    static func isPageNumber(_ text: String) -> Bool {
        // Characters that are all ASCII digits are single bytes, so bytes tell the same.
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= 3 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A line of table borders, rules or the `*` under a party issuer: no words in it.
    static func isDecoration(_ text: String) -> Bool {
        // Most lines start with a letter: no decoration character or white space starts so.
        if let first = text.unicodeScalars.first, first.isLetterFast || first.isASCIIDigit { return false }
        return text.isEmpty || text.allSatisfy { "|*-_=~–—.".contains($0) || $0.isWhitespace }
    }
}

extension Character {
    /// Faster than a range check on `Character`, which compares strings.
    var isASCIIDigit: Bool {
        guard let ascii = asciiValue else { return false }
        return ascii >= 48 && ascii <= 57
    }
}
