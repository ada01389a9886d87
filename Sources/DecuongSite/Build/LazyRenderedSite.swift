import DecuongCore

/// A rendered site whose files are made when they are first asked for, for the preview:
/// after a save only the page on screen is rendered before the browser reloads, not every
/// page the edit touched. Files of an earlier version whose dependencies did not change are
/// carried over. `materialized()` renders the rest and gives what `SiteBuilder.build` writes.
public final class LazyRenderedSite: Sendable {
    let site: Site
    let plan: SitePlan
    let renderer: SiteRenderer
    let library: TemplateLibrary
    /// The planned pages by path, the last one of each path.
    private let pages: [String: PlannedPage]
    private let cache: SharedValue<[String: [UInt8]]>
    /// The search index files, made all at once on the first request for one of them.
    private let searchFiles: SharedValue<[String: [UInt8]]?>

    /// `plan` must be made without the search files (`SiteRenderer.plan(_:includeSearch:)`).
    init(site: Site, plan: SitePlan, renderer: SiteRenderer, library: TemplateLibrary,
         carried: [String: [UInt8]] = [:], carriedSearch: [String: [UInt8]]? = nil) {
        self.site = site
        self.plan = plan
        self.renderer = renderer
        self.library = library
        var pages: [String: PlannedPage] = [:]
        for page in plan.selected(only: nil) { pages[page.path] = page }
        self.pages = pages
        cache = SharedValue(carried.filter { pages[$0.key] != nil })
        searchFiles = SharedValue(carriedSearch)
    }

    /// `previous` with a new version of its site whose pages are the same (a quick update):
    /// its files carried but `page`, and its table of pages shared, not made again (20,000
    /// pages at 10,000 documents took 20 ms to index).
    init(replacing site: Site, in previous: LazyRenderedSite, dropping page: String) {
        self.site = site
        plan = previous.plan
        renderer = previous.renderer
        library = previous.library
        pages = previous.pages
        cache = SharedValue(previous.madeFiles().filter { $0.key != page })
        searchFiles = SharedValue(previous.madeSearchFiles())
    }

    /// Paths of the planned pages (search index files are not known before they are made).
    public var pagePaths: Dictionary<String, PlannedPage>.Keys { pages.keys }

    /// The bytes of one file of the site, rendered now if need be; nil when the site has no
    /// such file.
    public func file(_ path: String) -> [UInt8]? {
        if let bytes = cache.withLock({ $0[path] }) { return bytes }
        if let page = pages[path] {
            let made = SharedValue<[UInt8]?>(nil)
            plan.renderEach([page], site: site, renderer: renderer, library: library) { _, bytes in
                made.withLock { $0 = bytes }
            }
            let bytes = made.value ?? []
            cache.withLock { $0[path] = bytes }
            return bytes
        }
        guard path.hasPrefix(SearchIndexWriter.folder + "/") else { return nil }
        return search()[path]
    }

    /// Files already made (rendered or carried over), for the next version to carry.
    func madeFiles() -> [String: [UInt8]] { cache.withLock { $0 } }
    func madeSearchFiles() -> [String: [UInt8]]? { searchFiles.withLock { $0 } }

    private func search() -> [String: [UInt8]] {
        if let files = searchFiles.withLock({ $0 }) { return files }
        let files = SiteSearch().files(for: site)
        searchFiles.withLock { $0 = files }
        return files
    }

    /// Every file, rendering on all cores what was not made yet.
    public func materialized() -> RenderedSite {
        let missing = Set(pages.keys).subtracting(cache.withLock { Set($0.keys) })
        if !missing.isEmpty {
            let made = SharedValue<[String: [UInt8]]>([:])
            plan.renderEach(plan.selected(only: missing), site: site, renderer: renderer, library: library) { path, bytes in
                made.withLock { $0[path] = bytes }
            }
            let fresh = made.value
            cache.withLock { $0.merge(fresh) { old, _ in old } }
        }
        var files = cache.withLock { $0 }
        // A theme asset named like an index file would win in a full build: keep its bytes.
        files.merge(search()) { page, _ in page }
        return RenderedSite(files: files)
    }
}
