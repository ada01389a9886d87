import DecuongCore
import DecuongMarkdown

/// What the recognizer makes of one document: its header, its numbered sections with the
/// Markdown they hold, its closing, and what it cites and names. Every word of the source
/// ends up in exactly one place here (header, preamble, a section, epilogue or closing).
public struct StructuredDocument: Sendable, Hashable {
    /// The file it came from, as shown to the user.
    public var path: String
    public var header: DocumentHeader
    /// Text between the header and the first section ("Thực hiện Kế hoạch số …").
    public var preamble: [Block]
    public var sections: [Section]
    /// Text after the last section that belongs to no section ("(Đính kèm Đề cương …)").
    public var epilogue: [Block]
    public var closing: DocumentClosing
    public var citations: [Citation]
    public var dates: [DateMention]
    public var organizations: [OrganizationMention]
    public var assignments: [Assignment]
    /// The numbered items of the content part (the section titled `NỘI DUNG…`).
    public var themes: [Theme]
    /// Documents that follow this one in the same file (a plan's đề cương or phụ lục).
    public var attachments: [StructuredDocument]
    public var diagnostics: [Diagnostic]

    public init(path: String, header: DocumentHeader = DocumentHeader(), preamble: [Block] = [],
                sections: [Section] = [], epilogue: [Block] = [], closing: DocumentClosing = DocumentClosing(),
                citations: [Citation] = [], dates: [DateMention] = [], organizations: [OrganizationMention] = [],
                assignments: [Assignment] = [], themes: [Theme] = [], attachments: [StructuredDocument] = [],
                diagnostics: [Diagnostic] = []) {
        self.path = path
        self.header = header
        self.preamble = preamble
        self.sections = sections
        self.epilogue = epilogue
        self.closing = closing
        self.citations = citations
        self.dates = dates
        self.organizations = organizations
        self.assignments = assignments
        self.themes = themes
        self.attachments = attachments
        self.diagnostics = diagnostics
    }
}

extension StructuredDocument {
    /// Every section, depth first, in document order.
    public var allSections: [Section] {
        var out: [Section] = []
        func add(_ sections: [Section]) {
            for section in sections {
                out.append(section)
                add(section.children)
            }
        }
        add(sections)
        return out
    }

    public func section(anchor: String) -> Section? {
        allSections.first { $0.anchor == anchor }
    }
}
