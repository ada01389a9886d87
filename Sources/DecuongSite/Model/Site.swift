import DecuongContent
import DecuongCore

/// The linked site: every document with its slug and attachments, the plans' themes with
/// their outline sections, and the indexes. Rendering reads only this.
public struct Site: Sendable, Hashable {
    public var config: SiteConfig
    /// Main documents newest first, each followed by nothing: attachments are reached through
    /// `SiteDocument.attachments`. Use `allDocuments` for every page.
    public var mainDocuments: [SiteDocument]
    /// Every document by slug.
    public var documentsBySlug: [String: SiteDocument]
    /// Themes of all plans, in site order (plan by plan, theme by theme).
    public var themes: [SiteTheme]
    /// Cited documents in Vietnamese A–Z order of their names.
    public var citedDocuments: [CitedDocument]
    /// Organizations in Vietnamese A–Z order.
    public var organizations: [OrganizationEntry]
    /// Dates in time order.
    public var timeline: [TimelineEntry]
    /// Everything found while loading and linking (recognizer diagnostics included).
    public var diagnostics: [Diagnostic]

    public init(config: SiteConfig, mainDocuments: [SiteDocument] = [], documentsBySlug: [String: SiteDocument] = [:],
                themes: [SiteTheme] = [], citedDocuments: [CitedDocument] = [], organizations: [OrganizationEntry] = [],
                timeline: [TimelineEntry] = [], diagnostics: [Diagnostic] = []) {
        self.config = config
        self.mainDocuments = mainDocuments
        self.documentsBySlug = documentsBySlug
        self.themes = themes
        self.citedDocuments = citedDocuments
        self.organizations = organizations
        self.timeline = timeline
        self.diagnostics = diagnostics
    }

    /// Main documents in order, each followed by its attachments.
    public var allDocuments: [SiteDocument] {
        mainDocuments.flatMap { main in
            [main] + main.attachments.compactMap { documentsBySlug[$0] }
        }
    }

    public func document(_ slug: String) -> SiteDocument? { documentsBySlug[slug] }

    public func themes(ofDocument slug: String) -> [SiteTheme] {
        themes.filter { $0.documentSlug == slug }
    }

    /// The cited-document entry for a citation key, if any.
    public func citedDocument(key: String) -> CitedDocument? {
        citedDocuments.first { $0.key == key }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
