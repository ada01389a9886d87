import DecuongStructure

/// The data of `document.mustache`: a document in full, laid out like the official text.
enum DocumentPage {
    static func path(_ document: SiteDocument) -> String { "\(document.slug)/index.html" }

    /// The page's keys, made once: a key literal made its name from a `StaticString`, ~170
    /// instructions, for each of the twenty a page.
    private struct Keys {
        let hasOfficialHeader: TemplateKey = "hasOfficialHeader"
        let issuer: TemplateKey = "issuer"
        let issuerLines: TemplateKey = "issuerLines"
        let numberLine: TemplateKey = "numberLine"
        let nationalTitle: TemplateKey = "nationalTitle"
        let placeDate: TemplateKey = "placeDate"
        let kindLine: TemplateKey = "kindLine"
        let summary: TemplateKey = "summary"
        let parent: TemplateKey = "parent"
        let hasToc: TemplateKey = "hasToc"
        let toc: TemplateKey = "toc"
        let preambleHtml: TemplateKey = "preambleHtml"
        let sections: TemplateKey = "sections"
        let epilogueHtml: TemplateKey = "epilogueHtml"
        let hasClosing: TemplateKey = "hasClosing"
        let hasRecipients: TemplateKey = "hasRecipients"
        let recipients: TemplateKey = "recipients"
        let signature: TemplateKey = "signature"
        let hasAttachments: TemplateKey = "hasAttachments"
        let attachments: TemplateKey = "attachments"
    }

    private static let keys = Keys()

    static func context(_ document: SiteDocument, in page: PageContext) -> TemplateData {
        let site = page.site
        let structure = document.structure
        let keys = Self.keys
        var builder = SectionViewBuilder(linker: citationLinker(for: document, in: page), withIDs: true)
        for theme in site.themes(ofDocument: document.slug) {
            builder.themeLinks[theme.theme.sectionAnchor] = (page.href(theme.pagePath), theme.theme.number)
        }
        var crumbs: [(label: String, target: String?)] = [(page.strings["home"], "index.html")]
        let parent = document.attachedTo.flatMap { site.document($0) }
        if let parent { crumbs.append((parent.displayTitle, path(parent))) }
        crumbs.append((document.displayTitle, nil))
        var data = page.frame(title: document.displayTitle, kind: "document", current: nil, breadcrumbs: crumbs, extraKeys: 20)

        let header = structure.header
        let issuer = document.issuer
        // Party documents write `Số 114-KH/TU`, state documents `Số: 160/KH-UBND`.
        let numberLine = document.number.map { number in
            header.isPartyDocument || isPartyNumber(number) ? "Số \(number)" : "Số: \(number)"
        }
        let placeDate = page.placeAndDate(place: document.place, date: document.date)
        data[keys.hasOfficialHeader] = issuer != nil || numberLine != nil || !header.nationalTitle.isEmpty || placeDate != nil
        data[keys.issuer] = PageContext.text(issuer)
        data[keys.issuerLines] = issuer.map { [$0] } ?? []
        data[keys.numberLine] = PageContext.text(numberLine)
        data[keys.nationalTitle] = header.nationalTitle
        data[keys.placeDate] = PageContext.text(placeDate)
        data[keys.kindLine] = PageContext.text(document.kind)
        data[keys.summary] = document.summary ?? (document.kind == nil ? document.displayTitle : "")
        data[keys.parent] = parent.map { ["href": page.href(path($0)), "title": $0.displayTitle] as TemplateData } ?? false

        let toc = TableOfContentsEntry.entries(structure.sections, depth: 1)
        data[keys.hasToc] = !toc.isEmpty
        data[keys.toc] = toc
        data[keys.preambleHtml] = builder.html(structure.preamble)
        data[keys.sections] = structure.sections.map { builder.record($0, headingLevel: 2) }
        data[keys.epilogueHtml] = builder.html(structure.epilogue)

        let closing = structure.closing
        data[keys.hasClosing] = !closing.recipients.isEmpty || closing.signature != nil
        data[keys.hasRecipients] = !closing.recipients.isEmpty
        data[keys.recipients] = closing.recipients
        data[keys.signature] = closing.signature.map { signature -> TemplateData in
            ["authority": PageContext.text(signature.authority), "position": PageContext.text(signature.position),
             "name": PageContext.text(signature.name)]
        } ?? false

        let attachments = document.attachments.compactMap { site.document($0) }
        data[keys.hasAttachments] = !attachments.isEmpty
        data[keys.attachments] = attachments.map { ["href": page.href(path($0)), "title": $0.displayTitle] as TemplateData }
        return data
    }

    static func isPartyNumber(_ number: String) -> Bool {
        guard let hyphen = number.firstIndex(of: "-") else { return false }
        return number.firstIndex(of: "/").map { hyphen < $0 } ?? true
    }

    /// Headings and items down to three levels (`II.1.3`); deeper points stay in the text.
    /// The dictionary form of `TableOfContentsEntry.entries`, kept as its reference.
    static func tableOfContents(_ sections: [Section], depth: Int) -> [TemplateData] {
        sections.map { section in
            let children = depth < 3 ? tableOfContents(section.children, depth: depth + 1) : []
            return ["href": "#\(section.anchor)", "number": section.displayNumber, "title": section.title,
                    "hasChildren": !children.isEmpty, "children": children]
        }
    }

    /// Links every number the document cites to its target, seen from `page`.
    static func citationLinker(for document: SiteDocument, in page: PageContext) -> CitationLinker {
        CitationLinker(hrefByID: citationTargets(for: [document], in: page))
    }

    static func citationTargets(for documents: [SiteDocument], in page: PageContext) -> [String: String] {
        let site = page.site
        // Without the site's lookups the entries are searched for as `entry(for:in:)` does.
        guard site.lookups.isBuilt else { return referenceCitationTargets(for: documents, in: page) }
        var hrefs: [String: String] = [:]
        // Room for every citation at once: growing the table rehashed every id again.
        hrefs.reserveCapacity(documents.reduce(0) { $0 + $1.structure.citations.count })
        // Citations and entries read where they are, an entry found by its position: each
        // Citation iterated, and each CitedDocument `entry(for:in:)` returned, was a copy,
        // every String in it retained and released.
        site.citedDocuments.withUnsafeBufferPointer { entries in
            guard let entryBase = entries.baseAddress else { return }
            for document in documents {
                document.structure.citations.withUnsafeBufferPointer { citations in
                    guard let base = citations.baseAddress else { return }
                    for index in citations.indices where hrefs[citations[index].id] == nil {
                        let citation = base + index
                        guard let position = entryIndex(for: citation, in: site), position < entries.count else { continue }
                        hrefs[citation.pointee.id] = href(of: entryBase + position, in: page)
                    }
                }
            }
        }
        return hrefs
    }

    /// The position in `site.citedDocuments` of `entry(for:in:)`, through the site's lookups
    /// (built: the caller checks).
    private static func entryIndex(for citation: UnsafePointer<Citation>, in site: Site) -> Int? {
        if let position = site.lookups.citedByKey[key(of: citation.pointee)] { return position }
        guard let positions = site.lookups.citedByID[citation.pointee.id] else { return nil }
        if citation.pointee.year == nil { return positions.first }
        return positions.first { site.citedDocuments[$0].key == citation.pointee.id }
    }

    /// `citationTargets` as it was, entries copied out of the site: its reference, and the
    /// search where the site's lookups are not built.
    static func referenceCitationTargets(for documents: [SiteDocument], in page: PageContext) -> [String: String] {
        var hrefs: [String: String] = [:]
        hrefs.reserveCapacity(documents.reduce(0) { $0 + $1.structure.citations.count })
        for document in documents {
            for citation in document.structure.citations where hrefs[citation.id] == nil {
                guard let entry = entry(for: citation, in: page.site) else { continue }
                hrefs[citation.id] = href(of: entry, in: page)
            }
        }
        return hrefs
    }

    static func entry(for citation: Citation, in site: Site) -> CitedDocument? {
        site.citedDocument(key: key(of: citation))
            ?? site.citedDocuments(id: citation.id).first { citation.year == nil || $0.key == citation.id }
    }

    /// `citation.key`, joined in one allocation: its interpolation, a String grown part by part
    /// and the year described, was an eighth of finding a page's citation targets.
    static func key(of citation: Citation) -> String {
        citation.year.map { PageContext.joined(citation.id, "@", String($0)) } ?? citation.id
    }

    /// The link to `target(of: entry)` from `page`, without making the target a String first.
    static func href(of entry: CitedDocument, in page: PageContext) -> String {
        withUnsafePointer(to: entry) { href(of: $0, in: page) }
    }

    /// `href(of:in:)` of the entry where it is.
    static func href(of entry: UnsafePointer<CitedDocument>, in page: PageContext) -> String {
        guard let slug = entry.pointee.documentSlug else {
            return RelativeURL.from(page.page, toIndex: IndexPaging.citedDocumentsFolder, page: entry.pointee.indexPage,
                                    anchor: entry.pointee.anchor)
        }
        return RelativeURL.from(page.page, toDocument: slug, anchor: nil)
    }

    /// Where a cited document's links go: its page in the site, else its index entry.
    static func target(of entry: CitedDocument) -> String {
        // Joined in one allocation: interpolation grew its buffer part by part.
        entry.documentSlug.map { PageContext.joined($0, "/index.html") }
            ?? PageContext.joined(IndexPaging.path(folder: IndexPaging.citedDocumentsFolder, page: entry.indexPage), "#", entry.anchor)
    }
}
