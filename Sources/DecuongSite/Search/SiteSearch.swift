/// The search part of a rendered site: the records of every section, theme and document,
/// and the JavaScript index files built from them. `SiteRenderer` adds these files to every
/// build; `decuong bundle --document` rebuilds them with only the pages it ships.
public struct SiteSearch: Sendable {
    public static let pagePath = "tim-kiem.html"
    public static let scriptPath = "assets/search.js"

    public var writer: SearchIndexWriter

    public init(writer: SearchIndexWriter = SearchIndexWriter()) {
        self.writer = writer
    }

    public func records(for site: Site) -> [SearchRecord] {
        SearchRecordCollector(site: site, strings: UIStrings(language: site.config.language)).records()
    }

    /// The index files of every record (a site build): no page to ask about.
    public func files(for site: Site) -> [String: [UInt8]] {
        writer.files(for: SearchRecordCollector(site: site, strings: UIStrings(language: site.config.language)).index())
    }

    /// The index files for the records whose page `keep` accepts.
    public func files(for site: Site, keeping keep: (String) -> Bool = { _ in true }) -> [String: [UInt8]] {
        let collector = SearchRecordCollector(site: site, strings: UIStrings(language: site.config.language))
        // Indexed as collected when every page stays (a site build); a bundle of some
        // documents collects the records first, to number the kept ones from 0.
        let index = collector.index()
        // Asked once: the index makes its records again for it.
        let records = index.records
        if records.kept(onPages: keep).count == records.count { return writer.files(for: index) }
        return writer.files(for: SearchIndex(records: collector.records().kept(onPages: keep)))
    }

    /// Every index file of the site, handed to `emit` as it is made (see
    /// `SearchIndexWriter.write(for:emit:)`).
    public func write(for site: Site, emit: @escaping @Sendable (String, [UInt8]) -> Void) {
        let collector = SearchRecordCollector(site: site, strings: UIStrings(language: site.config.language))
        writer.write(for: collector.index(), emit: emit)
    }
}

extension SiteSearch {
    /// The index files as planned pages: they change with any document's text or any theme.
    func plannedPages(for site: Site) -> [PlannedPage] {
        files(for: site).sorted { $0.key < $1.key }.map { path, bytes in
            PlannedPage(path: path, dependencies: [.anyDocument, .allThemes, .documentOrder], make: .bytes(bytes))
        }
    }
}
