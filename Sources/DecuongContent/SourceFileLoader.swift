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
        guard text.utf8.starts(with: "---".utf8) else { return nil }
        // On the UTF-8: the newline scalars (LF, VT, FF, CR, NEL, LS, PS) are told by their
        // bytes, each a character of its own (CR LF aside, taken as one), so this finds the
        // same line ends as a walk over characters; lines are slices of `text`.
        var copy = text
        let found: ([Range<Int>], Int, Int)? = copy.withUTF8 { bytes in
            let n = bytes.count
            var lines: [Range<Int>] = []
            var start = 0
            var lineNumber = 0
            while start < n {
                var end = start
                var next = n
                while end < n {
                    let byte = bytes[end]
                    if byte >= 0x0A && byte <= 0x0D {
                        next = byte == 0x0D && end + 1 < n && bytes[end + 1] == 0x0A ? end + 2 : end + 1
                        break
                    }
                    if byte == 0xC2, end + 1 < n, bytes[end + 1] == 0x85 {
                        next = end + 2
                        break
                    }
                    if byte == 0xE2, end + 2 < n, bytes[end + 1] == 0x80, bytes[end + 2] == 0xA8 || bytes[end + 2] == 0xA9 {
                        next = end + 3
                        break
                    }
                    end += 1
                }
                if end == n { next = n }
                lineNumber += 1
                let line = start..<end
                if lineNumber == 1 {
                    guard Self.isDashLine(bytes, line) else { return nil }
                } else if Self.isDashLine(bytes, line) || Self.isDots(bytes, line) {
                    return (lines, lineNumber, next)
                } else {
                    lines.append(line)
                }
                start = next
            }
            return nil  // no closing line: not front matter, just text that starts with ---
        }
        guard let (lines, lineCount, bodyStart) = found else { return nil }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var yaml = ""
        for (number, line) in lines.enumerated() {
            if number > 0 { yaml.append("\n") }
            yaml.append(contentsOf: text[index(line.lowerBound)..<index(line.upperBound)])
        }
        return (yaml, lineCount, index(bodyStart))
    }

    /// `WhitespaceTrimming.isDashLine` of the line at `range`: spaces and tabs around "---".
    private static func isDashLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if end - start == 3, bytes[start] == 0x2D, bytes[start + 1] == 0x2D, bytes[start + 2] == 0x2D { return true }
        // Foundation's `.whitespaces` holds more than space and tab: a line with other
        // non-ASCII bytes is asked of it, as before.
        guard bytes[range].contains(where: { $0 >= 0x80 }),
              !bytes[range].contains(where: { $0 < 0x80 && $0 != 0x2D && $0 != 0x20 && $0 != 0x09 }) else { return false }
        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return WhitespaceTrimming.isDashLine(Substring(line))
    }

    /// `line == "..."` (three ASCII bytes are equivalent only to themselves).
    private static func isDots(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.count == 3 && bytes[range.lowerBound] == 0x2E && bytes[range.lowerBound + 1] == 0x2E && bytes[range.lowerBound + 2] == 0x2E
    }

    /// "Số 1-KH/TU" and "Số: 160/KH-UBND" name the same number as "1-KH/TU". Read on the
    /// bytes when the number starts with `Số` or `số` (NFC) and ASCII follows the prefix, so
    /// that the prefix's characters are exactly its bytes; `hasPrefix` otherwise.
    static func numberWithoutPrefix(_ number: String) -> String {
        let utf8 = number.utf8
        var bytes = utf8.makeIterator()
        let first = bytes.next()
        if first == UInt8(ascii: "S") || first == UInt8(ascii: "s"),
           bytes.next() == 0xE1, bytes.next() == 0xBB, bytes.next() == 0x91 {
            var length: Int?
            switch bytes.next() {
            case nil: length = 4
            case UInt8(ascii: ":"):
                // `Số:` unless what follows the colon could join it into one character.
                if let after = bytes.next() {
                    if after < 0x80 { length = 5 }
                } else {
                    length = 5
                }
            case let byte? where byte < 0x80: length = 4
            default: break
            }
            if let length {
                return WhitespaceTrimming.trimmed(String(number[utf8.index(utf8.startIndex, offsetBy: length)...]))
            }
        }
        return numberWithoutPrefixByCharacters(number)
    }

    /// The Character form of `numberWithoutPrefix`, and its reference.
    static func numberWithoutPrefixByCharacters(_ number: String) -> String {
        for prefix in ["Số:", "số:", "Số", "số"] where number.hasPrefix(prefix) {
            return WhitespaceTrimming.trimmed(String(number.dropFirst(prefix.count)))
        }
        return number
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
        front.locations.reserveCapacity(values.count)
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
                front.number = numberWithoutPrefix(try text())
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
