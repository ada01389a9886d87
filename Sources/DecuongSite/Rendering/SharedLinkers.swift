import DecuongCore

/// Citation linkers that the pages of one render share. Every theme page of a plan links the
/// plan's citations (and its outline's), and the plan's themes are pages of one folder: each
/// made its linker again, a fifth of a theme page. Made for a run of pages of one render (a
/// chunk of `SitePlan.renderEach`) and dropped with it, so a linker never outlives the site it
/// was made from, and memory holds only the linkers of the plans a chunk renders.
struct SharedLinkers: Sendable {
    private let linkers = SharedValue<[String: CitationLinker]>([:])

    /// `DocumentPage.citationLinker(for: document, in: page)`, made once per document and folder.
    func linker(for document: SiteDocument, in page: PageContext) -> CitationLinker {
        // A link depends on the page's folder alone, except that a link to the page itself is
        // its anchor: citations link to documents' `index.html` pages without an anchor and
        // to cited-documents index pages with one, so only pages in that folder could differ.
        let folderEnd = page.page.utf8.lastIndex(of: UInt8(ascii: "/"))
        guard let folderEnd, page.page[..<folderEnd] != IndexPaging.citedDocumentsFolder else {
            return DocumentPage.citationLinker(for: document, in: page)
        }
        let key = PageContext.joined(String(page.page[...folderEnd]), "\u{0}", document.slug)
        if let linker = linkers.withLock({ $0[key] }) { return linker }
        // Made outside the lock: another page may make the same one meanwhile, the same linker.
        let linker = DocumentPage.citationLinker(for: document, in: page)
        linkers.withLock { $0[key] = linker }
        return linker
    }
}
