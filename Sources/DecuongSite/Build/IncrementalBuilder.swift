import DecuongContent
import DecuongCore
import DecuongStructure
import Foundation
import Mustache

/// A build that stays in memory and is brought up to date file by file, for the preview
/// server. An edited document is loaded and recognized again on its own, the site is linked
/// again, and only the pages whose dependencies changed (`SiteChanges`) are dropped, to be
/// rendered again when they are asked for (`LazyRenderedSite`); a change to the theme or to
/// `site.yml` drops everything. The output is the output of `SiteBuilder.build` for the same
/// files, byte for byte.
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
    /// Set by a quick update: the site before it, and the pages it rendered anew. The current
    /// site then holds the new document but was not linked again.
    private var quickUpdate: (base: LazyRenderedSite, pages: Set<String>)?

    /// The last good build, what the preview serves: pages are rendered when asked for.
    public private(set) var current: LazyRenderedSite?
    /// What the latest attempt found; errors here mean `current` is older than the files.
    public private(set) var diagnostics: [Diagnostic] = []

    /// The last good build with every file made: what `SiteBuilder.build` would write.
    public var output: RenderedSite { current?.materialized() ?? RenderedSite() }

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
        /// Files of the site to render again (their bytes may be the same as before); they
        /// are rendered when first asked for.
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
        if quickUpdate != nil {
            // Link first what a quick update left, so that this update compares linked sites.
            _ = renderSite(everything: false, reloaded: 0)
        }
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

    // MARK: Quick updates

    /// The first half of an update for the common case, a save of one document that changes
    /// only its own page: the document is read again and put into the current site as it is
    /// (no linking), and its page is dropped to be rendered anew. Returns nil when the save
    /// could change anything else (its title, themes, numbering, citations, front matter,
    /// diagnostics) — then `update(changedPaths:)` does everything. After a quick update,
    /// `finishUpdate()` links the site again and drops what else changed (index pages, theme
    /// pages, the search index); only then is the build equal to a full build.
    public mutating func updateQuickly(changedPaths: some Collection<String>) -> Update? {
        guard loaded, !hasErrors, let previous = current else { return nil }
        let contentPrefix = ContentLoader.contentFolder + "/"
        var documents: [[String]] = []
        for path in changedPaths {
            let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            guard trimmed.hasPrefix(contentPrefix) else { return nil }
            let relative = trimmed.dropFirst(contentPrefix.count).split(separator: "/").map(String.init)
            if files[relative] != nil {
                documents.append(relative)
            } else if !Self.isTemporaryFile(url(of: relative)) {
                return nil
            }
        }
        guard documents.count == 1, let relative = documents.first, let old = files[relative],
              let oldFile = old.file, FileManager.default.fileExists(atPath: url(of: relative).path) else { return nil }
        let (file, fileDiagnostics) = loader.loadFile(relative, config: config)
        // Same findings (their lines may move with the edit; the second half reports them).
        let findings = { (diagnostics: [Diagnostic]) in diagnostics.map { [$0.severity.rawValue, $0.code, $0.message] } }
        guard let file, findings(fileDiagnostics) == findings(old.diagnostics),
              let oldDocument = previous.site.document(sourcePath: oldFile.source.path) else {
            return nil
        }
        let document = SiteDocument(slug: oldDocument.slug, sourcePath: oldDocument.sourcePath, structure: file.structure,
                                    frontMatter: file.source.frontMatter, attachedTo: oldDocument.attachedTo,
                                    attachments: oldDocument.attachments)
        guard Self.changesOnlyItsPage(from: oldDocument, to: document) else { return nil }
        files[relative] = LoadedEntry(file: file, diagnostics: fileDiagnostics)
        var site = previous.site
        site.replace(document)
        let page = DocumentPage.path(document)
        current = LazyRenderedSite(replacing: site, in: previous, dropping: page)
        quickUpdate = (quickUpdate?.base ?? previous, (quickUpdate?.pages ?? []).union([page]))
        return Update(succeeded: true, reloadedDocuments: 1, renderedPaths: [page], removedFiles: 0, changed: true)
    }

    /// Whether a quick update left the site unlinked (`finishUpdate()` links it).
    public var isAwaitingLink: Bool { quickUpdate != nil }

    /// The second half of a quick update: links again and drops every file the save changed.
    public mutating func finishUpdate() -> Update {
        guard quickUpdate != nil else {
            return Update(succeeded: !hasErrors, reloadedDocuments: 0, renderedPaths: [], removedFiles: 0, changed: false)
        }
        return renderSite(everything: false, reloaded: 0)
    }

    /// Whether a new version of a document differs from the old one only in what its own page
    /// shows of its body: same front matter, header, summary, section numbers and anchors,
    /// themes, citations (their targets and kinds), attachments.
    static func changesOnlyItsPage(from old: SiteDocument, to new: SiteDocument) -> Bool {
        let before = old.structure
        let after = new.structure
        func citations(_ structure: StructuredDocument) -> [[String?]] {
            structure.citations.map { [$0.key, $0.id, $0.kind, $0.date, $0.year.map(String.init)] }
        }
        func sections(_ structure: StructuredDocument) -> [[String]] {
            structure.allSections.map { [$0.anchor, $0.displayNumber] }
        }
        return old.frontMatter == new.frontMatter && before.header == after.header
            && old.displayTitle == new.displayTitle && before.themes == after.themes
            && before.attachments.count == after.attachments.count && citations(before) == citations(after)
            && sections(before) == sections(after)
    }

    /// A name an editor writes to and renames or deletes (`.swp`, `4913`, `sedAbc123`): gone
    /// already, or a file that is not Markdown. A Markdown name that is gone is not one: it
    /// may be a document renamed away.
    static func isTemporaryFile(_ url: URL) -> Bool {
        let isMarkdown = url.lastPathComponent.lowercased().hasSuffix(".md")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return !isMarkdown }
        return !isFolder.boolValue && !isMarkdown
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
        for loaded in loader.loadEach(config: config) {
            files[loaded.components] = LoadedEntry(file: loaded.file, diagnostics: loaded.diagnostics)
        }
        return files.count
    }

    /// Reloads the named files (and the files under named folders); looks for added and
    /// removed files only when a name is not a known file, since walking `content/` costs
    /// more than the rest of a one-file update. Returns how many files were (re)loaded or dropped.
    private mutating func reloadContent(_ paths: [[String]]) -> Int {
        var count = 0
        var rescan = false
        // Read together at the end: a `git checkout` can name thousands of files, and one at
        // a time each would list its folder again.
        var toLoad: [[String]] = []
        var listed: Set<[String]> = []
        func read(_ path: [String]) {
            if listed.insert(path).inserted { toLoad.append(path) }
        }
        for path in paths {
            if files[path] != nil {
                if FileManager.default.fileExists(atPath: url(of: path).path) {
                    read(path)
                } else {
                    files[path] = nil
                }
                count += 1
            } else {
                let knownUnder = files.keys.filter { $0.count > path.count && Array($0.prefix(path.count)) == path }
                // An editor's temporary file cannot add a document: no need to walk content/ for it.
                if knownUnder.isEmpty, Self.isTemporaryFile(url(of: path)) { continue }
                rescan = true
                // A replaced folder: everything known under it is read again.
                for known in knownUnder {
                    read(known)
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
            toLoad.removeAll { !presentSet.contains($0) }
            for path in present where files[path] == nil {
                read(path)
                count += 1
            }
        }
        for loaded in loader.loadFiles(toLoad, config: config) {
            files[loaded.components] = LoadedEntry(file: loaded.file, diagnostics: loaded.diagnostics)
        }
        return count
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
        let plan = renderer.plan(site, includeSearch: false)
        let newPaths = Set(plan.paths)
        if everything || current == nil {
            update.renderedPaths = newPaths.sorted()
            update.removedFiles = current.map { Set($0.pagePaths).subtracting(newPaths).count } ?? 0
            update.changed = true
            current = LazyRenderedSite(site: site, plan: plan, renderer: renderer, library: library)
        } else if let previous = current {
            // After a quick update, `previous` holds the new document without linking: compare
            // with the site before it, except for the pages the quick update rendered, which
            // are stale only if the linking changed what they show.
            let base = quickUpdate?.base ?? previous
            let changes = SiteChanges(from: base.site, to: site, oldPlan: base.plan, newPlan: plan)
            let sinceQuick = quickUpdate.map { _ in
                SiteChanges(from: previous.site, to: site, oldPlan: previous.plan, newPlan: plan)
            }
            let quickPages = quickUpdate?.pages ?? []
            let oldPaths = Set(previous.pagePaths)
            let selected = plan.pages.filter { page in
                guard oldPaths.contains(page.path) else { return true }
                if let sinceQuick, quickPages.contains(page.path) { return sinceQuick.affects(page) }
                return changes.affects(page)
            }
            let stale = Set(selected.map(\.path))
            let carried = previous.madeFiles().filter { !stale.contains($0.key) }
            // The index reads every document's text and every theme.
            let searchChanged = !changes.changed.isDisjoint(with: [.anyDocument, .allThemes, .documentOrder])
            update.removedFiles = oldPaths.subtracting(newPaths).count
            update.renderedPaths = stale.sorted()
            update.changed = !stale.isEmpty || update.removedFiles > 0 || searchChanged
            current = LazyRenderedSite(site: site, plan: plan, renderer: renderer, library: library, carried: carried,
                                       carriedSearch: searchChanged ? nil : previous.madeSearchFiles())
        }
        quickUpdate = nil
        update.succeeded = true
        return update
    }
}
