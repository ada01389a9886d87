import DecuongContent
import DecuongCore
import DecuongStructure

/// One document of the site with everything the pages need to name and place it: its slug
/// (the folder its page lives in), the document it is attached to, and the values front
/// matter overrides.
public struct SiteDocument: Sendable, Hashable {
    /// ASCII, unique in the site: the page is `<slug>/index.html`.
    public var slug: String
    /// The source file as shown to the user (`content/ke-hoach-2023/ke-hoach.md`).
    public let sourcePath: String
    public let structure: StructuredDocument
    public let frontMatter: FrontMatter
    /// The title a reader sees in lists: kind and summary ("Kế hoạch thông tin, tuyên truyền
    /// …"), else kind and number, else the file name. Stored: every index lists it thousands of times.
    public let displayTitle: String
    /// The slug of the main document this one is attached to; nil for a main document.
    public var attachedTo: String?
    /// Slugs of the documents attached to this one, in reading order.
    public var attachments: [String]

    public init(slug: String, sourcePath: String, structure: StructuredDocument, frontMatter: FrontMatter = FrontMatter(),
                attachedTo: String? = nil, attachments: [String] = []) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.structure = structure
        self.frontMatter = frontMatter
        self.displayTitle = Self.displayTitle(kind: frontMatter.kind ?? structure.header.kind,
                                              summary: frontMatter.title ?? structure.header.title,
                                              number: frontMatter.number ?? structure.header.number, sourcePath: sourcePath)
        self.attachedTo = attachedTo
        self.attachments = attachments
    }

    /// "Kế hoạch", "Đề cương": front matter wins over the recognized header.
    public var kind: String? { frontMatter.kind ?? structure.header.kind }
    /// The summary (*trích yếu*).
    public var summary: String? { frontMatter.title ?? structure.header.title }
    public var number: String? { frontMatter.number ?? structure.header.number }
    /// ISO `YYYY-MM-DD`.
    public var date: String? { frontMatter.date ?? structure.header.date }
    public var place: String? { frontMatter.place ?? structure.header.place }
    public var issuer: String? { frontMatter.issuer ?? structure.header.issuer }

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
