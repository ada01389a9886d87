import DecuongCore
import Mustache

/// The render stage: `Site` → every file of the site as bytes. Knows nothing of folders.
public struct SiteRenderer: Sendable {
    public var templates: SiteTemplates
    /// Overrides `site.yml`'s `base_url` (the `--base-url` option); with a trailing slash.
    public var baseURL: String?

    public init(templates: SiteTemplates = .builtIn, baseURL: String? = nil) {
        self.templates = templates
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    public struct Result: Sendable {
        public var site: RenderedSite
        public var diagnostics: [Diagnostic]
    }

    public func render(_ site: Site, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> Result {
        let (compiled, diagnostics) = templates.compile()
        guard let library = compiled else { return Result(site: RenderedSite(), diagnostics: diagnostics) }
        let strings = UIStrings(language: site.config.language)
        let base = baseURL ?? site.config.baseURL
        var files: [String: [UInt8]] = [:]

        var jobs: [(path: String, template: String, context: (PageContext) -> TemplateData)] = [
            (IndexPages.homePath, "home", IndexPages.home),
            (IndexPages.themesPath, "themes", IndexPages.themes),
            (IndexPages.citedDocumentsPath, "cited-documents", IndexPages.citedDocuments),
            (IndexPages.organizationsPath, "organizations", IndexPages.organizations),
            (IndexPages.timelinePath, "timeline", IndexPages.timeline),
            (IndexPages.notFoundPath, "not-found", IndexPages.notFound),
        ]
        for document in site.allDocuments {
            jobs.append((DocumentPage.path(document), "document", { DocumentPage.context(document, in: $0) }))
        }
        for (index, theme) in site.themes.enumerated() {
            jobs.append((theme.pagePath, "theme", { ThemePage.context(theme, index: index, in: $0) }))
        }
        for (done, job) in jobs.enumerated() {
            progress(done, jobs.count)
            let page = PageContext(site: site, strings: strings, page: job.path, baseURL: base)
            let html = library.render(job.context(page), withTemplate: job.template) ?? ""
            files[job.path] = Array(Self.tidy(html).utf8)
        }
        progress(jobs.count, jobs.count)
        for (path, text) in templates.assets { files[path] = Array(text.utf8) }
        if let base {
            let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
            files["sitemap.xml"] = Array(FeedWriter.sitemap(pages: pages, baseURL: base).utf8)
            files["feed.xml"] = Array(FeedWriter.atom(site: site, baseURL: base).utf8)
        }
        return Result(site: RenderedSite(files: files), diagnostics: diagnostics)
    }

    /// Drops the blank lines that section tags leave, so pages stay small and diffs readable.
    static func tidy(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inPre = false
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("<pre") { inPre = true }
            if inPre || !line.allSatisfy(\.isWhitespace) {
                out += line
                out += "\n"
            }
            if line.contains("</pre>") { inPre = false }
        }
        return out
    }
}
