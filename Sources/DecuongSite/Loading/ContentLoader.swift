import DecuongContent
import DecuongCore
import DecuongStructure
import Foundation

/// The load stage of a project: `content/site.yml` and every Markdown file under `content/`,
/// each recognized into a `StructuredDocument`. A file that cannot be read becomes an error
/// diagnostic and is left out; nothing here throws.
public struct ContentLoader: Sendable {
    public typealias Recognize = @Sendable (_ source: SourceFile, _ organizations: [String]) -> StructuredDocument

    public var root: URL
    public var recognize: Recognize

    public init(root: URL, recognize: @escaping Recognize) {
        self.root = root
        self.recognize = recognize
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
        let contentURL = root.appendingPathComponent(Self.contentFolder, isDirectory: true)
        let config = loadConfig(contentURL: contentURL, diagnostics: &diagnostics)
        let paths = markdownFiles(in: contentURL)
        if paths.isEmpty {
            diagnostics.append(.error("content.empty", "no Markdown documents found in \(Self.contentFolder)/",
                                      file: Self.contentFolder,
                                      hint: "put each plan in its own folder, e.g. content/ke-hoach-2023/ke-hoach.md"))
        }
        var files: [LoadedFile] = []
        for (index, relative) in paths.enumerated() {
            progress(index, paths.count)
            let (file, fileDiagnostics) = loadFile(relative, config: config)
            diagnostics += fileDiagnostics
            if let file { files.append(file) }
        }
        progress(paths.count, paths.count)
        return Result(config: config, files: files, diagnostics: diagnostics)
    }

    /// Loads and recognizes one Markdown file, given as path components under `content/`:
    /// the file (nil when it cannot be read) and what was found in it, in the order `load`
    /// reports them. The preview reloads an edited file with this alone.
    public func loadFile(_ relative: [String], config: SiteConfig) -> (LoadedFile?, [Diagnostic]) {
        let contentURL = root.appendingPathComponent(Self.contentFolder, isDirectory: true)
        let displayPath = "\(Self.contentFolder)/\(relative.joined(separator: "/"))"
        let url = relative.reduce(contentURL) { $0.appendingPathComponent($1) }
        do {
            let source = try SourceFileLoader.load(contentsOf: url, displayPath: displayPath)
            let structure = recognize(source, config.organizations)
            let bundle = relative.count > 1 ? relative.dropLast().joined(separator: "/") : nil
            return (LoadedFile(source: source, structure: structure, bundle: bundle, fileName: relative.last ?? ""),
                    source.diagnostics + structure.diagnostics)
        } catch {
            return (nil, [error.diagnostic])
        }
    }

    /// `content/site.yml` with what was found in it.
    public func loadConfig() -> (SiteConfig, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(contentURL: root.appendingPathComponent(Self.contentFolder, isDirectory: true),
                                diagnostics: &diagnostics)
        return (config, diagnostics)
    }

    /// The Markdown files under `content/` as path components, in the order `load` reads them.
    public func markdownFiles() -> [[String]] {
        markdownFiles(in: root.appendingPathComponent(Self.contentFolder, isDirectory: true))
    }

    private func loadConfig(contentURL: URL, diagnostics: inout [Diagnostic]) -> SiteConfig {
        let url = contentURL.appendingPathComponent(Self.configFile)
        let display = "\(Self.contentFolder)/\(Self.configFile)"
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.warning("site.no-config", "\(display) is missing; using default settings", file: display,
                                        hint: "create it with at least `title: …` (see `decuong init`)"))
            return SiteConfig()
        }
        do {
            let (config, warnings) = try SiteConfig.parse(String(decoding: data, as: UTF8.self), file: display)
            diagnostics += warnings
            return config
        } catch {
            diagnostics.append(error.diagnostic)
            return SiteConfig()
        }
    }

    /// Markdown files under `content/` as path components, sorted so every build sees them in
    /// the same order. Hidden files and folders are skipped.
    private func markdownFiles(in folder: URL) -> [[String]] {
        var out: [[String]] = []
        func walk(_ url: URL, _ prefix: [String]) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = url.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    walk(child, prefix + [name])
                } else if name.lowercased().hasSuffix(".md") {
                    out.append(prefix + [name])
                }
            }
        }
        walk(folder, [])
        return out
    }
}
