import DecuongCore
import DecuongStructure

/// The data of the home page, the four index pages and the 404 page.
enum IndexPages {
    static let homePath = "index.html"
    static let themesPath = "chu-de/index.html"
    static let citedDocumentsPath = IndexPaging.path(folder: IndexPaging.citedDocumentsFolder, page: 0)
    static let organizationsPath = IndexPaging.path(folder: IndexPaging.organizationsFolder, page: 0)
    static let timelinePath = IndexPaging.path(folder: IndexPaging.timelineFolder, page: 0)
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

    /// The first letters of a paged index with the page each starts on, for the letter
    /// navigation every page of it shows.
    static func letters<Entry>(_ entries: [Entry], name: (borrowing Entry) -> String, paging: IndexPaging) -> [Start] {
        var out: [Start] = []
        // Each entry read where it lies: taken by value, each was copied (its places or
        // mentions retained and released) to read its name, on one core before rendering.
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                let letter = VietnameseCollation.initialLetter(name(entries[index]))
                if out.last?.label != letter {
                    out.append(Start(label: letter, anchor: LetterGroups.id(of: letter), page: paging.page(ofEntry: index), entry: index))
                }
            }
        }
        return out
    }

    /// Where a letter (or a year) begins in a paged index: its label, the anchor it starts at,
    /// and the page that anchor is on.
    struct Start: Sendable {
        let label: String
        let anchor: String
        let page: Int
        /// The entry it starts at, in the whole index.
        let entry: Int

        /// The link to it from page `number`.
        func href(from number: Int, paging: IndexPaging, in page: PageContext) -> String {
            self.page == number ? "#\(anchor)" : page.href("\(paging.path(ofPage: self.page))#\(anchor)")
        }
    }

    /// The title, breadcrumbs, pager and letter navigation of page `number` of a paged index.
    static func pagedFrame(in page: PageContext, titleKey: String, kind: String, paging: IndexPaging, number: Int,
                           letters: [Start]) -> TemplateData {
        let title = page.strings[titleKey]
        let first = paging.path(ofPage: 0)
        let label = "\(page.strings["page"]) \(number + 1)"
        let home = (page.strings["home"], Optional(homePath))
        var data = number == 0
            ? page.frame(title: title, kind: kind, current: first, breadcrumbs: [home, (title, nil)], extraKeys: 8)
            : page.frame(title: "\(title) – \(label)", kind: kind, current: first, breadcrumbs: [home, (title, first), (label, nil)],
                         extraKeys: 8)
        data["pageLabel"] = number == 0 ? false : label
        let count = paging.pages.count
        data["hasPager"] = count > 1
        data["previousHref"] = number > 0 ? page.href(paging.path(ofPage: number - 1)) : false
        data["nextHref"] = number + 1 < count ? page.href(paging.path(ofPage: number + 1)) : false
        // First, last, and two either side of this one: a timeline of 10,000 documents has
        // hundreds of pages.
        var items: [TemplateData] = []
        var previous = -1
        for shown in 0..<count where shown == 0 || shown == count - 1 || abs(shown - number) <= 2 {
            if shown > previous + 1 { items.append(["gap": true]) }
            items.append(["label": "\(shown + 1)", "href": shown == number ? false : page.href(paging.path(ofPage: shown)),
                          "gap": false])
            previous = shown
        }
        data["pagerItems"] = items
        data["letters"] = letters.map { start -> TemplateData in
            ["letter": start.label, "id": start.anchor, "href": start.href(from: number, paging: paging, in: page)]
        }
        data["hasLetters"] = letters.count > 1
        return data
    }

    static func citedDocuments(page number: Int, paging: IndexPaging, letters: [Start]) -> @Sendable (PageContext) -> TemplateData {
        { page in
            let site = page.site
            var data = pagedFrame(in: page, titleKey: "citedDocuments", kind: "cited-documents", paging: paging, number: number,
                                  letters: letters)
            data["groups"] = LetterGroups.groups(site.citedDocuments, paging.pages[number], letters: letters) { entry in
                TemplateRow(keys: citedDocumentKeys, values: [
                    .string(entry.pointee.anchor),
                    // `displayName` and `page.href(path)` joined in one allocation each, not interpolated.
                    .string(entry.pointee.kind.map { PageContext.joined($0, " số ", entry.pointee.id) } ?? entry.pointee.id),
                    PageContext.textValue(entry.pointee.date.map { page.displayDate($0) }),
                    entry.pointee.documentSlug.map { .string(RelativeURL.from(page.page, toDocument: $0, anchor: nil)) } ?? .bool(false),
                    .records(.places(page.placeViews(entry.pointee.places))),
                ])
            }
            return data
        }
    }

    static func organizations(page number: Int, paging: IndexPaging, letters: [Start]) -> @Sendable (PageContext) -> TemplateData {
        { page in
            let site = page.site
            var data = pagedFrame(in: page, titleKey: "organizations", kind: "organizations", paging: paging, number: number,
                                  letters: letters)
            // Looked up once a page: interpolating the key and hashing it was per assignment.
            let roleLabels = Dictionary(uniqueKeysWithValues: [Assignment.Role.lead, .support, .responsible].map {
                ($0, page.strings["role.\($0.rawValue)"])
            })
            data["groups"] = LetterGroups.groups(site.organizations, paging.pages[number], letters: letters) { entry in
                var assignments: [TemplateRow] = []
                assignments.reserveCapacity(entry.pointee.assignments.count)
                // Read where they are: each task taken by value was copied (its Strings retained
                // and released).
                entry.pointee.assignments.withUnsafeBufferPointer { tasks in
                    guard let base = tasks.baseAddress else { return }
                    for index in tasks.indices {
                        let task = base + index
                        let link = page.placeTarget(documentSlug: task.pointee.documentSlug,
                                                    sectionAnchor: task.pointee.assignment.sectionAnchor)
                        let role = task.pointee.assignment.role
                        assignments.append(TemplateRow(keys: assignmentKeys, values: [
                            .string(role.rawValue),
                            .string(roleLabels[role] ?? page.strings["role.\(role.rawValue)"]),
                            .string(task.pointee.assignment.task),
                            .string(link.href),
                            .string(link.label),
                        ]))
                    }
                }
                // Sections already listed as an assignment are not repeated as a mention.
                let places = entry.pointee.assignments.isEmpty
                    ? page.placeViews(entry.pointee.mentions)
                    : unassignedPlaces(entry.pointee.mentions, assignments: entry.pointee.assignments, in: page)
                return TemplateRow(keys: organizationKeys, values: [
                    .string(entry.pointee.anchor),
                    .string(entry.pointee.name),
                    .bool(!assignments.isEmpty),
                    .rows(assignments),
                    .bool(!places.isEmpty),
                    .records(.places(places)),
                ])
            }
            return data
        }
    }

    /// The places of `mentions` in no section an assignment lists, as `placeViews`. Compared as
    /// (document, section) pairs, without joining a key for each (an allocation and a hash per
    /// mention); `referenceUnassigned` keeps the joined keys. The pairs are equal exactly when
    /// the keys are while no document's slug holds a `#` (a scalar that never composes, so it
    /// splits a key at the same place in either form); otherwise the keys decide.
    static func unassignedPlaces(_ mentions: [DocumentPlace], assignments: [OrganizationEntry.AssignedTask],
                                 in page: PageContext) -> [PlaceView] {
        guard !contains(assignments, where: { hasHash($0.pointee.documentSlug) }),
              !contains(mentions, where: { hasHash($0.pointee.documentSlug) }) else {
            let assigned = Set(assignments.map { PageContext.joined($0.documentSlug, "#", $0.assignment.sectionAnchor) })
            return page.placeViews(mentions) { place in
                !assigned.contains(PageContext.joined(place.pointee.documentSlug, "#", place.pointee.sectionAnchor ?? ""))
            }
        }
        // A few assignments are compared one by one; many through a set of pairs.
        if assignments.count <= 8 {
            return assignments.withUnsafeBufferPointer { tasks in
                page.placeViews(mentions) { place in
                    !tasks.contains { task in
                        task.documentSlug == place.pointee.documentSlug && task.assignment.sectionAnchor == (place.pointee.sectionAnchor ?? "")
                    }
                }
            }
        }
        let assigned = Set(assignments.map { AssignedPlace(slug: $0.documentSlug, anchor: $0.assignment.sectionAnchor) })
        return page.placeViews(mentions) { place in
            !assigned.contains(AssignedPlace(slug: place.pointee.documentSlug, anchor: place.pointee.sectionAnchor ?? ""))
        }
    }

    /// Whether some item, read where it lies, is one `isMatch` accepts: an item handed to a
    /// closure by value (`contains(where:)`) was copied, its Strings retained and released.
    private static func contains<Item>(_ items: [Item], where isMatch: (UnsafePointer<Item>) -> Bool) -> Bool {
        items.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return buffer.indices.contains { isMatch(base + $0) }
        }
    }

    /// Whether a slug holds a `#`, on its bytes: through the UTF-8 view's iterator it cost
    /// hundreds of instructions a mention.
    private static func hasHash(_ slug: String) -> Bool {
        slug.withUTF8Bytes { $0.contains(UInt8(ascii: "#")) }
    }

    private struct AssignedPlace: Hashable {
        let slug: String
        let anchor: String
    }

    /// The mentions `unassignedPlaces` keeps, by joined keys as the page had it: its reference.
    static func referenceUnassigned(_ mentions: [DocumentPlace], assignments: [OrganizationEntry.AssignedTask]) -> [DocumentPlace] {
        let assigned = Set(assignments.map { PageContext.joined($0.documentSlug, "#", $0.assignment.sectionAnchor) })
        return mentions.filter { !assigned.contains(PageContext.joined($0.documentSlug, "#", $0.sectionAnchor ?? "")) }
    }

    /// The years of the timeline with the entry and page each starts at.
    static func years(_ timeline: [TimelineEntry], paging: IndexPaging) -> [Start] {
        var out: [Start] = []
        for index in timeline.indices {
            // The date alone: the entry taken by value was copied (seven strings retained).
            let year = String(timeline[index].date.prefix(4))
            if out.last?.label != year {
                out.append(Start(label: year, anchor: "moc-\(index + 1)", page: paging.page(ofEntry: index), entry: index))
            }
        }
        return out
    }

    static func timeline(page number: Int, paging: IndexPaging, years: [Start]) -> @Sendable (PageContext) -> TemplateData {
        { page in
            let site = page.site
            var data = pagedFrame(in: page, titleKey: "timeline", kind: "timeline", paging: paging, number: number, letters: [])
            data["hasEntries"] = !site.timeline.isEmpty
            // The chart shows the whole timeline, once.
            data["chartHtml"] = number == 0 ? TimelineChart.svg(site.timeline, title: page.strings["timelineChart"]) : ""
            data["hasChart"] = number == 0
            data["hasYears"] = paging.pages.count > 1
            data["years"] = years.map { start -> TemplateData in
                ["year": start.label, "href": start.href(from: number, paging: paging, in: page)]
            }
            let range = paging.pages[number]
            // Rows: a timeline has an entry per dated mention, thousands of them.
            // Records: a timeline has an entry per dated mention, thousands of them.
            // Read where they are: an entry taken by value was copied, seven Strings retained and released.
            data["entries"] = site.timeline.withUnsafeBufferPointer { entries -> [TimelineView] in
                guard let base = entries.baseAddress else { return [] }
                var views: [TimelineView] = []
                views.reserveCapacity(range.count)
                let dateOfIssue = page.strings["dateOfIssue"]
                for index in range where index < entries.count {
                    views.append(timelineView(index, base + index, in: page, dateOfIssue: dateOfIssue))
                }
                return views
            }
            return data
        }
    }

    /// The entry at `index` of the whole timeline, as `timeline.mustache` shows it.
    static func timelineView(_ index: Int, _ entry: TimelineEntry, in page: PageContext) -> TimelineView {
        withUnsafePointer(to: entry) { timelineView(index, $0, in: page) }
    }

    /// `dateOfIssue`: `page.strings["dateOfIssue"]`, looked up once a page.
    static func timelineView(_ index: Int, _ entry: UnsafePointer<TimelineEntry>, in page: PageContext,
                             dateOfIssue: String? = nil) -> TimelineView {
        let display = page.displayDate(entry.pointee.date) + (entry.pointee.endDate.map { " - \(page.displayDate($0))" } ?? "")
        // A mention written exactly as the date adds nothing next to it.
        let text = entry.pointee.isDocumentDate
            ? PageContext.joined(dateOfIssue ?? page.strings["dateOfIssue"], ": ", entry.pointee.text)
            : isOnlyTheDate(entry.pointee.text, display: display) ? nil : entry.pointee.text
        // Made once: the entry keeps its sentence as a cut of its line (see `ContextSentence`).
        // Read from the place where it lies: the entry's `context` getter, called on the entry
        // in place, copied the whole entry (its Strings retained and released) each time.
        let placeAddress = entry.pointer(to: \.place)
        let sentence = placeAddress.map { $0.pointee.sentence.text } ?? entry.pointee.context
        let context = sentence == entry.pointee.text ? nil : sentence
        let place = placeAddress.map { page.placeView(at: $0) } ?? page.placeView(entry.pointee.place)
        return TimelineView(number: index + 1, datetime: entry.pointee.date, display: display,
                            text: text?.isEmpty == false ? text : nil, context: context?.isEmpty == false ? context : nil,
                            place: place)
    }

    /// `timelineView` as the row timeline pages had before, kept as its reference.
    static func timelineRow(_ index: Int, _ entry: TimelineEntry, in page: PageContext) -> TemplateRow {
        let link = page.placeTarget(documentSlug: entry.place.documentSlug, sectionAnchor: entry.place.sectionAnchor)
        let display = page.displayDate(entry.date) + (entry.endDate.map { " - \(page.displayDate($0))" } ?? "")
        return TemplateRow(keys: timelineKeys, values: [
            .string("moc-\(index + 1)"),
            .string(entry.date),
            .string(display),
            entry.isDocumentDate ? .string("\(page.strings["dateOfIssue"]): \(entry.text)")
                : PageContext.textValue(isOnlyTheDate(entry.text, display: display) ? nil : entry.text),
            PageContext.textValue(entry.context == entry.text ? nil : entry.context),
            .string(link.href),
            .string(link.label),
        ])
    }

    private static let citedDocumentKeys: [TemplateKey] = ["anchor", "name", "date", "documentHref", "places"]
    private static let organizationKeys: [TemplateKey] = ["anchor", "name", "hasAssignments", "assignments", "hasPlaces", "places"]
    private static let assignmentKeys: [TemplateKey] = ["roleKey", "role", "task", "href", "label"]
    private static let timelineKeys: [TemplateKey] = ["id", "datetime", "display", "text", "context", "href", "label"]

    /// Whether `text` without its brackets is `display`: a mention that adds nothing to the
    /// date shown. A display of digits, `/`, `-` and spaces is equal only to text of those
    /// same bytes (no other scalar is canonically one of them, and a bracket a mark
    /// follows is no bracket Character), so it is compared on bytes; the Character filter
    /// built a String per entry.
    static func isOnlyTheDate(_ text: String, display: String) -> Bool {
        let allowed = { (byte: UInt8) in
            (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ")
        }
        // Read through buffers where the Strings are contiguous (native ones are): the UTF-8
        // views' iterators cost several times the comparison.
        let answer: Bool?? = display.utf8.withContiguousStorageIfAvailable { expected -> Bool? in
            guard expected.allSatisfy(allowed) else { return nil }
            return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                var next = 0
                for byte in bytes where byte != UInt8(ascii: "(") && byte != UInt8(ascii: ")") {
                    guard next < expected.count, expected[next] == byte else { return false }
                    next += 1
                }
                return next == expected.count
            }
        }
        switch answer {
        case .some(.some(let bytesAnswer)): return bytesAnswer
        case .some(.none):
            // A display of other bytes (or a text not in one buffer): the Characters decide.
            return isOnlyTheDateByCharacters(text, display: display)
        case .none:
            break
        }
        guard display.utf8.allSatisfy(allowed) else { return isOnlyTheDateByCharacters(text, display: display) }
        var expected = display.utf8.makeIterator()
        for byte in text.utf8 where byte != UInt8(ascii: "(") && byte != UInt8(ascii: ")") {
            guard expected.next() == byte else { return false }
        }
        return expected.next() == nil
    }

    /// `isOnlyTheDate` by Characters, as it was written: the reference of its test.
    static func isOnlyTheDateByCharacters(_ text: String, display: String) -> Bool {
        text.filter { $0 != "(" && $0 != ")" } == display
    }

    static func notFound(in page: PageContext) -> TemplateData {
        page.frame(title: page.strings["notFoundTitle"], kind: "not-found", current: nil, breadcrumbs: [])
    }
}
