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
    /// Where each section sits in `sections` and its display number, by anchor (see
    /// `section(anchor:)`, `displayNumber(anchor:)`); kept as `SectionAnchorTable`, which
    /// holds it in about a quarter of the room of the dictionary.
    public var sectionIndex: [String: SectionIndexEntry] {
        get { sectionTable.dictionary(sections) }
        set { sectionTable = SectionAnchorTable(newValue) }
    }
    /// `sectionIndex` as the recognizer leaves it.
    var sectionTable = SectionAnchorTable()

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

    /// The section with this anchor. Uses the index the recognizer leaves behind (pages
    /// look sections up thousands of times); falls back to a search if the tree changed.
    public func section(anchor: String) -> Section? {
        if let found = sectionTable.section(anchor: anchor, in: sections) { return found }
        return allSections.first { $0.anchor == anchor }
    }

    /// The display number (`II.1.3`) of the section with this anchor: one lookup, as index
    /// pages ask for one per place, and the number read where the section is.
    public func displayNumber(anchor: String) -> String? {
        if let number = sectionTable.displayNumber(anchor: anchor, in: sections) { return number }
        return section(anchor: anchor)?.displayNumber
    }

    /// Child indices from the top to every section and its display number, by anchor; where
    /// two sections share an anchor, the first one's. The dictionary the recognizer kept
    /// before `SectionAnchorTable`: the reference for the tests.
    public static func sectionIndex(of sections: [Section]) -> [String: SectionIndexEntry] {
        var index: [String: SectionIndexEntry] = [:]
        // Grown entry by entry, the table was rehashed several times a document.
        index.reserveCapacity(sectionCount(sections))
        // The path down to the sections being added, in one array changed in place, and
        // packed (`SectionIndexEntry`) while it fits: no array is made for a section whose
        // path fits the word.
        var path: [Int] = []
        func add(_ sections: [Section], packed: UInt64?) {
            // By index: taking each section whole copied (and retained) all it holds.
            for position in sections.indices {
                path.append(position)
                let childPacked = packed.flatMap { SectionIndexEntry.appending(position, to: $0) }
                let entry = childPacked.map { SectionIndexEntry(packed: $0, displayNumber: sections[position].displayNumber) }
                    ?? SectionIndexEntry(path: path, displayNumber: sections[position].displayNumber)
                // Anchors are unique but for rare collisions: one hash to insert, and the
                // first section's entry put back when the anchor was taken.
                if let first = index.updateValue(entry, forKey: sections[position].anchor) {
                    index[sections[position].anchor] = first
                }
                add(sections[position].children, packed: childPacked)
                path.removeLast()
            }
        }
        add(sections, packed: 0)
        return index
    }

    private static func sectionCount(_ sections: [Section]) -> Int {
        var count = sections.count
        for index in sections.indices { count += sectionCount(sections[index].children) }
        return count
    }

    /// The paths of `sectionIndex(of:)` as first written: the reference for the tests.
    static func referenceSectionPaths(of sections: [Section]) -> [String: [Int]] {
        var paths: [String: [Int]] = [:]
        func add(_ sections: [Section], prefix: [Int]) {
            for index in sections.indices {
                let path = prefix + [index]
                let anchor = sections[index].anchor
                if paths[anchor] == nil { paths[anchor] = path }
                add(sections[index].children, prefix: path)
            }
        }
        add(sections, prefix: [])
        return paths
    }
}
