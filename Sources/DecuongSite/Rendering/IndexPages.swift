import DecuongCore
import DecuongStructure

/// The data of the home page, the four index pages and the 404 page.
enum IndexPages {
    static let homePath = "index.html"
    static let themesPath = "chu-de/index.html"
    static let citedDocumentsPath = "van-ban/index.html"
    static let organizationsPath = "co-quan/index.html"
    static let timelinePath = "moc-thoi-gian/index.html"
    static let notFoundPath = "404.html"

    static func home(in page: PageContext) -> TemplateData {
        let site = page.site
        var data = page.frame(title: nil, kind: "home", current: homePath, breadcrumbs: [])
        data["hasDocuments"] = !site.mainDocuments.isEmpty
        data["documents"] = site.mainDocuments.map { document -> TemplateData in
            let attachments = document.attachments.compactMap { site.document($0) }
            let themes = site.themes(ofDocument: document.slug)
            var meta: [String] = []
            if let number = document.number { meta.append("\(page.strings["number"]) \(number)") }
            if let date = document.date { meta.append(page.displayDate(date)) }
            if let issuer = document.issuer { meta.append(issuer) }
            return [
                "href": page.href(DocumentPage.path(document)),
                "title": document.displayTitle,
                "meta": PageContext.text(meta.joined(separator: " · ")),
                "hasThemes": !themes.isEmpty,
                "themeCount": themes.count,
                "themesHref": page.href("\(themesPath)#\(planID(document))"),
                "hasAttachments": !attachments.isEmpty,
                "attachments": attachments.map { ["href": page.href(DocumentPage.path($0)), "title": $0.displayTitle] as TemplateData },
            ]
        }
        data["indexes"] = [
            (themesPath, "themes"), (citedDocumentsPath, "citedDocuments"), (organizationsPath, "organizations"), (timelinePath, "timeline"),
        ].map { target, key -> TemplateData in
            ["href": page.href(target), "label": page.strings[key], "description": page.strings["\(key)Description"]]
        }
        return data
    }

    static func planID(_ document: SiteDocument) -> String { "kh-\(document.slug)" }

    static func themes(in page: PageContext) -> TemplateData {
        let site = page.site
        var data = page.frame(title: page.strings["themes"], kind: "themes", current: themesPath,
                              breadcrumbs: [(page.strings["home"], homePath), (page.strings["themes"], nil)])
        let plans = site.allDocuments.filter { !site.themes(ofDocument: $0.slug).isEmpty }
        data["plans"] = plans.map { plan -> TemplateData in
            [
                "id": planID(plan),
                "href": page.href(DocumentPage.path(plan)),
                "title": plan.displayTitle,
                "themes": site.themes(ofDocument: plan.slug).map { theme -> TemplateData in
                    ["href": page.href(theme.pagePath), "number": theme.theme.number, "title": theme.theme.title,
                     "hasOutline": theme.outline != nil]
                },
            ]
        }
        return data
    }

    static func citedDocuments(in page: PageContext) -> TemplateData {
        let site = page.site
        var data = page.frame(title: page.strings["citedDocuments"], kind: "cited-documents", current: citedDocumentsPath,
                              breadcrumbs: [(page.strings["home"], homePath), (page.strings["citedDocuments"], nil)])
        let (groups, letters) = LetterGroups.groups(site.citedDocuments, name: \.displayName) { entry in
            [
                "anchor": entry.anchor,
                "name": entry.displayName,
                "date": PageContext.text(entry.date.map(page.displayDate)),
                "documentHref": entry.documentSlug.map { page.href("\($0)/index.html") } ?? false,
                "places": entry.places.map(page.placeLink),
            ]
        }
        data["groups"] = groups
        data["letters"] = letters
        data["hasLetters"] = letters.count > 1
        return data
    }

    static func organizations(in page: PageContext) -> TemplateData {
        let site = page.site
        var data = page.frame(title: page.strings["organizations"], kind: "organizations", current: organizationsPath,
                              breadcrumbs: [(page.strings["home"], homePath), (page.strings["organizations"], nil)])
        let (groups, letters) = LetterGroups.groups(site.organizations, name: \.name) { entry in
            let assignments = entry.assignments.map { task -> TemplateData in
                let link = page.placeLink(DocumentPlace(documentSlug: task.documentSlug,
                                                        sectionAnchor: task.assignment.sectionAnchor, context: "",
                                                        location: SourceLocation(line: 1, column: 1)))
                return [
                    "roleKey": task.assignment.role.rawValue,
                    "role": page.strings["role.\(task.assignment.role.rawValue)"],
                    "task": task.assignment.task,
                    "href": link["href"] ?? "",
                    "label": link["label"] ?? "",
                ]
            }
            // Sections already listed as an assignment are not repeated as a mention.
            let assigned = Set(entry.assignments.map { "\($0.documentSlug)#\($0.assignment.sectionAnchor)" })
            let places = entry.mentions
                .filter { !assigned.contains("\($0.documentSlug)#\($0.sectionAnchor ?? "")") }
                .map(page.placeLink)
            return [
                "anchor": entry.anchor,
                "name": entry.name,
                "hasAssignments": !assignments.isEmpty,
                "assignments": assignments,
                "hasPlaces": !places.isEmpty,
                "places": places,
            ]
        }
        data["groups"] = groups
        data["letters"] = letters
        data["hasLetters"] = letters.count > 1
        return data
    }

    static func timeline(in page: PageContext) -> TemplateData {
        let site = page.site
        var data = page.frame(title: page.strings["timeline"], kind: "timeline", current: timelinePath,
                              breadcrumbs: [(page.strings["home"], homePath), (page.strings["timeline"], nil)])
        data["hasEntries"] = !site.timeline.isEmpty
        data["chartHtml"] = TimelineChart.svg(site.timeline, title: page.strings["timelineChart"])
        data["entries"] = site.timeline.enumerated().map { index, entry -> TemplateData in
            let link = page.placeLink(entry.place)
            let display = page.displayDate(entry.date) + (entry.endDate.map { " - \(page.displayDate($0))" } ?? "")
            return [
                "id": "moc-\(index + 1)",
                "datetime": entry.date,
                "display": display,
                // A mention written exactly as the date adds nothing next to it.
                "text": entry.isDocumentDate ? "\(page.strings["dateOfIssue"]): \(entry.text)"
                    : PageContext.text(entry.text.filter { $0 != "(" && $0 != ")" } == display ? nil : entry.text),
                "context": PageContext.text(entry.context == entry.text ? nil : entry.context),
                "href": link["href"] ?? "",
                "label": link["label"] ?? "",
            ]
        }
        return data
    }

    static func notFound(in page: PageContext) -> TemplateData {
        page.frame(title: page.strings["notFoundTitle"], kind: "not-found", current: nil, breadcrumbs: [])
    }
}
