import Dispatch
import DecuongContent
import DecuongCore
import DecuongStructure
import Foundation

/// The load stage of a project: `content/site.yml` and every Markdown file under `content/`,
/// each recognized into a `StructuredDocument`. A file that cannot be read becomes an error
/// diagnostic naming it and is left out; nothing here throws. What may be read follows
/// `ProjectFiles` (links only inside the project, regular files only) and `ContentTree`
/// (names compared in NFC).
public struct ContentLoader: Sendable {
    public typealias Recognize = @Sendable (_ source: SourceFile, _ organizations: [String]) -> StructuredDocument

    public var root: URL
    public var recognize: Recognize
    /// How files are read; tests inject failures here.
    public var access: ProjectFileAccess

    public init(root: URL, recognize: @escaping Recognize, access: ProjectFileAccess = .disk) {
        self.root = root
        self.recognize = recognize
        self.access = access
    }

    public struct Result: Sendable {
        public var config: SiteConfig
        public var files: [LoadedFile]
        public var diagnostics: [Diagnostic]
    }

    public static let contentFolder = "content"
    public static let configFile = "site.yml"

    public func load(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> Result {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(diagnostics: &diagnostics)
        let entries = tree.scan()
        if entries.isEmpty {
            diagnostics.append(.error("content.empty", "no Markdown documents found in \(Self.contentFolder)/",
                                      file: Self.contentFolder,
                                      hint: "put each plan in its own folder, e.g. content/ke-hoach-2023/ke-hoach.md"))
        }
        var files: [LoadedFile] = []
        var reported: Set<Diagnostic> = []
        // Each file moved, not copied: a copy retained all a document holds (a few dozen
        // references), and the loaded list's release undid it, on one core while the other
        // idled (110 ms at 10,000 documents).
        var loaded = load(entries, config: config)
        files.reserveCapacity(loaded.count)
        for index in loaded.indices {
            progress(index, entries.count)
            // Twins share one diagnostic that names them all: report it once.
            for diagnostic in loaded[index].diagnostics where entries[index].problem == nil || reported.insert(diagnostic).inserted {
                diagnostics.append(diagnostic)
            }
            if let file = loaded[index].file.take() { files.append(file) }
        }
        progress(entries.count, entries.count)
        return Result(config: config, files: files, diagnostics: diagnostics)
    }

    /// One Markdown file under `content/` as `loadFile` gives it.
    public struct Loaded: Sendable {
        /// Path components under `content/`, as named on disk.
        public var components: [String]
        public var file: LoadedFile?
        public var diagnostics: [Diagnostic]
    }

    /// Every Markdown file under `content/`, each as `loadFile` would give it, in the order
    /// `load` reads them: `content/` is walked once and the files are read on every core.
    /// (`loadFile` lists the file's folder again for a twin name: once per file of a folder
    /// of 10,000, it made the preview's first build take 131 s instead of 13.)
    public func loadEach(config: SiteConfig) -> [Loaded] {
        load(tree.scan(), config: config)
    }

    /// The named files (path components under `content/`, as `markdownFiles` gives them),
    /// each as `loadFile` would give it, in the order given; more than one are read on every
    /// core from one walk of `content/`.
    public func loadFiles(_ paths: [[String]], config: SiteConfig) -> [Loaded] {
        func alone(_ path: [String]) -> Loaded {
            let (file, diagnostics) = loadFile(path, config: config)
            return Loaded(components: path, file: file, diagnostics: diagnostics)
        }
        guard paths.count > 1 else { return paths.map(alone) }
        var entries: [[String]: ContentEntry] = [:]
        for entry in tree.scan() { entries[entry.components] = entry }
        var loaded: [[String]: Loaded] = [:]
        for item in load(paths.compactMap { entries[$0] }, config: config) { loaded[item.components] = item }
        // A path the walk does not list (gone since it was named) is left to `loadFile`, which
        // says what it finds there.
        return paths.map { loaded[$0] ?? alone($0) }
    }

    private func load(_ entries: [ContentEntry], config: SiteConfig) -> [Loaded] {
        // Reading and recognizing files is independent per file (cmark parses under its own
        // lock): use every core, then take the results in file order, as a serial load would.
        let results = ChunkResults<(LoadedFile?, [Diagnostic])>(count: entries.count)
        let loader = self
        let folder = contentURL.path
        let readAhead = ReadAhead(entries.map { $0.problem == nil ? ([folder] + $0.components).joined(separator: "/") : nil },
                                  advise: access.willRead)
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            results.set(index, loader.load(entries[index], config: config))
            readAhead.read(index)
        }
        readAhead.stop()
        return entries.indices.map { index in
            let (file, diagnostics) = results.take(index) ?? load(entries[index], config: config)
            return Loaded(components: entries[index].components, file: file, diagnostics: diagnostics)
        }
    }

    /// Loads and recognizes one Markdown file, given as path components under `content/`:
    /// the file (nil when it cannot be read) and what was found in it, in the order `load`
    /// reports them. The preview reloads an edited file with this alone, so it makes the
    /// checks of `load` on this one path (links, file type, a twin name in the folder).
    public func loadFile(_ relative: [String], config: SiteConfig) -> (LoadedFile?, [Diagnostic]) {
        guard let entry = tree.entry(for: relative) else { return (nil, []) }
        return load(entry, config: config)
    }

    private func load(_ entry: ContentEntry, config: SiteConfig) -> (LoadedFile?, [Diagnostic]) {
        if let problem = entry.problem { return (nil, [problem]) }
        let relative = entry.components
        let displayPath = ContentTree.display(relative)
        // Read through `access`; `scan` or `entry(for:)` has checked what the path is. No
        // `ProjectFiles` here: it resolves the project's real path, once per file would add up.
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try access.readFile(ContentTree.url(of: relative, under: contentURL)))
        } catch {
            return (nil, [ProjectFiles.unreadable(displayPath, reason: SystemError.describe(error))])
        }
        do {
            var source = try SourceFileLoader.load(bytes: bytes, displayPath: displayPath)
            let structure = recognize(source, config.organizations)
            // Everything after recognition reads the structure; holding every file's text
            // through linking kept 165 MB of a 10,000-document site alive for nothing.
            source.body = ""
            // Bundle and file names in NFC, like the text: an NFD name is its NFC twin.
            let names = relative.map(CanonicalForms.nfc)
            let bundle = names.count > 1 ? names.dropLast().joined(separator: "/") : nil
            return (LoadedFile(source: source, structure: structure, bundle: bundle, fileName: names.last ?? ""),
                    source.diagnostics + structure.diagnostics)
        } catch {
            return (nil, [error.diagnostic])
        }
    }

    /// `content/site.yml` with what was found in it.
    public func loadConfig() -> (SiteConfig, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(diagnostics: &diagnostics)
        return (config, diagnostics)
    }

    /// The Markdown files under `content/` as path components (as named on disk), in the
    /// order `load` reads them. Also lists what should be a document and cannot be read (a
    /// link out of the project, a folder that cannot be listed, twin names), so that
    /// `loadFile` reports it.
    public func markdownFiles() -> [[String]] {
        tree.scan().map(\.components)
    }

    private var contentURL: URL { root.appendingPathComponent(Self.contentFolder, isDirectory: true) }

    private var projectFiles: ProjectFiles {
        ProjectFiles(root: root, alsoAllowing: [contentURL], access: access)
    }

    private var tree: ContentTree { ContentTree(files: projectFiles, contentURL: contentURL) }

    private func loadConfig(diagnostics: inout [Diagnostic]) -> SiteConfig {
        let url = contentURL.appendingPathComponent(Self.configFile)
        let display = "\(Self.contentFolder)/\(Self.configFile)"
        let files = projectFiles
        guard ProjectFiles.isSymbolicLink(url) || FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.warning("site.no-config", "\(display) is missing; using default settings", file: display,
                                        hint: "create it with at least `title: …` (see `decuong init`)"))
            return SiteConfig()
        }
        let bytes: [UInt8]
        switch files.read(url, display: display) {
        case .success(let read): bytes = read
        case .failure(let problem):
            diagnostics.append(problem.diagnostic)
            return SiteConfig()
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.error("site.not-utf8", "\(display) is not UTF-8 text", file: display,
                                      hint: "save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"))
            return SiteConfig()
        }
        do {
            let (config, warnings) = try SiteConfig.parse(text, file: display)
            diagnostics += warnings
            return config
        } catch {
            diagnostics.append(error.diagnostic)
            return SiteConfig()
        }
    }
}
