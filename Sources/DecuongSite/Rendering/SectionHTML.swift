import DecuongMarkdown

/// A section's lead or body as `SectionView` holds it: its Markdown with the linker of its
/// page, whose HTML is written when the page is, straight into the page's buffer; or HTML
/// made beforehand (the tests' views). Rendered when the view was built, each lead and body
/// was an array of its own (4 KiB reserved for a body) that the page copied and then freed.
/// Not a case of `SafeHTML`: a larger payload there made every `TemplateValue` copy dearer.
struct SectionHTML: Sendable {
    enum Content: Sendable {
        case html(SafeHTML)
        case lead([Inline])
        case body([Block])
    }

    let content: Content
    /// The page's linker for Markdown content; nil with `.html`.
    let linker: CitationLinker?

    private static let renderer = HTMLRenderer(rawHTML: .omit)

    init(_ html: SafeHTML) {
        content = .html(html)
        linker = nil
    }

    init(lead: [Inline], linker: CitationLinker) {
        content = .lead(lead)
        self.linker = linker
    }

    init(body: [Block], linker: CitationLinker) {
        // Most sections have no body beyond their lead: nothing to render or keep.
        content = body.isEmpty ? .html(Self.empty) : .body(body)
        self.linker = body.isEmpty ? nil : linker
    }

    private static let empty = SafeHTML(renderedBytes: [])

    /// The HTML at the end of `buffer`, Markdown rendered there.
    func write(into buffer: inout HTMLBuffer) {
        switch content {
        case .html(let html): buffer.append(html.bytes)
        case .lead(let inlines):
            if let linker { Self.renderer.render(inlines: inlines, links: linker, into: &buffer) }
        case .body(let blocks):
            if let linker { Self.renderer.render(blocks, links: linker, into: &buffer) }
        }
    }

    /// The HTML as a value of its own, Markdown rendered into an array as the view held it
    /// before: for escaping, sections, swift-mustache, and as the reference `write(into:)`
    /// is tested against.
    var safeHTML: SafeHTML {
        switch content {
        case .html(let html): html
        case .lead(let inlines): SafeHTML(renderedBytes: linker.map { Self.renderer.renderBytes(inlines: inlines, links: $0) } ?? [])
        case .body(let blocks): SafeHTML(renderedBytes: linker.map { Self.renderer.renderBytes(blocks, links: $0) } ?? [])
        }
    }
}
