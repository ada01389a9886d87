import Dispatch
import Foundation
import DecuongCore
import Mustache

/// One file of the site before it is rendered: its path, how to make its bytes, and what
/// in the `Site` those bytes are computed from. The theme and `site.yml` are not listed:
/// a change to either re-renders every file.
public struct PlannedPage: Sendable {
    public var path: String
    /// The Mustache template; nil for files made without one (assets, sitemap, feed).
    public var template: String?
    /// What the bytes depend on; an incremental build re-renders the file when one of these
    /// differs between the previous site and the new one (`SiteChanges`).
    public var dependencies: Set<PageDependency>
    let make: Make

    enum Make: Sendable {
        /// A page: the template renders the context built for the page.
        case template(@Sendable (PageContext) -> TemplateData)
        /// A file copied as it is (theme assets).
        case bytes([UInt8])
        /// A file computed from the site and the list of HTML pages (sitemap, feed, search data).
        case generated(@Sendable (_ site: Site, _ htmlPages: [String]) -> [UInt8])
    }

    init(path: String, template: String? = nil, dependencies: Set<PageDependency> = [], make: Make) {
        self.path = path
        self.template = template
        self.dependencies = dependencies
        self.make = make
    }

    /// A template page.
    static func page(_ path: String, _ template: String, _ dependencies: Set<PageDependency>,
                     _ context: @escaping @Sendable (PageContext) -> TemplateData) -> PlannedPage {
        PlannedPage(path: path, template: template, dependencies: dependencies, make: .template(context))
    }
}

/// Every file of a site, in render order. `SiteRenderer.plan(_:)` makes it; `render(_:)`
/// renders all of it, an incremental build renders the part that changed.
public struct SitePlan: Sendable {
    public var pages: [PlannedPage]

    public init(pages: [PlannedPage]) {
        self.pages = pages
    }

    public var paths: [String] { pages.map(\.path) }

    /// The HTML pages in byte order, as the sitemap lists them.
    public var htmlPages: [String] { Set(pages.map(\.path).filter { $0.hasSuffix(".html") }).sorted() }

    /// The pages to render: those whose paths are in `only` (all when nil), the last one
    /// of each path (a later file with the same path wins).
    func selected(only: Set<String>?) -> [PlannedPage] {
        var last: [String: Int] = [:]
        for (index, page) in pages.enumerated() where only?.contains(page.path) ?? true { last[page.path] = index }
        return pages.indices.filter { last[pages[$0].path] == $0 }.map { pages[$0] }
    }

    /// Renders the files whose paths are in `only` (all of them when nil). A template that
    /// renders nothing gives an empty page, as in a full build.
    func render(only: Set<String>? = nil, site: Site, renderer: SiteRenderer, library: TemplateLibrary,
                progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> [String: [UInt8]] {
        let files = SharedValue<[String: [UInt8]]>([:])
        renderEach(selected(only: only), site: site, renderer: renderer, library: library, progress: progress) { path, bytes in
            files.withLock { $0[path] = bytes }
        }
        return files.withLock { $0 }
    }

    /// The size of a page after which rendering gives freed memory back (`Jemalloc.purge`).
    static let purgeAfter = 1 << 20

    /// Renders `pages` on all cores and hands each file to `emit` as soon as it is made, on
    /// the thread that made it. Pages render independently of one another, so the bytes do
    /// not depend on the order or the split.
    func renderEach(_ pages: [PlannedPage], site: Site, renderer: SiteRenderer, library: TemplateLibrary,
                    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
                    emit: @Sendable (String, [UInt8]) -> Void) {
        let strings = UIStrings(language: site.config.language)
        let base = renderer.baseURL ?? site.config.baseURL
        // Only a generated file (the sitemap) reads the list: the preview renders one page per
        // call, and sorting 20,000 paths for it was most of a page's time at 10,000 documents.
        let generates = pages.contains { page in
            if case .generated = page.make { return true }
            return false
        }
        let htmlPages = generates ? self.htmlPages : []
        // Small chunks keep both cores busy to the end: a few pages (the indexes) are large.
        let chunkCount = max(1, min(pages.count, ProcessInfo.processInfo.activeProcessorCount * 32))
        let chunkSize = (pages.count + chunkCount - 1) / chunkCount
        progress(0, pages.count)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            // With rounding up, the last chunks can start past the end: give them nothing.
            let range = min(pages.count, chunk * chunkSize)..<min(pages.count, (chunk + 1) * chunkSize)
            // A plan's theme pages follow one another, so a chunk's own linkers serve them, and
            // are let go with the chunk: one table for the whole render held every plan's to its end.
            let linkers = SharedLinkers()
            for page in pages[range] {
                switch page.make {
                case .template(let context):
                    let pageContext = PageContext(site: site, strings: strings, page: page.path, baseURL: base, linkers: linkers)
                    // Tidied from the renderer's buffer: copying each page into an array of its own
                    // first was an allocation and a copy of the whole page.
                    let bytes = library.render(context(pageContext), withTemplate: page.template ?? "", finish: SiteRenderer.tidyBytes)
                    let large = bytes.count >= Self.purgeAfter
                    emit(page.path, bytes)
                    // A page of megabytes (an index's largest, the home page) leaves as much
                    // freed behind it, which jemalloc keeps for seconds; two such pages on the
                    // two cores, and the other pages' buffers, set the render's peak.
                    if large { Jemalloc.purge() }
                case .bytes(let bytes):
                    emit(page.path, bytes)
                case .generated(let generate):
                    emit(page.path, generate(site, htmlPages))
                }
            }
        }
        progress(pages.count, pages.count)
    }
}
