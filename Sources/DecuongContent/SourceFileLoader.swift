import DecuongCore
import Foundation
import Yams

/// The load stage: bytes → `SourceFile`. Rejects what is not UTF-8 text with a diagnostic
/// that names the place and the likely cause; never throws anything else.
public enum SourceFileLoader {
    public static func load(contentsOf url: URL, displayPath: String) throws(DiagnosticError) -> SourceFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticError(.error("file.unreadable", "cannot read the file: \(error.localizedDescription)",
                                         file: displayPath, hint: "check that the file exists and is readable"))
        }
        return try load(bytes: [UInt8](data), displayPath: displayPath)
    }

    public static func load(bytes: [UInt8], displayPath: String) throws(DiagnosticError) -> SourceFile {
        var text = try decode(bytes, file: displayPath)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try load(text: text, displayPath: displayPath)
    }

    /// The text of `bytes`, or the diagnostic `TextEncodingCheck.problem` gives. The standard
    /// library validates while it copies, so valid text (nearly every file) is read once
    /// instead of being validated by hand first.
    static func decode(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        if let problem = TextEncodingCheck.prefixProblem(in: bytes, file: file) { throw DiagnosticError(problem) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let problem = TextEncodingCheck.invalidUTF8Problem(in: bytes, file: file) { throw DiagnosticError(problem) }
        // Both validators follow RFC 3629, so this is not reached; if they ever disagree,
        // read the file as the hand check allowed it.
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func load(text: String, displayPath: String) throws(DiagnosticError) -> SourceFile {
        let normalized = VietnameseText.normalize(text)
        guard let (yaml, lineCount, bodyStart) = frontMatterBlock(in: normalized) else {
            return SourceFile(path: displayPath, body: normalized)
        }
        var diagnostics: [Diagnostic] = []
        let frontMatter = try parseFrontMatter(yaml, file: displayPath, diagnostics: &diagnostics)
        // Keep line numbers: the front matter's lines become empty lines.
        let body = String(repeating: "\n", count: lineCount) + normalized[bodyStart...]
        return SourceFile(path: displayPath, body: body, frontMatter: frontMatter, diagnostics: diagnostics)
    }

    /// The YAML between a first line `---` and the next `---` or `...` line, how many lines
    /// the block takes, and where the body starts.
    static func frontMatterBlock(in text: String) -> (String, Int, String.Index)? {
        guard text.hasPrefix("---") else { return nil }
        var lines: [Substring] = []
        var index = text.startIndex
        var lineNumber = 0
        while index < text.endIndex {
            // By scalar: every scalar for which `Character.isNewline` holds is a character of
            // its own (CR LF aside, taken as one below), so this finds the same ends as a
            // walk over characters, without grapheme breaking.
            let scalars = text.unicodeScalars
            let end = scalars[index...].firstIndex(where: Self.isNewline) ?? text.endIndex
            let line = text[index..<end]
            var next = end
            if end < text.endIndex {
                next = scalars.index(after: end)
                if scalars[end] == "\r", next < text.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
            }
            lineNumber += 1
            if lineNumber == 1 {
                guard WhitespaceTrimming.isDashLine(line) else { return nil }
            } else if WhitespaceTrimming.isDashLine(line) || line == "..." {
                return (lines.joined(separator: "\n"), lineNumber, next)
            } else {
                lines.append(line)
            }
            index = next
        }
        return nil  // no closing line: not front matter, just text that starts with ---
    }

    /// The scalars that make a `Character` a newline: LF, VT, FF, CR, NEL, LS, PS.
    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `usingLines: false` reads the YAML with Yams whatever it holds (the tests compare).
    static func parseFrontMatter(_ yaml: String, file: String, diagnostics: inout [Diagnostic],
                                 usingLines: Bool = true) throws(DiagnosticError) -> FrontMatter {
        // Yams costs more than the rest of loading a file; plain `key: value` lines need none of it.
        let values: [(key: String, value: FrontMatterLines.Value, location: SourceLocation)]
        if usingLines, let entries = FrontMatterLines.entries(yaml, firstLine: 2) {
            values = entries.map { ($0.key, $0.value, $0.location) }
        } else {
            values = try YAMLBlock(yaml: yaml, file: file, firstLine: 2).values.map { key, node, location in
                (key, FrontMatterLines.Value(scalar: node.scalar?.string, sequence: node.sequence.map { $0.map(\.string) }),
                 location)
            }
        }
        var front = FrontMatter()
        for (key, value, location) in values {
            front.locations[key] = location
            func text() throws(DiagnosticError) -> String {
                guard let scalar = value.scalar else {
                    throw DiagnosticError(.error("front-matter.not-text", "`\(key)` must be a single value", file: file,
                                                 at: location, hint: "write it on one line: `\(key): …`"))
                }
                return WhitespaceTrimming.trimmed(VietnameseText.normalize(scalar))
            }
            switch key {
            case "kind": front.kind = try text()
            case "number":
                // "Số 1-KH/TU" and "Số: 160/KH-UBND" name the same number as "1-KH/TU".
                var number = try text()
                for prefix in ["Số:", "số:", "Số", "số"] where number.hasPrefix(prefix) {
                    number = WhitespaceTrimming.trimmed(String(number.dropFirst(prefix.count)))
                    break
                }
                front.number = number
            case "date":
                let raw = try text()
                guard let iso = ISODate.parse(raw) else {
                    throw DiagnosticError(.error("front-matter.bad-date", "`date: \(raw)` is not a date", file: file,
                                                 at: location, hint: "write the date as YYYY-MM-DD, e.g. `date: 2023-05-10`"))
                }
                front.date = iso
            case "place": front.place = try text()
            case "issuer": front.issuer = try text()
            case "title": front.title = try text()
            case "slug":
                let slug = try text()
                guard Slug.isValid(slug) else {
                    throw DiagnosticError(.error("front-matter.bad-slug", "`slug: \(slug)` is not a valid slug", file: file,
                                                 at: location,
                                                 hint: "use lowercase ASCII letters, digits and single hyphens, e.g. `slug: \(Slug.make(slug).isEmpty ? "ke-hoach-2023" : Slug.make(slug))`"))
                }
                front.slug = slug
            case "attached_to": front.attachedTo = try text()
            case "tags", "themes":
                if let sequence = value.sequence {
                    front.tags += sequence.compactMap { $0.map(VietnameseText.normalize) }
                } else {
                    front.tags.append(try text())
                }
            default:
                diagnostics.append(.warning("front-matter.unknown-key", "unknown front-matter key `\(key)` is ignored",
                                            file: file, at: location,
                                            hint: "known keys: \(FrontMatter.knownKeys.sorted().joined(separator: ", "))"))
            }
        }
        return front
    }
}
