import DecuongCore
import DecuongStructure

/// The data of `theme.mustache`: one theme of a plan with the plan's text for it, the
/// outline's section, the documents and organizations it names, and its neighbours.
enum ThemePage {
    static func context(_ theme: SiteTheme, index: Int, in page: PageContext) -> TemplateData {
        let site = page.site
        guard let plan = site.document(theme.documentSlug) else { return [:] }
        let outline = theme.outline.flatMap { site.document($0.documentSlug) }
        let outlineSection = theme.outline.flatMap { outline?.structure.section(anchor: $0.sectionAnchor) }
        let planSection = plan.structure.section(anchor: theme.theme.sectionAnchor)
        let label = "\(page.strings["theme"]) \(theme.theme.number)"
        var data = page.frame(title: "\(label). \(theme.theme.title)", kind: "theme", current: nil, breadcrumbs: [
            (page.strings["home"], "index.html"),
            (plan.displayTitle, DocumentPage.path(plan)),
            (label, nil),
        ], extraKeys: 16)
        data["number"] = theme.theme.number
        data["title"] = theme.theme.title

        let planBuilder = SectionViewBuilder(linker: page.citationLinker(for: plan), withIDs: false)
        data["planSection"] = planSection.map { planBuilder.record($0, headingLevel: 3) as Any } ?? false
        data["planHref"] = page.href("\(DocumentPage.path(plan))#\(theme.theme.sectionAnchor)")
        data["planTitle"] = plan.displayTitle

        if let outline, let outlineSection {
            data["outlineSection"] = SectionViewBuilder(linker: page.citationLinker(for: outline), withIDs: false).record(outlineSection, headingLevel: 3)
            data["outlineHref"] = page.href("\(DocumentPage.path(outline))#\(outlineSection.anchor)")
            data["outlineTitle"] = outline.displayTitle
        } else {
            data["outlineSection"] = false
            data["outlineHref"] = false
        }

        // What the theme names: citations and organizations in the plan's section and the
        // outline's, each once, in the order of the indexes.
        var scopes: [(String, Set<String>)] = []
        if let planSection { scopes.append((plan.slug, anchors(planSection))) }
        if let outline, let outlineSection { scopes.append((outline.slug, anchors(outlineSection))) }
        let cited = site.citedDocuments(inSections: scopes.map { (document: $0.0, anchors: $0.1) })
        data["hasCitations"] = !cited.isEmpty
        data["citations"] = cited.map { entry -> TemplateData in
            ["href": DocumentPage.href(of: entry, in: page), "name": entry.displayName,
             "date": PageContext.text(entry.date.map { page.displayDate($0) })]
        }
        let organizations = site.organizations(inSections: scopes.map { (document: $0.0, anchors: $0.1) })
        data["hasOrganizations"] = !organizations.isEmpty
        data["organizations"] = organizations.map { entry -> TemplateData in
            ["href": page.href("\(IndexPaging.path(folder: IndexPaging.organizationsFolder, page: entry.indexPage))#\(entry.anchor)"),
             "name": entry.name]
        }

        func neighbour(_ offset: Int) -> Any {
            let position = index + offset
            guard site.themes.indices.contains(position), site.themes[position].documentSlug == theme.documentSlug else {
                return false
            }
            let other = site.themes[position]
            return ["href": page.href(other.pagePath), "number": other.theme.number, "title": other.theme.title] as TemplateData
        }
        data["previous"] = neighbour(-1)
        data["next"] = neighbour(1)
        return data
    }

    static func anchors(_ section: Section) -> Set<String> {
        var out: Set<String> = [section.anchor]
        for child in section.children { out.formUnion(anchors(child)) }
        return out
    }
}
