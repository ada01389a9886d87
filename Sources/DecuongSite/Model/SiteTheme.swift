import DecuongStructure

/// A theme of a plan with what its page shows: where the plan's text is, the outline section
/// that elaborates it (if any), and the neighbours for prev/next.
public struct SiteTheme: Sendable, Hashable {
    public var theme: Theme
    /// The plan document's slug.
    public var documentSlug: String
    /// The page, relative to the site root: `ke-hoach-2023/ii-1-1.html`.
    public var pagePath: String
    public var outline: OutlineMatch?

    public init(theme: Theme, documentSlug: String, pagePath: String, outline: OutlineMatch? = nil) {
        self.theme = theme
        self.documentSlug = documentSlug
        self.pagePath = pagePath
        self.outline = outline
    }
}

/// The outline section matched to a theme, and how it was found (shown by `check`).
public struct OutlineMatch: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        /// Front matter named the section for the theme.
        case pinned
        /// Same number under the outline's content part.
        case number
        /// Most similar title.
        case title
    }

    public var documentSlug: String
    public var sectionAnchor: String
    public var method: Method

    public init(documentSlug: String, sectionAnchor: String, method: Method) {
        self.documentSlug = documentSlug
        self.sectionAnchor = sectionAnchor
        self.method = method
    }
}
