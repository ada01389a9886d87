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

        if old.citedDocuments.map(CitationTarget.init) != new.citedDocuments.map(CitationTarget.init) {
            changed.insert(.citationTargets)
        }
        if old.citedDocuments.map(CitedEntry.init) != new.citedDocuments.map(CitedEntry.init) {
            changed.insert(.citedDocuments)
        }
        if old.organizations.map(OrganizationTarget.init) != new.organizations.map(OrganizationTarget.init) {
            changed.insert(.organizationTargets)
        }
        if old.organizations.map(OrganizationShown.init) != new.organizations.map(OrganizationShown.init) {
            changed.insert(.organizations)
        }
        if old.timeline.map(TimelineShown.init) != new.timeline.map(TimelineShown.init) {
            changed.insert(.timeline)
        }
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

    struct CitationTarget: Hashable {
        let key: String
        let id: String
        let kind: String?
        let date: String?
        let anchor: String
        let documentSlug: String?
        let indexPage: Int

        init(_ entry: CitedDocument) {
            key = entry.key
            id = entry.id
            kind = entry.kind
            date = entry.date
            anchor = entry.anchor
            indexPage = entry.indexPage
            documentSlug = entry.documentSlug
        }
    }

    struct Place: Hashable {
        let documentSlug: String
        let sectionAnchor: String?
        let context: String

        init(_ place: DocumentPlace) {
            documentSlug = place.documentSlug
            sectionAnchor = place.sectionAnchor
            context = place.context
        }
    }

    struct CitedEntry: Hashable {
        let target: CitationTarget
        let places: [Place]

        init(_ entry: CitedDocument) {
            target = CitationTarget(entry)
            places = entry.places.map(Place.init)
        }
    }

    struct OrganizationTarget: Hashable {
        let name: String
        let anchor: String
        let indexPage: Int

        init(_ entry: OrganizationEntry) {
            name = entry.name
            indexPage = entry.indexPage
            anchor = entry.anchor
        }
    }

    struct Task: Hashable {
        let documentSlug: String
        let role: Assignment.Role
        let sectionAnchor: String
        let task: String
    }

    struct OrganizationShown: Hashable {
        let target: OrganizationTarget
        let tasks: [Task]
        let mentions: [Place]

        init(_ entry: OrganizationEntry) {
            target = OrganizationTarget(entry)
            tasks = entry.assignments.map {
                Task(documentSlug: $0.documentSlug, role: $0.assignment.role, sectionAnchor: $0.assignment.sectionAnchor,
                     task: $0.assignment.task)
            }
            mentions = entry.mentions.map(Place.init)
        }
    }

    struct TimelineShown: Hashable {
        let date: String
        let endDate: String?
        let text: String
        let context: String
        let place: Place
        let isDocumentDate: Bool

        init(_ entry: TimelineEntry) {
            date = entry.date
            endDate = entry.endDate
            text = entry.text
            context = entry.context
            place = Place(entry.place)
            isDocumentDate = entry.isDocumentDate
        }
    }
}
