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
        // Room for a line per source line the blocks span (no two lines share one; blank
        // lines make it more than needed): sized for a line a block, the array still grew
        // by copying a few times per document, lists being one block of many lines. The
        // array lives only while the document is recognized.
        let span = (document.blocks.last?.range.end.line ?? 0) - (document.blocks.first?.range.start.line ?? 0) + 1
        extractor.lines.reserveCapacity(max(document.blocks.count, min(span, 4 * document.blocks.count + 64)))
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
            blocks(children, containers: Self.appending(quote, to: containers))
        case .list(let list):
            let id = newContainer()
            for (index, item) in list.items.enumerated() {
                let container = LineContainer(id: id, kind: .listItem(marker: list.marker, index: index, tight: list.isTight,
                                                                      number: item.writtenNumber),
                                              itemRange: item.range)
                let before = lines.count
                let itemContainers = Self.appending(container, to: containers)
                blocks(item.blocks, containers: itemContainers)
                if lines.count > before {
                    lines[before].startsListItem = lines[before].containers.count == containers.count + 1
                } else {
                    // An empty item still counts for numbering and bullets.
                    lines.append(TextLine(inlines: [], text: "", range: item.range, paragraph: newParagraph(),
                                          isFirstInParagraph: true, containers: itemContainers,
                                          startsListItem: true, headingLevel: nil, atomic: nil, isBold: false))
                }
            }
        case .footnoteDefinition(let definition):
            let quote = LineContainer(id: newContainer(), kind: .quote, itemRange: block.range)
            blocks(definition.blocks, containers: Self.appending(quote, to: containers))
        case .codeBlock, .htmlBlock, .thematicBreak, .table:
            lines.append(TextLine(inlines: [], text: "", range: block.range, paragraph: newParagraph(),
                                  isFirstInParagraph: true, containers: containers, startsListItem: false,
                                  headingLevel: nil, atomic: block, isBold: false))
        }
    }

    private mutating func paragraph(_ inlines: [Inline], range: SourceRange, containers: [LineContainer], heading: Int?) {
        let paragraph = newParagraph()
        // A paragraph of one line (most of them) is that line: no array of lines to make.
        if InlineEditing.isOneLine(inlines) {
            line(inlines, offset: 0, range: range, paragraph: paragraph, first: true, containers: containers, heading: heading)
            return
        }
        var first = true
        for (offset, raw) in InlineEditing.splitLines(inlines).enumerated() {
            if line(raw, offset: offset, range: range, paragraph: paragraph, first: first, containers: containers,
                    heading: heading) {
                first = false
            }
        }
    }

    /// Adds the line `offset` of a paragraph, unless it is a page number or decoration
    /// (then false).
    @discardableResult
    private mutating func line(_ raw: [Inline], offset: Int, range: SourceRange, paragraph: Int, first: Bool,
                               containers: [LineContainer], heading: Int?) -> Bool {
        var content = InlineEditing.trimTrailing(InlineEditing.trimLeading(raw))
        var text = UTF8Scalars.trimmed(InlineEditing.plainText(content))
        if Self.isPageNumber(text) || Self.isDecoration(text) { return false }
        if Self.endsWithClosingMark(text) {
            content = InlineEditing.dropSuffix(content, characters: 2)
            text.removeLast(2)
        }
        let line = range.start.line + offset
        let column = content.first.map { $0.range.start.line == line ? $0.range.start.column : 1 } ?? 1
        let isBold = InlineEditing.isAllBold(content)
        // The line ends at its text's last character, counted only if asked (`TextLine.end`).
        lines.append(TextLine(inlines: consume content, text: consume text, start: SourceLocation(line: line, column: column),
                              paragraph: paragraph,
                              isFirstInParagraph: first, containers: containers, startsListItem: false,
                              headingLevel: heading, atomic: nil, isBold: isBold))
        return true
    }

    /// `containers + [container]`, one array at its size (the lines of the item share it).
    private static func appending(_ container: LineContainer, to containers: [LineContainer]) -> [LineContainer] {
        var out: [LineContainer] = []
        out.reserveCapacity(containers.count + 1)
        out.append(contentsOf: containers)
        out.append(container)
        return out
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
        // From the buffer: the view's generic `last` and reversed iterator stepped indices.
        let answer: Bool? = text.withUTF8Bytes { bytes in
            let n = bytes.count
            guard n >= 3, bytes[n - 1] == UInt8(ascii: "."), bytes[n - 2] == UInt8(ascii: "/"),
                  bytes[n - 3] == UInt8(ascii: ".") else { return false }
            guard n > 3 else { return true }
            // Before an ASCII byte, or the last byte of a scalar below U+0300 or of Latin
            // Extended Additional (each stands alone), the three are characters of their own.
            let before = bytes[n - 4]
            return before < 0x80 && before != 0x0D ? true : nil
        }
        return answer ?? text.hasSuffix("./.")
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
        if let first = UTF8Scalars.first(text), first.isLetterFast || first.isASCIIDigit { return false }
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
