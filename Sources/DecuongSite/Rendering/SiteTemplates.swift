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

    /// The default theme with the files of `<root>/templates/` over it.
    public static func load(root: URL) -> (SiteTemplates, [Diagnostic]) {
        var templates = builtIn
        var diagnostics: [Diagnostic] = []
        let folderURL = root.appendingPathComponent(folder, isDirectory: true)
        for relative in files(under: folderURL) {
            let display = "\(folder)/\(relative)"
            guard let data = FileManager.default.contents(atPath: folderURL.appendingPathComponent(relative).path) else {
                diagnostics.append(.error("template.unreadable", "cannot read \(display)", file: display,
                                          hint: "check the file's permissions"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(.error("template.not-utf8", "\(display) is not UTF-8 text", file: display,
                                          hint: "save it as UTF-8"))
                continue
            }
            templates.files[relative] = text
            templates.origins[relative] = display
        }
        return (templates, diagnostics)
    }

    /// Assets to copy to the site unchanged (`assets/style.css`).
    public var assets: [String: String] {
        files.filter { $0.key.hasPrefix("assets/") }
    }

    /// Parses every `.mustache` file. Syntax errors and references to partials that do not
    /// exist are reported with the template's file, line and column.
    func compile() -> (MustacheLibrary?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        let names = Set(files.keys.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            let text = files[path] ?? ""
            let origin = origins[path] ?? "\(Self.folder)/\(path)"
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template.syntax", "\(Self.describe(error.error)) in template \(name)", file: origin,
                    at: SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber),
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
        for required in Self.pageTemplates where !names.contains(required) {
            diagnostics.append(.error("template.missing", "the theme has no \(required).mustache", file: Self.folder,
                                      hint: "copy it from a new project (`decuong init`) into \(Self.folder)/"))
        }
        return (diagnostics.contains { $0.severity == .error } ? nil : library, diagnostics)
    }

    /// `{{> name}}` and `{{< name}}` tags with where they are.
    static func partialReferences(in text: String) -> [(String, SourceLocation)] {
        var out: [(String, SourceLocation)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let first = tag.first, first == ">" || first == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    if !name.isEmpty { out.append((name, SourceLocation(line: lineIndex + 1, column: column))) }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return out
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

    private static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var out: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            out.append(path)
        }
        return out.sorted()
    }
}
