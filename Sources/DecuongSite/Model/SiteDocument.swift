import DecuongContent
import DecuongCore
import DecuongStructure

/// One document of the site with everything the pages need to name and place it: its slug
/// (the folder its page lives in), the document it is attached to, and the values front
/// matter overrides.
public struct SiteDocument: Sendable, Hashable {
    /// What does not change once loaded, shared between copies: every index and page list
    /// copies documents, and a document has dozens of strings and arrays to retain.
    private final class Storage: Sendable {
        let slug: String
        let sourcePath: String
        let structure: StructuredDocument
        let frontMatter: FrontMatter
        let displayTitle: String

        init(slug: String, sourcePath: String, structure: StructuredDocument, frontMatter: FrontMatter, displayTitle: String) {
            self.slug = slug
            self.sourcePath = sourcePath
            self.structure = structure
            self.frontMatter = frontMatter
            self.displayTitle = displayTitle
        }
    }

    private let storage: Storage
    /// ASCII, unique in the site: the page is `<slug>/index.html`.
    public var slug: String { storage.slug }
    /// The source file as shown to the user (`content/ke-hoach-2023/ke-hoach.md`).
    public var sourcePath: String { storage.sourcePath }
    public var structure: StructuredDocument { storage.structure }
    public var frontMatter: FrontMatter { storage.frontMatter }
    /// The title a reader sees in lists: kind and summary ("Kế hoạch thông tin, tuyên truyền
    /// …"), else kind and number, else the file name. Stored: every index lists it thousands of times.
    public var displayTitle: String { storage.displayTitle }
    /// The slug of the main document this one is attached to; nil for a main document.
    public var attachedTo: String?
    /// Slugs of the documents attached to this one, in reading order.
    public var attachments: [String]

    public init(slug: String, sourcePath: String, structure: StructuredDocument, frontMatter: FrontMatter = FrontMatter(),
                attachedTo: String? = nil, attachments: [String] = []) {
        self.init(slug: slug, sourcePath: sourcePath, structure: structure, frontMatter: frontMatter,
                  displayTitle: Self.displayTitle(structure: structure, frontMatter: frontMatter, sourcePath: sourcePath),
                  attachedTo: attachedTo, attachments: attachments)
    }

    /// A document whose `displayTitle` was made before (`displayTitle(structure:frontMatter:sourcePath:)`
    /// of the same values): the arranger makes the titles of all documents on every core.
    init(slug: String, sourcePath: String, structure: StructuredDocument, frontMatter: FrontMatter, displayTitle: String,
         attachedTo: String? = nil, attachments: [String] = []) {
        storage = Storage(slug: slug, sourcePath: sourcePath, structure: structure, frontMatter: frontMatter,
                          displayTitle: displayTitle)
        self.attachedTo = attachedTo
        self.attachments = attachments
    }

    public static func == (lhs: SiteDocument, rhs: SiteDocument) -> Bool {
        guard lhs.attachedTo == rhs.attachedTo, lhs.attachments == rhs.attachments else { return false }
        if lhs.storage === rhs.storage { return true }
        return lhs.slug == rhs.slug && lhs.sourcePath == rhs.sourcePath && lhs.frontMatter == rhs.frontMatter
            && lhs.structure == rhs.structure
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(slug)
        hasher.combine(sourcePath)
        hasher.combine(attachedTo)
        hasher.combine(attachments)
    }

    /// A section by anchor, read in place: `structure` hands out a copy of the whole
    /// structure (a retain per field), and index pages ask for a section per place.
    public func section(anchor: String) -> Section? { storage.structure.section(anchor: anchor) }
    /// The display number of a section (`II.1.3`), without copying the section.
    public func sectionNumber(anchor: String) -> String? { storage.structure.displayNumber(anchor: anchor) }

    /// "Kế hoạch", "Đề cương": front matter wins over the recognized header.
    public var kind: String? { frontMatter.kind ?? structure.header.kind }
    /// The summary (*trích yếu*).
    public var summary: String? { frontMatter.title ?? structure.header.title }
    public var number: String? { frontMatter.number ?? structure.header.number }
    /// ISO `YYYY-MM-DD`.
    public var date: String? { frontMatter.date ?? structure.header.date }
    public var place: String? { frontMatter.place ?? structure.header.place }
    public var issuer: String? { frontMatter.issuer ?? structure.header.issuer }

    /// The title of the document with these values (see `displayTitle`).
    static func displayTitle(structure: StructuredDocument, frontMatter: FrontMatter, sourcePath: String) -> String {
        displayTitle(kind: frontMatter.kind ?? structure.header.kind, summary: frontMatter.title ?? structure.header.title,
                     number: frontMatter.number ?? structure.header.number, sourcePath: sourcePath)
    }

    private static func displayTitle(kind: String?, summary: String?, number: String?, sourcePath: String) -> String {
        if let summary, !summary.isEmpty {
            guard let kind, !kind.isEmpty else { return summary }
            // A summary that already starts with the kind ("Kế hoạch thông tin …") is kept as is.
            if VietnameseText.fold(summary).hasPrefix(VietnameseText.fold(kind)) { return summary }
            return "\(kind) \(summary)"
        }
        if let kind, let number { return "\(kind) số \(number)" }
        if let kind { return kind }
        let name = sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The year used with the number as the citation key.
    public var year: Int? { date.flatMap { Int($0.prefix(4)) } }

    /// The key citations use for this document (`114-KH/BTCTW@2023`).
    public var citationKey: String? {
        guard let number else { return nil }
        return year.map { "\(number)@\($0)" } ?? number
    }

    public var isAttachment: Bool { attachedTo != nil }
}
