import DecuongStructure

/// Which parts of a site differ between two versions of it, as `PageDependency` values.
/// Comparing is cheap next to rendering: unchanged documents share their storage, so most
/// comparisons stop at the first array.
public struct SiteChanges: Sendable {
    public var changed: Set<PageDependency>

    public init(from old: Site, to new: Site, oldPlan: SitePlan, newPlan: SitePlan) {
        var changed: Set<PageDependency> = []
        let slugs = Set(old.documentsBySlug.keys).union(new.documentsBySlug.keys)
        for slug in slugs {
            let before = old.documentsBySlug[slug]
            let after = new.documentsBySlug[slug]
            if before != after {
                changed.insert(.document(slug))
                changed.insert(.anyDocument)
                let numbers = { (document: SiteDocument?) in
                    (document?.structure.allSections ?? []).map { [$0.anchor, $0.displayNumber] }
                }
                if numbers(before) != numbers(after) { changed.insert(.sectionNumbers(slug)) }
            }
            if before.map(Summary.init) != after.map(Summary.init) { changed.insert(.summary(slug)) }
        }
        if old.allDocuments.map(\.slug) != new.allDocuments.map(\.slug) { changed.insert(.documentOrder) }

        let oldThemes = Dictionary(grouping: old.themes, by: \.documentSlug)
        let newThemes = Dictionary(grouping: new.themes, by: \.documentSlug)
        for slug in Set(oldThemes.keys).union(newThemes.keys) where oldThemes[slug] != newThemes[slug] {
            changed.insert(.themes(ofDocument: slug))
            changed.insert(.allThemes)
            let links = { (themes: [SiteTheme]?) in
                (themes ?? []).map { [$0.theme.sectionAnchor, $0.theme.number, $0.pagePath] }
            }
            if links(oldThemes[slug]) != links(newThemes[slug]) { changed.insert(.themeLinks(ofDocument: slug)) }
            // Neighbours are within one plan, so a theme page changes only when its plan's themes do.
            let before = Self.neighbourhoods(oldThemes[slug] ?? [])
            let after = Self.neighbourhoods(newThemes[slug] ?? [])
            for path in Set(before.keys).union(after.keys) where before[path] != after[path] {
                changed.insert(.themePage(path))
            }
        }

        // Compared element by element in place: projections of every entry (and the strings
        // of their cut sentences) were most of the time of linking again after a save.
        let sameTargets = Self.same(old.citedDocuments, new.citedDocuments, by: Self.sameTarget)
        if !sameTargets { changed.insert(.citationTargets) }
        if !sameTargets || !Self.same(old.citedDocuments, new.citedDocuments, by: { Self.same($0.places, $1.places, by: Self.samePlace) }) {
            changed.insert(.citedDocuments)
        }
        let sameOrganizations = Self.same(old.organizations, new.organizations, by: Self.sameTarget)
        if !sameOrganizations { changed.insert(.organizationTargets) }
        if !sameOrganizations || !Self.same(old.organizations, new.organizations, by: Self.sameShown) {
            changed.insert(.organizations)
        }
        if !Self.same(old.timeline, new.timeline, by: Self.sameShown) { changed.insert(.timeline) }
        if oldPlan.htmlPages != newPlan.htmlPages { changed.insert(.pageList) }
        self.changed = changed
    }

    /// Each theme page's theme with its previous and next theme, by page path.
    static func neighbourhoods(_ themes: [SiteTheme]) -> [String: [SiteTheme?]] {
        var out: [String: [SiteTheme?]] = [:]
        for (index, theme) in themes.enumerated() {
            out[theme.pagePath] = [index > 0 ? themes[index - 1] : nil, theme,
                                   index + 1 < themes.count ? themes[index + 1] : nil]
        }
        return out
    }

    /// Whether a page planned for the new site must be rendered again.
    public func affects(_ page: PlannedPage) -> Bool {
        !page.dependencies.isDisjoint(with: changed)
    }

    // What pages show of each part; source positions are left out because no page shows
    // them, and an edit moves every line below it.

    struct Summary: Hashable {
        let title: String
        let kind: String?
        let number: String?
        let date: String?
        let issuer: String?
        let attachedTo: String?
        let attachments: [String]

        init(_ document: SiteDocument) {
            title = document.displayTitle
            kind = document.kind
            number = document.number
            date = document.date
            issuer = document.issuer
            attachedTo = document.attachedTo
            attachments = document.attachments
        }
    }

    /// Whether `a` and `b` are equal element by element by `same`.
    @inline(__always)
    static func same<T>(_ a: [T], _ b: [T], by same: (T, T) -> Bool) -> Bool {
        guard a.count == b.count else { return false }
        for index in a.indices where !same(a[index], b[index]) { return false }
        return true
    }

    /// What a citation links to.
    static func sameTarget(_ a: CitedDocument, _ b: CitedDocument) -> Bool {
        a.key == b.key && a.id == b.id && a.kind == b.kind && a.date == b.date && a.anchor == b.anchor
            && a.indexPage == b.indexPage && a.documentSlug == b.documentSlug
    }

    /// What an index page shows of a place.
    static func samePlace(_ a: DocumentPlace, _ b: DocumentPlace) -> Bool {
        a.documentSlug == b.documentSlug && a.sectionAnchor == b.sectionAnchor && a.sentence == b.sentence
    }

    /// What a mention of an organization links to.
    static func sameTarget(_ a: OrganizationEntry, _ b: OrganizationEntry) -> Bool {
        a.name == b.name && a.anchor == b.anchor && a.indexPage == b.indexPage
    }

    /// What the organizations' pages show of one (its target compared apart).
    static func sameShown(_ a: OrganizationEntry, _ b: OrganizationEntry) -> Bool {
        same(a.assignments, b.assignments) { x, y in
            x.documentSlug == y.documentSlug && x.assignment.role == y.assignment.role
                && x.assignment.sectionAnchor == y.assignment.sectionAnchor && x.assignment.task == y.assignment.task
        } && same(a.mentions, b.mentions, by: samePlace)
    }

    /// What the timeline shows of an entry (its context is its place's sentence).
    static func sameShown(_ a: TimelineEntry, _ b: TimelineEntry) -> Bool {
        a.date == b.date && a.endDate == b.endDate && a.text == b.text && a.isDocumentDate == b.isDocumentDate
            && samePlace(a.place, b.place)
    }
}
