/// Renders the Swift Markdown tree to HTML. Its output equals `cmark_render_html` for the
/// same document and options (the CommonMark and GFM suites check this), so later stages
/// can rewrite the tree (anchors, links, citations) and still get cmark's HTML.
public struct HTMLRenderer: Sendable {
    public enum RawHTML: Sendable, Hashable {
        /// Raw HTML becomes `<!-- raw HTML omitted -->` and dangerous URLs are emptied
        /// (cmark's default, safe mode). This is what published pages use.
        case omit
        /// Raw HTML passes through (cmark's `--unsafe`), with GFM's tag filter when asked.
        case allow(tagFilter: Bool)
    }

    public var rawHTML: RawHTML

    public init(rawHTML: RawHTML = .omit) {
        self.rawHTML = rawHTML
    }

    public func render(_ document: MarkdownDocument) -> String {
        render(document.blocks)
    }

    public func render(_ blocks: [Block]) -> String {
        String(decoding: renderBytes(blocks), as: UTF8.self)
    }

    public func render(inlines: [Inline]) -> String {
        String(decoding: renderBytes(inlines: inlines), as: UTF8.self)
    }

    /// The HTML as UTF-8 bytes, for pages that are bytes anyway: no String made and checked
    /// again (that was 6 % of a document page). The bytes are valid UTF-8: text comes from
    /// Strings and markup is ASCII.
    public func renderBytes(_ blocks: [Block]) -> [UInt8] {
        var state = HTMLRenderState(rawHTML: rawHTML, out: [UInt8]())
        state.blocks(blocks, tight: false, find: HTMLRenderState<[UInt8]>.noLinks)
        state.finish()
        return state.out
    }

    public func renderBytes(inlines: [Inline]) -> [UInt8] {
        var state = HTMLRenderState(rawHTML: rawHTML, out: [UInt8](), reserving: HTMLRenderState<[UInt8]>.estimatedSize(inlines))
        state.inlines(inlines, find: HTMLRenderState<[UInt8]>.noLinks)
        return state.out
    }

    /// `renderBytes(blocks)` with the text runs outside links rendered as `links` splits
    /// them: the same bytes as rendering a tree in which each found range is a link
    /// (`Link(destination:children: [text])`), without making that tree.
    public func renderBytes(_ blocks: [Block], links: some TextLinks) -> [UInt8] {
        var state = HTMLRenderState(rawHTML: rawHTML, out: [UInt8](), linking: true)
        state.blocks(blocks, tight: false, find: { links.links(inUTF8: $0) })
        state.finish()
        return state.out
    }

    /// `renderBytes(_:links:)` written at the end of `buffer`: the same bytes, without an
    /// array of their own for the caller to copy and free (a page writes each section's HTML
    /// where it goes). What is already in the buffer does not count as output: a first block
    /// starts no new line after it, as it starts none at the start of `renderBytes`.
    public func render(_ blocks: [Block], links: some TextLinks, into buffer: inout HTMLBuffer) {
        var state = HTMLRenderState(rawHTML: rawHTML, out: buffer, linking: true, reserving: 0)
        state.blocks(blocks, tight: false, find: { links.links(inUTF8: $0) })
        state.finish()
        buffer = state.out
    }

    /// `renderBytes(inlines:)` with `links` (see `renderBytes(_:links:)`).
    public func renderBytes(inlines: [Inline], links: some TextLinks) -> [UInt8] {
        var state = HTMLRenderState(rawHTML: rawHTML, out: [UInt8](), linking: true, reserving: HTMLRenderState<[UInt8]>.estimatedSize(inlines))
        state.inlines(inlines, find: { links.links(inUTF8: $0) })
        return state.out
    }

    /// `renderBytes(inlines:links:)` written at the end of `buffer` (see `render(_:links:into:)`).
    public func render(inlines: [Inline], links: some TextLinks, into buffer: inout HTMLBuffer) {
        var state = HTMLRenderState(rawHTML: rawHTML, out: buffer, linking: true, reserving: 0)
        state.inlines(inlines, find: { links.links(inUTF8: $0) })
        buffer = state.out
    }
}

/// One rendering pass; mirrors the state cmark's renderer keeps (footnote counters).
struct HTMLRenderState<Output: HTMLByteSink> {
    let rawHTML: HTMLRenderer.RawHTML
    var out: Output
    /// Where this render's output starts in `out`: what a caller wrote before is not ours.
    private let start: Int
    private var footnotesOpened = 0
    private var footnotesBackLinked = 0

    /// Whether text runs are asked for links as they are written (see `TextLinks`), and how
    /// many links the writing is inside (no link inside a link). The asking is a non-escaping
    /// closure handed down the walk: an existential kept here was copied out (with its
    /// tables) for every text run, and an escaping closure was a heap box per render.
    private let linking: Bool
    private var linkDepth = 0

    typealias LinkFinder = (UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, destination: String)]

    static func noLinks(_ text: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, destination: String)] { [] }

    init(rawHTML: HTMLRenderer.RawHTML, out: Output, linking: Bool = false, reserving capacity: Int = 4096) {
        self.rawHTML = rawHTML
        self.out = out
        start = out.count
        self.linking = linking
        if capacity > 0 { self.out.reserveRoom(capacity) }
    }

    /// Room for the HTML of `inlines`: their text and some markup. A section's lead is a
    /// line or two; 4 KiB for each was most of its render and stayed with its bytes.
    static func estimatedSize(_ inlines: [Inline]) -> Int {
        var size = 32
        for inline in inlines {
            switch inline.kind {
            case .text(let text): size += text.utf8Count
            case .code(let text), .html(let text): size += text.utf8.count
            default: size += 32
            }
        }
        return size + size / 4
    }

    private var unsafe: Bool {
        if case .allow = rawHTML { return true }
        return false
    }

    private var tagFilter: Bool {
        if case .allow(let filter) = rawHTML { return filter }
        return false
    }

    mutating func finish() {
        if footnotesOpened > 0 { put("</ol>\n</section>\n") }
    }

    // MARK: Output

    private mutating func putString(_ text: String) {
        out.appendUTF8(text)
    }

    /// Markup, nearly every put: its bytes appended as one buffer.
    private mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { out.appendBytes($0) }
    }

    private mutating func putEscaped(_ text: String) {
        HTMLEscaping.appendEscapedHTML(text.utf8, to: &out)
    }

    private mutating func putHref(_ text: String) {
        HTMLEscaping.appendEscapedHref(text.utf8, to: &out)
    }

    /// A heading's level as its digit (cmark's levels are 1 to 6), without making a String.
    private mutating func putLevel(_ level: Int) {
        if (0...9).contains(level) {
            out.appendByte(UInt8(ascii: "0") + UInt8(level))
        } else {
            putString(String(level))
        }
    }

    /// A newline unless the output is empty or already ends a line.
    private mutating func cr() {
        if out.count > start, out.byte(at: out.count - 1) != 0x0A { out.appendByte(0x0A) }
    }

    // MARK: Blocks

    mutating func blocks(_ blocks: [Block], tight: Bool, footnote: FootnoteDefinition? = nil, find: LinkFinder) {
        for (index, block) in blocks.enumerated() {
            let closesFootnote = footnote != nil && index == blocks.count - 1
            self.block(block, tight: tight, closingFootnote: closesFootnote ? footnote : nil, find: find)
        }
    }

    private mutating func block(_ block: Block, tight: Bool, closingFootnote: FootnoteDefinition?, find: LinkFinder) {
        switch block.kind {
        case .paragraph(let content):
            if tight {
                inlines(content, find: find)
            } else {
                cr()
                put("<p>")
                inlines(content, find: find)
                if let closingFootnote {
                    put(" ")
                    footnoteBackLinks(closingFootnote)
                }
                put("</p>\n")
            }
        case .heading(let level, let content):
            cr()
            put("<h")
            putLevel(level)
            put(">")
            inlines(content, find: find)
            put("</h")
            putLevel(level)
            put(">\n")
        case .blockQuote(let children):
            cr()
            put("<blockquote>\n")
            blocks(children, tight: false, find: find)
            cr()
            put("</blockquote>\n")
        case .list(let list):
            self.list(list, find: find)
        case .codeBlock(let code):
            cr()
            if let language = code.language {
                put("<pre><code class=\"language-")
                putEscaped(language)
                put("\">")
            } else {
                put("<pre><code>")
            }
            putEscaped(code.literal)
            put("</code></pre>\n")
        case .htmlBlock(let html):
            cr()
            if !unsafe {
                put("<!-- raw HTML omitted -->")
            } else if tagFilter {
                filteredHTMLBlock(Array(html.utf8))
            } else {
                putString(html)
            }
            cr()
        case .thematicBreak:
            cr()
            put("<hr />\n")
        case .table(let table):
            self.table(table, find: find)
        case .footnoteDefinition(let definition):
            footnoteDefinition(definition, find: find)
        }
    }

    private mutating func list(_ list: ListBlock, find: LinkFinder) {
        cr()
        switch list.marker {
        case .bullet: put("<ul>\n")
        case .ordered(let start, _): putString(start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n")
        }
        for item in list.items {
            cr()
            put("<li>")
            switch item.task {
            case .checked: put("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ")
            case .unchecked: put("<input type=\"checkbox\" disabled=\"\" /> ")
            case nil: break
            }
            blocks(item.blocks, tight: list.isTight, find: find)
            put("</li>\n")
        }
        put(list.isOrdered ? "</ol>\n" : "</ul>\n")
    }

    private mutating func table(_ table: Table, find: LinkFinder) {
        cr()
        put("<table>")
        cr()
        put("<thead>")
        cr()
        put("<tr>")
        cells(table.header, header: true, alignments: table.alignments, find: find)
        cr()
        put("</tr>")
        cr()
        put("</thead>")
        for (index, row) in table.rows.enumerated() {
            cr()
            if index == 0 {
                put("<tbody>")
                cr()
            }
            put("<tr>")
            cells(row, header: false, alignments: table.alignments, find: find)
            cr()
            put("</tr>")
        }
        if !table.rows.isEmpty {
            cr()
            put("</tbody>")
            cr()
        }
        cr()
        put("</table>")
        cr()
    }

    private mutating func cells(_ cells: [TableCell], header: Bool, alignments: [Table.Alignment], find: LinkFinder) {
        for (index, cell) in cells.enumerated() {
            cr()
            put(header ? "<th" : "<td")
            switch index < alignments.count ? alignments[index] : .none {
            case .left: put(" align=\"left\"")
            case .center: put(" align=\"center\"")
            case .right: put(" align=\"right\"")
            case .none: break
            }
            put(">")
            inlines(cell.inlines, find: find)
            put(header ? "</th>" : "</td>")
        }
    }

    private mutating func footnoteDefinition(_ definition: FootnoteDefinition, find: LinkFinder) {
        if footnotesOpened == 0 { put("<section class=\"footnotes\" data-footnotes>\n<ol>\n") }
        footnotesOpened += 1
        put("<li id=\"fn-")
        putHref(definition.label)
        put("\">\n")
        let endsInParagraph: Bool
        if case .paragraph = definition.blocks.last?.kind { endsInParagraph = true } else { endsInParagraph = false }
        blocks(definition.blocks, tight: false, footnote: endsInParagraph ? definition : nil, find: find)
        if footnoteBackLinks(definition) { put("\n") }
        put("</li>\n")
    }

    /// The "↩" links from a footnote back to each place that cites it; written once,
    /// at the end of the footnote's last paragraph or else after its last block.
    @discardableResult
    private mutating func footnoteBackLinks(_ definition: FootnoteDefinition) -> Bool {
        guard footnotesBackLinked < footnotesOpened else { return false }
        footnotesBackLinked = footnotesOpened
        put("<a href=\"#fnref-")
        putHref(definition.label)
        put("\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>")
        if definition.referenceCount > 1 {
            for n in 2...definition.referenceCount {
                put(" <a href=\"#fnref-")
                putHref(definition.label)
                putString("-\(n)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩<sup class=\"footnote-ref\">\(n)</sup></a>")
            }
        }
        return true
    }

    private mutating func filteredHTMLBlock(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard let lt = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else { break }
            out.appendSequence(bytes[index..<lt])
            if TagFilter.isBlocked(bytes[lt...]) { put("&lt;") } else { out.appendByte(UInt8(ascii: "<")) }
            index = lt + 1
        }
        if index < bytes.count { out.appendSequence(bytes[index...]) }
    }

    // MARK: Inlines

    mutating func inlines(_ inlines: [Inline], find: LinkFinder) {
        for inline in inlines { self.inline(inline, find: find) }
    }

    private mutating func inline(_ inline: Inline, find: LinkFinder) {
        switch inline.kind {
        case .text(let text):
            text.withUTF8Bytes { bytes in
                if linking, linkDepth == 0 {
                    putLinked(bytes, find(bytes))
                } else {
                    HTMLEscaping.appendEscapedHTML(bytes, to: &out)
                }
            }
        case .softBreak:
            put("\n")
        case .lineBreak:
            put("<br />\n")
        case .code(let code):
            put("<code>")
            putEscaped(code)
            put("</code>")
        case .html(let html):
            if !unsafe {
                put("<!-- raw HTML omitted -->")
            } else if tagFilter, TagFilter.isBlocked(Array(html.utf8)[...]) {
                put("&lt;")
                out.appendSequence(html.utf8.dropFirst())
            } else {
                putString(html)
            }
        case .emphasis(let children):
            put("<em>")
            inlines(children, find: find)
            put("</em>")
        case .strong(let children):
            put("<strong>")
            inlines(children, find: find)
            put("</strong>")
        case .strikethrough(let children):
            put("<del>")
            inlines(children, find: find)
            put("</del>")
        case .link(let link):
            put("<a href=\"")
            if unsafe || !HTMLEscaping.isDangerousURL(link.destination) { putHref(link.destination) }
            if !link.title.isEmpty {
                put("\" title=\"")
                putEscaped(link.title)
            }
            put("\">")
            linkDepth += 1
            inlines(link.children, find: find)
            linkDepth -= 1
            put("</a>")
        case .image(let image):
            put("<img src=\"")
            if unsafe || !HTMLEscaping.isDangerousURL(image.destination) { putHref(image.destination) }
            put("\" alt=\"")
            altText(image.children)
            if !image.title.isEmpty {
                put("\" title=\"")
                putEscaped(image.title)
            }
            put("\" />")
        case .footnoteReference(let reference):
            put("<sup class=\"footnote-ref\"><a href=\"#fn-")
            putHref(reference.label)
            put("\" id=\"fnref-")
            putHref(reference.label)
            if reference.occurrence > 1 { putString("-\(reference.occurrence)") }
            put("\" data-footnote-ref>")
            putHref(String(reference.number))
            put("</a></sup>")
        }
    }

    /// A text run with `found` links in it, written as `.link` writes a link whose one child
    /// is the linked text.
    private mutating func putLinked(_ bytes: UnsafeBufferPointer<UInt8>, _ found: [(range: Range<Int>, destination: String)]) {
        var plainStart = 0
        for (range, destination) in found where range.lowerBound >= plainStart && range.upperBound <= bytes.count {
            HTMLEscaping.appendEscapedHTML(UnsafeBufferPointer(rebasing: bytes[plainStart..<range.lowerBound]), to: &out)
            put("<a href=\"")
            if unsafe || !HTMLEscaping.isDangerousURL(destination) { putHref(destination) }
            put("\">")
            HTMLEscaping.appendEscapedHTML(UnsafeBufferPointer(rebasing: bytes[range]), to: &out)
            put("</a>")
            plainStart = range.upperBound
        }
        HTMLEscaping.appendEscapedHTML(UnsafeBufferPointer(rebasing: bytes[plainStart...]), to: &out)
    }

    /// An image's alt attribute: the text of its description without any markup.
    private mutating func altText(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline.kind {
            case .text(let text): text.withUTF8Bytes { HTMLEscaping.appendEscapedHTML($0, to: &out) }
            case .code(let text), .html(let text): putEscaped(text)
            case .softBreak, .lineBreak: put(" ")
            default: altText(inline.children)
            }
        }
    }
}
