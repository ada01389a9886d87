import DecuongContent
import DecuongCore
import DecuongStructure
import Dispatch

/// The link stage: loaded files → `Site`. Places attachments under their documents, gives
/// every page its name, matches outlines to themes and builds the indexes.
public struct SiteLinker: Sendable {
    public init() {}

    public func link(config: SiteConfig, files: [LoadedFile], diagnostics: [Diagnostic] = []) -> Site {
        var site = arrange(config: config, files: files, diagnostics: diagnostics)
        linkIndexes(&site)
        return site
    }

    /// The first half of `link`: the documents placed and named, and the plans' themes with
    /// their outlines; what the search index reads. A build makes the search index before
    /// `linkIndexes`, so that the index's working memory and the three indexes (about a
    /// hundred megabytes each at 10,000 documents) are not held at the same time.
    public func arrange(config: SiteConfig, files: [LoadedFile], diagnostics: [Diagnostic] = []) -> Site {
        var arranger = DocumentArranger()
        let documents = arranger.arrange(files)
        var site = Site(config: config)
        for document in documents { site.documentsBySlug[document.slug] = document }
        site.mainDocuments = Self.newestFirst(documents.filter { $0.attachedTo == nil })
        var themeDiagnostics: [Diagnostic] = []
        site.themes = linkThemes(site: site, diagnostics: &themeDiagnostics)
        // In one array of exactly their count (the notes of the indexes join it later).
        site.diagnostics.reserveCapacity(diagnostics.count + arranger.diagnostics.count + themeDiagnostics.count)
        site.diagnostics += diagnostics
        site.diagnostics += arranger.diagnostics
        site.diagnostics += themeDiagnostics
        return site
    }

    /// The second half of `link`: the cited documents, organizations and timeline of a site
    /// `arrange` made, and the lookup tables over them. Its diagnostics are notes only.
    public func linkIndexes(_ site: inout Site) {
        // The three indexes read only the documents: make them side by side.
        let arranged = site
        let cited = SharedValue<([CitedDocument], [Diagnostic])>(([], []))
        let organizations = SharedValue<[OrganizationEntry]>([])
        let timeline = SharedValue<[TimelineEntry]>([])
        // Longest first (parts are handed out in order): at 10,000 documents the citations
        // take about 230 ms, the organizations 165 and the timeline 100.
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0:
                var diagnostics: [Diagnostic] = []
                let made = citationIndex(site: arranged, diagnostics: &diagnostics)
                cited.withLock { $0 = (made, diagnostics) }
            case 1:
                let made = organizationIndex(site: arranged)
                organizations.withLock { $0 = made }
            default:
                let made = self.timeline(site: arranged)
                timeline.withLock { $0 = made }
            }
        }
        // Each index moved out of its box, not copied: the box's reference made the page
        // numbers' writes below copy every entry first (40 ms on one core at 10,000 documents).
        site.citedDocuments = cited.withLock { value in
            defer { value.0 = [] }
            return value.0
        }
        // Some 60,000 notes at 10,000 documents, kept to the end of the build: the site's
        // diagnostics grow once to exactly their count, not to twice what they held.
        let citationDiagnostics = cited.withLock { $0.1 }
        cited.withLock { $0.1 = [] }
        site.diagnostics.reserveCapacity(site.diagnostics.count + citationDiagnostics.count)
        site.diagnostics += citationDiagnostics
        site.organizations = organizations.withLock { value in
            defer { value = [] }
            return value
        }
        site.timeline = timeline.withLock { value in
            defer { value = [] }
            return value
        }
        let citedPaging = site.citedDocumentPaging
        for index in site.citedDocuments.indices { site.citedDocuments[index].indexPage = citedPaging.page(ofEntry: index) }
        let organizationPaging = site.organizationPaging
        for index in site.organizations.indices { site.organizations[index].indexPage = organizationPaging.page(ofEntry: index) }
        site.buildLookups()
    }

    /// Newest first; undated documents after dated ones, in Vietnamese A–Z order.
    static func newestFirst(_ documents: [SiteDocument]) -> [SiteDocument] {
        // Sorting keys, not documents: a document is a large value, and the comparator ran on copies.
        let dated = documents.compactMap { document in document.date.map { (date: $0, slug: document.slug, document: document) } }
            .sorted { ($0.date, $1.slug) > ($1.date, $0.slug) }
            .map(\.document)
        let undated = VietnameseCollation.sorted(documents.filter { $0.date == nil }, by: \.displayTitle)
        return dated + undated
    }

    // MARK: Themes

    private func linkThemes(site: Site, diagnostics: inout [Diagnostic]) -> [SiteTheme] {
        let documents = site.allDocuments
        var out: [SiteTheme] = []
        // Kept to the end of the build: an array of exactly the themes, not grown by doubling.
        out.reserveCapacity(documents.reduce(0) { $0 + ($1.isAttachment ? 0 : $1.structure.themes.count) })
        for plan in documents where !plan.structure.themes.isEmpty && !plan.isAttachment {
            var themes = plan.structure.themes.map {
                // Joined in one allocation of its length: interpolated, the path kept the
                // spare room its buffer grew by, for the rest of the build.
                SiteTheme(theme: $0, documentSlug: plan.slug,
                          pagePath: PageContext.joined(plan.slug, "/", $0.sectionAnchor, ".html"))
            }
            let outlines = plan.attachments.compactMap { site.document($0) }.filter(Self.isOutline)
            for outline in outlines {
                let pins = ThemeMatcher.pins(in: outline.frontMatter.tags)
                let (matches, unmatched) = ThemeMatcher.match(themes: plan.structure.themes, outline: outline.structure,
                                                              pins: pins)
                for index in themes.indices where themes[index].outline == nil {
                    if let (candidate, method) = matches[themes[index].theme.number] {
                        themes[index].outline = OutlineMatch(documentSlug: outline.slug, sectionAnchor: candidate.anchor,
                                                             method: method)
                    }
                }
                for candidate in unmatched {
                    let section = outline.structure.section(anchor: candidate.anchor)
                    diagnostics.append(Diagnostic(
                        severity: .warning, code: "outline.unmatched-section", file: outline.sourcePath,
                        location: section?.range.start,
                        message: "outline section \(candidate.number) “\(candidate.title)” matches no theme of the plan",
                        hint: "number it like the plan's theme (e.g. \(plan.structure.themes.first?.number ?? "1.1")), or pin it with `tags: [\"theme 1.1 = \(candidate.anchor)\"]` in the outline's front matter"))
                }
            }
            for theme in themes where theme.outline == nil {
                let section = plan.structure.section(anchor: theme.theme.sectionAnchor)
                diagnostics.append(Diagnostic(
                    severity: outlines.isEmpty ? .note : .warning, code: "outline.missing-theme", file: plan.sourcePath,
                    location: section?.range.start,
                    // A note for each theme of a plan without outline, kept to the end of the
                    // build: message and hint each in one allocation of their length.
                    message: PageContext.joined("theme ", theme.theme.number, " “", theme.theme.title,
                                                "” has no section in an outline"),
                    hint: outlines.isEmpty
                        ? PageContext.joined("create the outline with `decuong new outline ", plan.sourcePath, "`")
                        : PageContext.joined("add a section numbered ", theme.theme.number, " to the outline")))
            }
            out += themes
        }
        return out
    }

    static func isOutline(_ document: SiteDocument) -> Bool {
        VietnameseText.fold(document.kind ?? "").hasPrefix("de cuong") || !document.structure.themes.isEmpty
    }

    // MARK: Cited documents

    private func citationIndex(site: Site, diagnostics: inout [Diagnostic]) -> [CitedDocument] {
        let documents = site.allDocuments
        // A citation without a year joins the one entry with its number, when there is only one.
        var keysByID: [String: Set<String>] = [:]
        // `Citation.key` is built on each read: once per citation here, not in both loops.
        let citationKeys = documents.map { $0.structure.citations.map(\.key) }
        for (ordinal, document) in documents.enumerated() {
            for (position, citation) in document.structure.citations.enumerated() where citation.year != nil {
                keysByID[citation.id, default: []].insert(citationKeys[ordinal][position])
            }
        }
        // Entries in an array, found by key. Each citation's entry is found first and the
        // places counted, so that each entry's places fill an array of exactly their count:
        // grown by appending, a quarter of the site's places arrays was spare room, kept for
        // the rest of the build.
        var entries: [CitedDocument] = []
        var entryByKey: [String: Int] = [:]
        var usedAnchors: Set<String> = []
        var entryOfCitation: [Int32] = []
        entryOfCitation.reserveCapacity(citationKeys.reduce(0) { $0 + $1.count })
        var placeCounts: [Int] = []
        let targets = CitationTargets(documents)
        for (ordinal, document) in documents.enumerated() {
            for (position, citation) in document.structure.citations.enumerated() {
                var key = citationKeys[ordinal][position]
                if citation.year == nil, let keys = keysByID[citation.id], keys.count == 1, let only = keys.first { key = only }
                let index: Int
                if let known = entryByKey[key] {
                    index = known
                } else {
                    let unique = Self.uniqueAnchor(Slug.make(citation.year.map { "\(citation.id) \($0)" } ?? citation.id),
                                                   or: "van-ban", used: &usedAnchors)
                    index = entries.count
                    entryByKey[key] = index
                    entries.append(CitedDocument(key: key, id: citation.id, anchor: unique,
                                                 documentSlug: targets.slug(forKey: key, id: citation.id)))
                    placeCounts.append(0)
                }
                if entries[index].kind == nil { entries[index].kind = citation.kind }
                if entries[index].date == nil { entries[index].date = citation.date }
                placeCounts[index] += 1
                entryOfCitation.append(Int32(truncatingIfNeeded: index))
            }
        }
        for index in entries.indices { entries[index].places.reserveCapacity(placeCounts[index]) }
        var next = 0
        for document in documents {
            for citation in document.structure.citations {
                entries[Int(entryOfCitation[next])].places.append(
                    DocumentPlace(documentSlug: document.slug, sectionAnchor: citation.sectionAnchor,
                                  sentence: citation.sentence, location: citation.location))
                next += 1
            }
        }
        let sorted = VietnameseCollation.sorted(entries.sorted { $0.key < $1.key }, by: \.displayName)
        for entry in sorted where entry.documentSlug == nil {
            let first = entry.places.first
            diagnostics.append(Diagnostic(
                severity: .note, code: "citation.not-in-site",
                file: first.flatMap { site.document($0.documentSlug)?.sourcePath }, location: first?.location,
                // Some 60,000 notes at 10,000 documents, kept to the end of the build: each
                // message in one allocation of its length, where interpolation left spare room.
                message: PageContext.joined(entry.displayName,
                                            " is cited but is not in the site; it is listed on the cited-documents page"),
                hint: "add the document under content/ to link to its text"))
        }
        return sorted
    }

    /// The documents of the site by citation key and by number, so that resolving every
    /// citation is one lookup each instead of a scan of all documents.
    struct CitationTargets {
        var byKey: [String: String] = [:]
        var byNumber: [String: [(slug: String, year: Int?)]] = [:]

        init(_ documents: [SiteDocument]) {
            for document in documents {
                if let key = document.citationKey, byKey[key] == nil { byKey[key] = document.slug }
                if let number = document.number { byNumber[number, default: []].append((document.slug, document.year)) }
            }
        }

        func slug(forKey key: String, id: String) -> String? {
            if let exact = byKey[key] { return exact }
            let sameNumber = byNumber[id] ?? []
            if sameNumber.count == 1, !key.contains("@") || sameNumber[0].year == nil { return sameNumber[0].slug }
            return nil
        }
    }

    // MARK: Organizations

    /// One mention per organization and section: positions, not names, because hashing a
    /// Vietnamese name means normalizing it first, and a large site has a hundred thousand mentions.
    private struct MentionKey: Hashable {
        let organization: Int
        let document: Int
        let section: String?
    }

    /// Organization names recur in every save of the preview; their keys are remembered.
    private static let exactKeys = BoundedMemo(VietnameseText.exactKey)

    private func organizationIndex(site: Site) -> [OrganizationEntry] {
        let documents = site.allDocuments
        var entries: [OrganizationEntry] = []
        // Names by their bytes (`UTF8Key`): they are NFC, and a String key normalized a
        // Vietnamese name at every one of the site's hundreds of thousands of lookups.
        var entryByKey: [UTF8Key: Int] = [:]
        var nameByText: [UTF8Key: Int] = [:]
        var seenMentions: Set<MentionKey> = []
        seenMentions.reserveCapacity(documents.reduce(0) { $0 + $1.structure.organizations.count })
        // Every name in order of first appearance, and for each assignment and mention (in the
        // order the loop below reads them) its name's place: the names are then keyed in one
        // batch, where asking the memo name by name cost more than the keys themselves.
        var names: [String] = []
        var nameOrdinals: [Int] = []
        var nameOf: [Int] = []
        func note(_ name: String) {
            let nameKey = UTF8Key(name)
            if let known = nameByText[nameKey] { return nameOf.append(known) }
            nameByText[nameKey] = names.count
            nameOf.append(names.count)
            names.append(name)
        }
        for document in documents {
            for assignment in document.structure.assignments { note(assignment.organization) }
            for mention in document.structure.organizations { note(mention.name) }
        }
        let keys = Self.exactKeys.values(names)
        nameOrdinals.reserveCapacity(names.count)
        for (position, name) in names.enumerated() {
            let key = UTF8Key(keys[position])
            if let known = entryByKey[key] {
                nameOrdinals.append(known)
            } else {
                entryByKey[key] = entries.count
                nameOrdinals.append(entries.count)
                entries.append(OrganizationEntry(name: name, anchor: ""))
            }
        }
        var next = 0
        func entry() -> Int {
            defer { next += 1 }
            return nameOrdinals[nameOf[next]]
        }
        // Each assignment's and kept mention's entry first, then every entry's lists filled
        // in arrays of exactly their count (grown by appending, a quarter was spare room).
        var entryOfItem: [Int32] = []
        entryOfItem.reserveCapacity(nameOf.count)
        var assignmentCounts = [Int](repeating: 0, count: entries.count)
        var mentionCounts = [Int](repeating: 0, count: entries.count)
        for (ordinal, document) in documents.enumerated() {
            for _ in document.structure.assignments {
                let index = entry()
                assignmentCounts[index] += 1
                entryOfItem.append(Int32(truncatingIfNeeded: index))
            }
            for mention in document.structure.organizations {
                let index = entry()
                if seenMentions.insert(MentionKey(organization: index, document: ordinal, section: mention.sectionAnchor)).inserted {
                    mentionCounts[index] += 1
                    entryOfItem.append(Int32(truncatingIfNeeded: index))
                } else {
                    entryOfItem.append(-1)
                }
            }
        }
        for index in entries.indices {
            entries[index].assignments.reserveCapacity(assignmentCounts[index])
            entries[index].mentions.reserveCapacity(mentionCounts[index])
        }
        var item = 0
        for document in documents {
            for assignment in document.structure.assignments {
                entries[Int(entryOfItem[item])].assignments.append(.init(documentSlug: document.slug, assignment: assignment))
                item += 1
            }
            for mention in document.structure.organizations {
                let index = Int(entryOfItem[item])
                item += 1
                guard index >= 0 else { continue }
                entries[index].mentions.append(DocumentPlace(documentSlug: document.slug, sectionAnchor: mention.sectionAnchor,
                                                             context: "", location: mention.location))
            }
        }
        var sorted = VietnameseCollation.sorted(entries, by: \.name)
        var used: Set<String> = []
        for index in sorted.indices {
            sorted[index].anchor = Self.uniqueAnchor(Slug.make(sorted[index].name), or: "co-quan", used: &used)
        }
        return sorted
    }

    /// `slug` (or `fallback` when it is empty), with `-2`, `-3` … until it is not in `used`.
    private static func uniqueAnchor(_ slug: String, or fallback: String, used: inout Set<String>) -> String {
        let base = slug.isEmpty ? fallback : slug
        var anchor = base
        var counter = 2
        while used.contains(anchor) {
            anchor = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(anchor)
        return anchor
    }

    // MARK: Timeline

    private func timeline(site: Site) -> [TimelineEntry] {
        let documents = site.allDocuments
        let slugs = Self.ranks(documents.map(\.slug))
        var out: [TimelineEntry] = []
        // Each entry's document's rank, found once per document rather than per entry.
        var documentRanks: [Int] = []
        let count = documents.reduce(0) { $0 + ($1.date == nil ? 0 : 1) + $1.structure.dates.count }
        out.reserveCapacity(count)
        documentRanks.reserveCapacity(count)
        for document in documents {
            let rank = slugs[document.slug] ?? 0
            if let date = document.date {
                out.append(TimelineEntry(date: date, text: document.displayTitle, context: "",
                                         place: DocumentPlace(documentSlug: document.slug, sectionAnchor: nil, context: "",
                                                              location: document.structure.header.range?.start
                                                                  ?? SourceLocation(line: 1, column: 1)),
                                         isDocumentDate: true))
                documentRanks.append(rank)
            }
            for mention in document.structure.dates {
                out.append(TimelineEntry(date: mention.date, endDate: mention.endDate, text: mention.text,
                                         place: DocumentPlace(documentSlug: document.slug, sectionAnchor: mention.sectionAnchor,
                                                              sentence: mention.sentence, location: mention.location)))
                documentRanks.append(rank)
            }
        }
        // Integer keys, then one sort of positions: the timeline has an entry per date
        // mention, and comparing string tuples dominated linking. A well-formed ISO date is
        // its own key (YYYYMMDD orders as the string does); anything else ranks all dates.
        var days = out.map { entry in (TimelineEntry.dayKey(entry.date), entry.endDate.map(TimelineEntry.dayKey) ?? 0) }
        if days.contains(where: { $0.0 == nil || $0.1 == nil }) {
            let ranked = Self.ranks(out.map(\.date) + out.map { $0.endDate ?? "" })
            days = out.map { entry in (ranked[entry.date] ?? 0, ranked[entry.endDate ?? ""] ?? 0) }
        }
        // By index: zipping the entries copied each one (seven strings retained and released).
        let keys = out.indices.map { index in
            (days[index].0 ?? 0, days[index].1 ?? 0, documentRanks[index],
             out[index].place.location.line, out[index].place.location.column)
        }
        return out.indices.sorted { keys[$0] < keys[$1] }.map { out[$0] }
    }

    /// Each distinct string's place in byte order.
    private static func ranks(_ strings: [String]) -> [String: Int] {
        var rank: [String: Int] = [:]
        for (index, string) in Set(strings).sorted().enumerated() { rank[string] = index }
        return rank
    }
}
