import DecuongContent
import DecuongCore
import Foundation
import Mustache

/// A build that stays in memory and is brought up to date file by file, for the preview
/// server. An edited document is loaded and recognized again on its own, the site is linked
/// again (cheap), and only the pages whose dependencies changed (`SiteChanges`) are
/// rendered; a change to the theme or to `site.yml` renders everything. The output is the
/// output of `SiteBuilder.build` for the same files, byte for byte.
///
/// When the input has errors the last good output is kept, as `build` keeps `site/`.
public struct IncrementalBuilder: Sendable {
    public let root: URL
    private let loader: ContentLoader

    private var config = SiteConfig()
    private var configDiagnostics: [Diagnostic] = []
    /// Every Markdown file under `content/` by path components, with what loading it found.
    private var files: [[String]: LoadedEntry] = [:]
    private var templates = SiteTemplates.builtIn
    private var templateDiagnostics: [Diagnostic] = []
    private var library: TemplateLibrary?
    private var loaded = false

    /// The site and plan the current `output` was rendered from.
    private var renderedFrom: (site: Site, plan: SitePlan)?
    /// The last good build: what the preview serves.
    public private(set) var output = RenderedSite()
    /// What the latest attempt found; errors here mean `output` is older than the files.
    public private(set) var diagnostics: [Diagnostic] = []

    private struct LoadedEntry: Sendable {
        var file: LoadedFile?
        var diagnostics: [Diagnostic]
    }

    public init(root: URL, recognize: @escaping ContentLoader.Recognize = SiteBuilder.defaultRecognize) {
        self.root = root.standardizedFileURL
        self.loader = ContentLoader(root: self.root, recognize: recognize)
    }

    /// What an update did.
    public struct Update: Sendable {
        /// Whether `output` now reflects the files (false: the input has errors).
        public var succeeded: Bool
        /// Documents loaded and recognized again.
        public var reloadedDocuments: Int
        /// Files of the site rendered again (their bytes may be the same as before).
        public var renderedFiles: Int { renderedPaths.count }
        public var renderedPaths: [String]
        /// Files that left the site.
        public var removedFiles: Int
        /// Whether `output` or `diagnostics` differ from before the update.
        public var changed: Bool
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Loads everything again and renders every file.
    public mutating func rebuild() -> Update {
        reloadTemplates()
        let reloaded = reloadConfigAndContent()
        loaded = true
        return renderSite(everything: true, reloaded: reloaded)
    }

    /// Brings the build up to date after the given paths (relative to the project folder,
    /// `content/a/b.md`, `templates/layout.mustache`) were created, changed or deleted. A
    /// folder stands for everything under it.
    public mutating func update(changedPaths: some Collection<String>) -> Update {
        guard loaded else { return rebuild() }
        let contentPrefix = ContentLoader.contentFolder + "/"
        let configPath = contentPrefix + ContentLoader.configFile
        var templatesChanged = false
        var configChanged = false
        var contentPaths: [[String]] = []
        for path in changedPaths {
            let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            if trimmed == SiteTemplates.folder || trimmed.hasPrefix(SiteTemplates.folder + "/") {
                templatesChanged = true
            } else if trimmed == configPath {
                configChanged = true
            } else if trimmed == ContentLoader.contentFolder {
                configChanged = true
            } else if trimmed.hasPrefix(contentPrefix) {
                contentPaths.append(trimmed.dropFirst(contentPrefix.count).split(separator: "/").map(String.init))
            }
        }
        if templatesChanged { reloadTemplates() }
        if configChanged {
            // The recognizer reads the organizations in site.yml, and every page shows the
            // config: load everything again.
            let reloaded = reloadConfigAndContent()
            return renderSite(everything: true, reloaded: reloaded)
        }
        let reloaded = reloadContent(contentPaths)
        if templatesChanged { return renderSite(everything: true, reloaded: reloaded) }
        guard reloaded > 0 else {
            return Update(succeeded: !hasErrors, reloadedDocuments: 0, renderedPaths: [], removedFiles: 0, changed: false)
        }
        return renderSite(everything: false, reloaded: reloaded)
    }

    // MARK: Loading

    private mutating func reloadTemplates() {
        let (loaded, loadDiagnostics) = SiteTemplates.load(root: root)
        let (compiled, compileDiagnostics) = loaded.compile()
        templates = loaded
        library = compiled
        templateDiagnostics = loadDiagnostics + compileDiagnostics
    }

    private mutating func reloadConfigAndContent() -> Int {
        (config, configDiagnostics) = loader.loadConfig()
        files = [:]
        for relative in loader.markdownFiles() { load(relative) }
        return files.count
    }

    /// Reloads the named files (and the files under named folders); looks for added and
    /// removed files only when a name is not a known file, since walking `content/` costs
    /// more than the rest of a one-file update. Returns how many files were (re)loaded or dropped.
    private mutating func reloadContent(_ paths: [[String]]) -> Int {
        var count = 0
        var rescan = false
        for path in paths {
            if files[path] != nil {
                if FileManager.default.fileExists(atPath: url(of: path).path) {
                    load(path)
                } else {
                    files[path] = nil
                }
                count += 1
            } else {
                rescan = true
                // A replaced folder: everything known under it is read again.
                for known in files.keys where known.count > path.count && Array(known.prefix(path.count)) == path {
                    load(known)
                    count += 1
                }
            }
        }
        if rescan {
            let present = loader.markdownFiles()
            let presentSet = Set(present)
            for known in files.keys where !presentSet.contains(known) {
                files[known] = nil
                count += 1
            }
            for path in present where files[path] == nil {
                load(path)
                count += 1
            }
        }
        return count
    }

    private mutating func load(_ relative: [String]) {
        let (file, diagnostics) = loader.loadFile(relative, config: config)
        files[relative] = LoadedEntry(file: file, diagnostics: diagnostics)
    }

    private func url(of relative: [String]) -> URL {
        relative.reduce(root.appendingPathComponent(ContentLoader.contentFolder, isDirectory: true)) {
            $0.appendingPathComponent($1)
        }
    }

    // MARK: Rendering

    private mutating func renderSite(everything: Bool, reloaded: Int) -> Update {
        let previousDiagnostics = diagnostics
        var update = renderOutput(everything: everything, reloaded: reloaded)
        update.changed = update.changed || previousDiagnostics != diagnostics
        return update
    }

    private mutating func renderOutput(everything: Bool, reloaded: Int) -> Update {
        let ordered = files.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { files[$0] }
        var loadDiagnostics = configDiagnostics + ordered.flatMap(\.diagnostics)
        if files.isEmpty {
            // No documents: let the loader say so, in its own words.
            loadDiagnostics = loader.load().diagnostics
        }
        let site = SiteLinker().link(config: config, files: ordered.compactMap(\.file), diagnostics: loadDiagnostics)
        var update = Update(succeeded: false, reloadedDocuments: reloaded, renderedPaths: [], removedFiles: 0, changed: false)
        diagnostics = site.diagnostics
        guard !site.hasErrors else { return update }
        diagnostics += templateDiagnostics
        guard let library, !hasErrors else { return update }

        let renderer = SiteRenderer(templates: templates)
        let plan = renderer.plan(site)
        if everything || renderedFrom == nil {
            let files = plan.render(site: site, renderer: renderer, library: library)
            update.changed = files != output.files
            update.renderedPaths = files.keys.sorted()
            update.removedFiles = output.files.keys.filter { files[$0] == nil }.count
            output = RenderedSite(files: files)
        } else if let previous = renderedFrom {
            let changes = SiteChanges(from: previous.site, to: site, oldPlan: previous.plan, newPlan: plan)
            let oldPaths = Set(previous.plan.paths)
            let newPaths = Set(plan.paths)
            let selected = Set(plan.pages.filter { !oldPaths.contains($0.path) || changes.affects($0) }.map(\.path))
            let files = plan.render(only: selected, site: site, renderer: renderer, library: library)
            var next = output.files
            for path in oldPaths.subtracting(newPaths) {
                next[path] = nil
                update.removedFiles += 1
            }
            for (path, bytes) in files { next[path] = bytes }
            update.renderedPaths = files.keys.sorted()
            update.changed = next != output.files
            output = RenderedSite(files: next)
        }
        renderedFrom = (site, plan)
        update.succeeded = true
        return update
    }
}
