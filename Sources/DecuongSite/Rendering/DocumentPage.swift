import DecuongStructure

/// The data of `document.mustache`: a document in full, laid out like the official text.
enum DocumentPage {
    static func path(_ document: SiteDocument) -> String { "\(document.slug)/index.html" }

    static func context(_ document: SiteDocument, in page: PageContext) -> TemplateData {
        let site = page.site
        let structure = document.structure
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
        data["hasOfficialHeader"] = issuer != nil || numberLine != nil || !header.nationalTitle.isEmpty || placeDate != nil
        data["issuer"] = PageContext.text(issuer)
        data["issuerLines"] = issuer.map { [$0] } ?? []
        data["numberLine"] = PageContext.text(numberLine)
        data["nationalTitle"] = header.nationalTitle
        data["placeDate"] = PageContext.text(placeDate)
        data["kindLine"] = PageContext.text(document.kind)
        data["summary"] = document.summary ?? (document.kind == nil ? document.displayTitle : "")
        data["parent"] = parent.map { ["href": page.href(path($0)), "title": $0.displayTitle] as TemplateData } ?? false

        let toc = TableOfContentsEntry.entries(structure.sections, depth: 1)
        data["hasToc"] = !toc.isEmpty
        data["toc"] = toc
        data["preambleHtml"] = builder.html(structure.preamble)
        data["sections"] = structure.sections.map { builder.record($0, headingLevel: 2) }
        data["epilogueHtml"] = builder.html(structure.epilogue)

        let closing = structure.closing
        data["hasClosing"] = !closing.recipients.isEmpty || closing.signature != nil
        data["hasRecipients"] = !closing.recipients.isEmpty
        data["recipients"] = closing.recipients
        data["signature"] = closing.signature.map { signature -> TemplateData in
            ["authority": PageContext.text(signature.authority), "position": PageContext.text(signature.position),
             "name": PageContext.text(signature.name)]
        } ?? false

        let attachments = document.attachments.compactMap { site.document($0) }
        data["hasAttachments"] = !attachments.isEmpty
        data["attachments"] = attachments.map { ["href": page.href(path($0)), "title": $0.displayTitle] as TemplateData }
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
        var hrefs: [String: String] = [:]
        // Room for every citation at once: growing the table rehashed every id again.
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
        guard let slug = entry.documentSlug else {
            return RelativeURL.from(page.page, toIndex: IndexPaging.citedDocumentsFolder, page: entry.indexPage, anchor: entry.anchor)
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
