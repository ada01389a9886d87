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

    /// Renders the files whose paths are in `only` (all of them when nil). A template that
    /// renders nothing gives an empty page, as in a full build.
    func render(only: Set<String>? = nil, site: Site, renderer: SiteRenderer, library: MustacheLibrary,
                progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> [String: [UInt8]] {
        let strings = UIStrings(language: site.config.language)
        let base = renderer.baseURL ?? site.config.baseURL
        let selected = only.map { only in pages.filter { only.contains($0.path) } } ?? pages
        let htmlPages = self.htmlPages
        // Pages render independently: split them over all cores in chunks (progress is
        // reported per chunk, from this thread), then merge; the result does not depend on
        // the split.
        let chunkCount = max(1, min(selected.count, ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunkSize = (selected.count + chunkCount - 1) / chunkCount
        let results = ChunkResults<[(String, [UInt8])]>(count: chunkCount)
        progress(0, selected.count)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            // With rounding up, the last chunks can start past the end: give them nothing.
            let range = min(selected.count, chunk * chunkSize)..<min(selected.count, (chunk + 1) * chunkSize)
            var out: [(String, [UInt8])] = []
            out.reserveCapacity(range.count)
            for page in selected[range] {
                switch page.make {
                case .template(let context):
                    let pageContext = PageContext(site: site, strings: strings, page: page.path, baseURL: base)
                    let html = library.render(context(pageContext), withTemplate: page.template ?? "") ?? ""
                    out.append((page.path, SiteRenderer.tidyBytes(Array(html.utf8))))
                case .bytes(let bytes):
                    out.append((page.path, bytes))
                case .generated(let generate):
                    out.append((page.path, generate(site, htmlPages)))
                }
            }
            results.set(chunk, out)
        }
        var files: [String: [UInt8]] = [:]
        files.reserveCapacity(selected.count)
        for chunk in results.values {
            for (path, bytes) in chunk { files[path] = bytes }
        }
        progress(selected.count, selected.count)
        return files
    }
}
