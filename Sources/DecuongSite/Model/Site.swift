import Dispatch
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
    /// Lookup tables over the arrays above, made by `buildLookups()` (the linker calls it).
    /// Pages consult the indexes thousands of times; scanning them made builds quadratic.
    public private(set) var lookups = SiteLookups()

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

    /// The document made from the file at `sourcePath` (one file makes one document), found
    /// without building `allDocuments`.
    public func document(sourcePath: String) -> SiteDocument? {
        documentsBySlug.values.first { $0.sourcePath == sourcePath }
    }

    /// Puts a new version of a document (same slug) in place of the old one; the indexes are
    /// left as they are (see `IncrementalBuilder.updateQuickly`).
    mutating func replace(_ document: SiteDocument) {
        guard documentsBySlug[document.slug] != nil else { return }
        documentsBySlug[document.slug] = document
        if let index = mainDocuments.firstIndex(where: { $0.slug == document.slug }) { mainDocuments[index] = document }
    }

    public func themes(ofDocument slug: String) -> [SiteTheme] {
        guard lookups.isBuilt else { return themes.filter { $0.documentSlug == slug } }
        return lookups.themesByDocument[slug].map { $0.map { themes[$0] } } ?? []
    }

    /// The cited-document entry for a citation key, if any.
    public func citedDocument(key: String) -> CitedDocument? {
        guard lookups.isBuilt else { return citedDocuments.first { $0.key == key } }
        return lookups.citedByKey[key].map { citedDocuments[$0] }
    }

    /// Cited-document entries with this number, in index order.
    public func citedDocuments(id: String) -> [CitedDocument] {
        guard lookups.isBuilt else { return citedDocuments.filter { $0.id == id } }
        return lookups.citedByID[id].map { $0.map { citedDocuments[$0] } } ?? []
    }

    /// Cited documents cited from the given sections (document slug → anchors), each once,
    /// in index order.
    public func citedDocuments(inSections scopes: [(document: String, anchors: Set<String>)]) -> [CitedDocument] {
        guard lookups.isBuilt else {
            return citedDocuments.filter { entry in
                entry.places.contains { place in
                    scopes.contains { $0.document == place.documentSlug && place.sectionAnchor.map($0.anchors.contains) == true }
                }
            }
        }
        return Self.collect(scopes, in: lookups.citedByPlace).map { citedDocuments[$0] }
    }

    /// Organizations named or assigned in the given sections, each once, in index order.
    public func organizations(inSections scopes: [(document: String, anchors: Set<String>)]) -> [OrganizationEntry] {
        guard lookups.isBuilt else {
            return organizations.filter { entry in
                scopes.contains { scope in
                    entry.mentions.contains { $0.documentSlug == scope.document && $0.sectionAnchor.map(scope.anchors.contains) == true }
                        || entry.assignments.contains { $0.documentSlug == scope.document && scope.anchors.contains($0.assignment.sectionAnchor) }
                }
            }
        }
        return Self.collect(scopes, in: lookups.organizationsByPlace).map { organizations[$0] }
    }

    /// The positions grouped under each scope's sections, each once, in order.
    private static func collect(_ scopes: [(document: String, anchors: Set<String>)], in groups: SectionGroups) -> [Int] {
        var found = Set<Int>()
        for scope in scopes {
            for anchor in scope.anchors {
                if let positions = groups[scope.document, anchor] { found.formUnion(positions) }
            }
        }
        return found.sorted()
    }

    /// Rebuilds the lookup tables; call after changing the arrays.
    public mutating func buildLookups() {
        // The cited-document tables and the organization table read different arrays: make
        // them side by side, as this runs between the parallel stages.
        let (themes, citedDocuments, organizations) = (self.themes, self.citedDocuments, self.organizations)
        let cited = SharedValue(SiteLookups())
        let named = SharedValue(SectionGroups())
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var lookups = SiteLookups()
                lookups.themesByDocument = GroupedIndices(themes.indices.lazy.map { (themes[$0].documentSlug, $0) })
                lookups.citedByKey.reserveCapacity(citedDocuments.count)
                for (index, entry) in citedDocuments.enumerated() where lookups.citedByKey[entry.key] == nil {
                    lookups.citedByKey[entry.key] = index
                }
                lookups.citedByID = GroupedIndices(citedDocuments.indices.lazy.map { (citedDocuments[$0].id, $0) })
                var byPlace = SectionGroups.Builder()
                citedDocuments.withUnsafeBufferPointer { entries in
                    for index in entries.indices {
                        for place in entries[index].places {
                            guard let anchor = place.sectionAnchor else { continue }
                            byPlace.add(document: place.documentSlug, anchor: anchor, position: index)
                        }
                    }
                }
                lookups.citedByPlace = byPlace.finish()
                cited.withLock { $0 = lookups }
            } else {
                var builder = SectionGroups.Builder()
                organizations.withUnsafeBufferPointer { entries in
                    for index in entries.indices {
                        for place in entries[index].mentions {
                            guard let anchor = place.sectionAnchor else { continue }
                            builder.add(document: place.documentSlug, anchor: anchor, position: index)
                        }
                        for task in entries[index].assignments {
                            builder.add(document: task.documentSlug, anchor: task.assignment.sectionAnchor, position: index)
                        }
                    }
                }
                let byPlace = builder.finish()
                named.withLock { $0 = byPlace }
            }
        }
        var lookups = cited.withLock { $0 }
        lookups.organizationsByPlace = named.withLock { $0 }
        lookups.isBuilt = true
        self.lookups = lookups
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
