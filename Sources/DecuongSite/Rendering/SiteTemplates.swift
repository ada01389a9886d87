import DecuongCore
import Foundation
import Mustache

/// The theme: Mustache templates, partials and assets by path (`layout.mustache`,
/// `partials/section.mustache`, `assets/style.css`). The default theme is compiled into the
/// binary (`DefaultTemplates`); a project's own `templates/` folder overrides it file by file.
public struct SiteTemplates: Sendable {
    /// Path inside the theme → text.
    public var files: [String: String]
    /// Path inside the theme → how to name the file in a diagnostic.
    public var origins: [String: String]
    /// Set when a file of the project's theme could not be used (the reason was reported
    /// by `load`): such a theme renders nothing rather than fall back to the default file.
    public var isBroken = false

    public init(files: [String: String], origins: [String: String] = [:]) {
        self.files = files
        self.origins = origins
    }

    public static let folder = "templates"

    /// Templates every site needs; a theme without one of them cannot render.
    static let pageTemplates = ["layout", "home", "document", "theme", "themes", "cited-documents",
                                "organizations", "timeline", "not-found"]

    /// The default theme.
    public static var builtIn: SiteTemplates {
        SiteTemplates(files: DefaultTemplates.files,
                      origins: DefaultTemplates.files.keys.reduce(into: [:]) { $0[$1] = "(built-in) \(folder)/\($1)" })
    }

    /// The default theme with the files of `<root>/templates/` over it. A file that cannot be
    /// used (unreadable, not UTF-8, a link out of the project) is an error, and the theme
    /// is then marked broken so that nothing renders: the default theme is never mixed with
    /// part of an override.
    public static func load(root: URL, access: ProjectFileAccess = .disk) -> (SiteTemplates, [Diagnostic]) {
        var templates = builtIn
        var diagnostics: [Diagnostic] = []
        let folderURL = root.appendingPathComponent(folder, isDirectory: true)
        let projectFiles = ProjectFiles(root: root, alsoAllowing: [folderURL], access: access)
        for relative in files(under: folderURL, projectFiles: projectFiles, diagnostics: &diagnostics) {
            let display = "\(folder)/\(relative)"
            let bytes: [UInt8]
            switch projectFiles.readChecked(folderURL.appendingPathComponent(relative), display: display) {
            case .success(let read): bytes = read
            case .failure(let problem):
                diagnostics.append(problem.diagnostic)
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(.error("template.not-utf8", "\(display) is not UTF-8 text", file: display,
                                          hint: "save it as UTF-8"))
                continue
            }
            templates.files[relative] = text
            templates.origins[relative] = display
        }
        templates.isBroken = diagnostics.contains { $0.severity == .error }
        return (templates, diagnostics)
    }

    /// Assets to copy to the site unchanged (`assets/style.css`).
    public var assets: [String: String] {
        files.filter { $0.key.hasPrefix("assets/") }
    }

    /// Parses every `.mustache` file. Syntax errors, references to partials that do not
    /// exist, names no page provides and partials that include themselves for ever are
    /// reported with the template's file, line and column (`TemplateCheck`). Any error, or a
    /// theme that `load` found broken, gives no library: nothing renders, rather than pages
    /// in a mix of the default theme and part of the override.
    func compile() -> (TemplateLibrary?, [Diagnostic]) {
        // `load` has reported why; a mix of default and override files must not render.
        guard !isBroken else { return (nil, []) }
        _ = FastHTMLContentType.registered
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let names = Set(files.keys.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            let text = files[path] ?? ""
            let origin = origins[path] ?? "\(Self.folder)/\(path)"
            do {
                library.register(try MustacheTemplate(string: FastHTMLContentType.pragma + text), named: name)
                texts[name] = FastHTMLContentType.pragma + text
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own before the template's first line.
                diagnostics.append(.error(
                    "template.syntax", "\(Self.describe(error.error)) in template \(name)", file: origin,
                    at: SourceLocation(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    hint: "check that every {{#section}} has its {{/section}} and every tag is closed with }}"))
            } catch {
                diagnostics.append(.error("template.syntax", "cannot parse template \(name): \(error)", file: origin,
                                          hint: "check the Mustache syntax"))
            }
            for (partial, location) in Self.partialReferences(in: text) where !names.contains(partial) {
                diagnostics.append(.error("template.missing-partial", "template \(name) uses `\(partial)`, which does not exist",
                                          file: origin, at: location,
                                          hint: "create \(Self.folder)/\(partial).mustache or fix the name"))
            }
        }
        if !diagnostics.contains(where: { $0.severity == .error }) {
            // Only on templates that parse: the scanner follows the parser's rules.
            diagnostics += TemplateCheck.unknownNames(in: files, origins: origins)
            diagnostics += TemplateCheck.recursiveInclusions(in: files, origins: origins)
        }
        for required in Self.pageTemplates where !names.contains(required) {
            diagnostics.append(.error("template.missing", "the theme has no \(required).mustache", file: Self.folder,
                                      hint: "copy it from a new project (`decuong init`) into \(Self.folder)/"))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (TemplateLibrary(mustache: library, texts: texts), diagnostics)
    }

    /// `{{> name}}` and `{{< name}}` tags with where they are (dynamic `{{>*name}}` partials
    /// are named at render time and left out).
    static func partialReferences(in text: String) -> [(String, SourceLocation)] {
        TemplateTag.scan(text).compactMap { tag in
            guard tag.kind == .partial || tag.kind == .parent, !tag.content.isEmpty, !tag.content.hasPrefix("*") else {
                return nil
            }
            return (tag.content, tag.location)
        }
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a closing tag does not match the section it closes"
        case .unfinishedName: "a tag is not finished"
        case .expectedSectionEnd: "a section is not closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "an inheritance section holds a tag it may not hold"
        case .textInsideInheritSection: "an inheritance section holds text"
        case .invalidConfigVariableSyntax: "a pragma is malformed"
        case .unrecognisedConfigVariable: "a pragma is unknown"
        case nil: "\(error)"
        }
    }

    /// The theme's files under `folder` as relative paths, sorted; links are followed inside
    /// the project only, and what cannot be used is reported.
    private static func files(under folder: URL, projectFiles: ProjectFiles, diagnostics: inout [Diagnostic]) -> [String] {
        guard let folderReal = ProjectFiles.realPath(folder) else { return [] }  // no templates/: the default theme
        var out: [String] = []
        func walk(_ url: URL, _ prefix: String, chain: Set<String>) {
            let display = prefix.isEmpty ? Self.folder : "\(Self.folder)/\(prefix.dropLast())"
            let names: [String]
            switch projectFiles.list(url, display: display) {
            case .success(let listed): names = listed
            case .failure(let problem):
                diagnostics.append(problem.diagnostic)
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = url.appendingPathComponent(name)
                let childDisplay = "\(Self.folder)/\(prefix)\(name)"
                switch projectFiles.locate(child, display: childDisplay) {
                case .failure(let problem):
                    diagnostics.append(problem.diagnostic)
                case .success(let found):
                    guard projectFiles.isInside(found.realPath) else {
                        diagnostics.append(ProjectFiles.outside(childDisplay, realPath: found.realPath))
                        continue
                    }
                    switch found.kind {
                    case .file: out.append(prefix + name)
                    case .folder where !chain.contains(found.realPath):
                        walk(child, prefix + name + "/", chain: chain.union([found.realPath]))
                    case .folder: break  // a link to a folder that holds it
                    case .other(let what): diagnostics.append(ProjectFiles.notAFile(childDisplay, what))
                    }
                }
            }
        }
        walk(folder, "", chain: [folderReal])
        return out.sorted()
    }
}
