import DecuongContent
import DecuongCore
import DecuongStructure
import Foundation

/// The library API behind `decuong build` and `decuong check`: load → recognize → link →
/// render → write, each stage callable on its own. The CLI only parses options and prints.
public struct SiteBuilder: Sendable {
    /// The project folder: `content/`, optional `templates/`.
    public var root: URL
    public var recognize: ContentLoader.Recognize

    public init(root: URL, recognize: @escaping ContentLoader.Recognize = SiteBuilder.defaultRecognize) {
        self.root = root.standardizedFileURL
        self.recognize = recognize
    }

    public static let defaultRecognize: ContentLoader.Recognize = { source, organizations in
        Recognizer(organizations: organizations).recognize(source)
    }

    public enum Stage: Sendable, Hashable {
        case loading(done: Int, total: Int)
        /// The search index is being made and written (`build` only).
        case indexing
        /// The cited documents, organizations and timeline are being linked (`build` only).
        case linking
        case rendering(done: Int, total: Int)
        case writing
    }

    /// Loads and links `content/`.
    public func loadSite(progress: (Stage) -> Void = { _ in }) -> Site {
        let loaded = ContentLoader(root: root, recognize: recognize).load { progress(.loading(done: $0, total: $1)) }
        return SiteLinker().link(config: loaded.config, files: loaded.files, diagnostics: loaded.diagnostics)
    }

    /// Renders a site with the project's theme (built-in templates under `templates/`).
    public func render(_ site: Site, baseURL: String? = nil, progress: (Stage) -> Void = { _ in }) -> SiteRenderer.Result {
        let (templates, templateDiagnostics) = SiteTemplates.load(root: root)
        var result = SiteRenderer(templates: templates, baseURL: baseURL)
            .render(site) { progress(.rendering(done: $0, total: $1)) }
        result.diagnostics = templateDiagnostics + result.diagnostics
        return result
    }

    /// Loads, renders and, when there are no errors (and no warnings with `strict`), writes
    /// the site to `output`. Nothing is written otherwise: the previous site stays as it was.
    /// Pages go to the output folder as they are rendered, not held until the end.
    /// `fileSystem` is how the site is written (tests inject a full disk or a read-only folder).
    public func build(output: URL, outputDisplayPath: String? = nil, baseURL: String? = nil, strict: Bool = false,
                      fileSystem: OutputFileSystem = .disk, progress: (Stage) -> Void = { _ in }) -> BuildReport {
        let sink = DirectorySink(output: output, displayPath: outputDisplayPath, fileSystem: fileSystem)
        sink.recoverInterruptedBuild()
        // The theme is read and compiled on another thread while the content loads: after
        // loading it held one core while the other had nothing to do (93 M instructions
        // whatever the site's size, 8.7 % of a 100-document build's). Used only when the
        // content has no errors, as before.
        let theme = SharedValue<ThemeReady?>(nil)
        let themeMade = DispatchGroup()
        DispatchQueue.global().async(group: themeMade) { [root] in
            let ready = ThemeReady(root: root)
            theme.withLock { $0 = ready }
        }
        let linker = SiteLinker()
        // Linked in two halves: the search index is made from the arranged documents before
        // the three indexes are, so that its working memory and theirs are not held at once
        // (the build's peak; their diagnostics are notes, which fail no build).
        var site = arrangeSite(linker, progress: progress)
        var report = BuildReport(site: site, rendered: RenderedSite(), diagnostics: site.diagnostics, strict: strict)
        let arrangedCount = site.diagnostics.count
        var indexed = false
        // The report holds the whole site and its diagnostics in `link`'s order whether or
        // not anything was written.
        func finished() -> BuildReport {
            // Not left reading the theme after the build has returned.
            themeMade.wait()
            if !indexed { linker.linkIndexes(&site) }
            var finished = report
            finished.site = site
            finished.diagnostics = site.diagnostics + report.diagnostics[arrangedCount...]
            return finished
        }
        guard !site.hasErrors else { return finished() }
        themeMade.wait()
        let ready = theme.value ?? ThemeReady(root: root)
        let templates = ready.templates
        report.diagnostics += ready.diagnostics
        guard let library = ready.library, !report.failed else { return finished() }
        let renderer = SiteRenderer(templates: templates, baseURL: baseURL)
        do {
            // Page paths are checked as they are written: they are known only once the
            // indexes are made, after the search index.
            let written = try sink.write(paths: [SearchIndexWriter.indexPath]) { emit in
                progress(.indexing)
                SiteSearch().write(for: site, emit: emit)
                progress(.linking)
                linker.linkIndexes(&site)
                indexed = true
                // The search index is written as it is made, before the pages, not held in the plan.
                let plan = renderer.plan(site, includeSearch: false, trackDependencies: false)
                let pages = plan.selected(only: nil)
                report.pageCount = Set(pages.map(\.path).filter { $0.hasSuffix(".html") }).count
                plan.renderEach(pages, site: site, renderer: renderer, library: library,
                                progress: { progress(.rendering(done: $0, total: $1)) }, emit: emit)
                progress(.writing)
            }
            report.files = written
            report.wrote = true
        } catch {
            report.diagnostics.append(error.diagnostic)
        }
        return finished()
    }

    /// Loads `content/` and links its first half (see `SiteLinker.arrange`).
    private func arrangeSite(_ linker: SiteLinker, progress: (Stage) -> Void) -> Site {
        let loaded = ContentLoader(root: root, recognize: recognize).load { progress(.loading(done: $0, total: $1)) }
        return linker.arrange(config: loaded.config, files: loaded.files, diagnostics: loaded.diagnostics)
    }

    /// Everything `build` would report, plus the rendered site's links resolved on disk.
    public func check(baseURL: String? = nil, strict: Bool = false) -> BuildReport {
        let site = loadSite()
        var diagnostics = site.diagnostics
        var rendered = RenderedSite()
        if !site.hasErrors {
            let result = render(site, baseURL: baseURL)
            diagnostics += result.diagnostics
            rendered = result.site
            for problem in LinkChecker().check(rendered) {
                diagnostics.append(.error("link.broken", "\(problem.page) links to `\(problem.link)`: \(problem.reason)",
                                          file: "site/\(problem.page)",
                                          hint: "a template or a Markdown link points at a page or anchor that does not exist"))
            }
        }
        return BuildReport(site: site, rendered: rendered, diagnostics: diagnostics, strict: strict)
    }
}

/// A project's theme, read and compiled, with what was found wrong on the way.
private struct ThemeReady: Sendable {
    let templates: SiteTemplates
    let library: TemplateLibrary?
    let diagnostics: [Diagnostic]

    init(root: URL) {
        let (templates, loadDiagnostics) = SiteTemplates.load(root: root)
        let (library, compileDiagnostics) = templates.compile()
        self.templates = templates
        self.library = library
        diagnostics = loadDiagnostics + compileDiagnostics
    }
}
