import DecuongCore
import Yams

extension SourceFileLoader {
    typealias FrontMatterValue = (key: String, value: Yams.Node, location: SourceLocation)

    /// The front matter most files have, read without Yams: one `key: value` per line, the
    /// value a double-quoted string without escapes, a flow list of such strings, or a
    /// plain word-and-number scalar. Composing even that with Yams cost as much as
    /// recognizing half a document. Returns nil for anything else (comments, other
    /// quoting, escapes, nesting, repeated keys, odd spacing, control characters), which
    /// then goes to Yams: this reads only text where both give the same values and places.
    static func simpleFrontMatterValues(_ yaml: String, firstLine: Int) -> [FrontMatterValue]? {
        var values: [FrontMatterValue] = []
        var keys: Set<String> = []
        // Lines split at LF bytes, which is splitting at "\n" characters while there is no CR.
        guard !yaml.utf8.contains(0x0D) else { return nil }
        for (index, line) in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard let text = String(line) else { return nil }
            let scalars = Array(text.unicodeScalars)
            var i = 0
            while i < scalars.count, (scalars[i].value >= 0x61 && scalars[i].value <= 0x7A) || scalars[i] == "_" { i += 1 }
            guard i > 0, i + 2 < scalars.count, scalars[i] == ":", scalars[i + 1] == " " else { return nil }
            let key = ScalarText.string(scalars[0..<i])
            guard keys.insert(key).inserted else { return nil }
            let start = i + 2
            let node: Yams.Node
            if scalars[start] == "\"" {
                guard let (text, end) = quoted(scalars, from: start), end == scalars.count else { return nil }
                node = .scalar(.init(text, .implicit, .doubleQuoted))
            } else if scalars[start] == "[" {
                var items: [Yams.Node] = []
                var j = start + 1
                while true {
                    guard let (text, end) = quoted(scalars, from: j) else { return nil }
                    items.append(.scalar(.init(text, .implicit, .doubleQuoted)))
                    if end + 1 == scalars.count, scalars[end] == "]" { break }
                    guard end + 1 < scalars.count, scalars[end] == ",", scalars[end + 1] == " " else { return nil }
                    j = end + 2
                }
                node = .sequence(.init(items, .implicit, .flow))
            } else {
                guard let text = plain(scalars[start...]) else { return nil }
                node = .scalar(.init(text, .implicit, .plain))
            }
            // Yams places a value at its first character: 1-based line and scalar column.
            values.append((key, node, SourceLocation(line: index + firstLine, column: start + 1)))
        }
        return values.isEmpty ? nil : values
    }

    /// A double-quoted string starting at `start` without escapes or line breaks: its text
    /// and the offset after the closing quote.
    private static func quoted(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        guard start < scalars.count, scalars[start] == "\"" else { return nil }
        var i = start + 1
        while i < scalars.count, scalars[i] != "\"" {
            guard isContent(scalars[i]), scalars[i] != "\\" else { return nil }
            i += 1
        }
        guard i < scalars.count else { return nil }
        return (ScalarText.string(scalars[(start + 1)..<i]), i + 1)
    }

    /// A plain scalar of letters, digits, single inner spaces and `- . / _ ( )`, starting
    /// with a letter or digit: no YAML indicator can appear in it.
    private static func plain(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        guard let first = scalars.first, let last = scalars.last, last != " " else { return nil }
        func isWordLike(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                || (value >= 0x80 && isContent(scalar) && !isWhitespace(value))
        }
        guard isWordLike(first) else { return nil }
        var previous: Unicode.Scalar = first
        for scalar in scalars.dropFirst() {
            let allowed = isWordLike(scalar) || scalar == "-" || scalar == "." || scalar == "/" || scalar == "_"
                || scalar == "(" || scalar == ")" || (scalar == " " && previous != " ")
            guard allowed else { return nil }
            previous = scalar
        }
        return ScalarText.string(scalars)
    }

    /// Unicode's White_Space scalars from U+0080 up.
    private static func isWhitespace(_ value: UInt32) -> Bool {
        value == 0x85 || value == 0xA0 || value == 0x1680 || (value >= 0x2000 && value <= 0x200A) || value == 0x2028
            || value == 0x2029 || value == 0x202F || value == 0x205F || value == 0x3000
    }

    /// Printable in YAML and not a line break: libyaml rejects or splits at the rest.
    private static func isContent(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value <= 0x7E { return true }
        if value >= 0xA0 && value <= 0xD7FF { return value != 0x2028 && value != 0x2029 }
        if value >= 0xE000 && value <= 0xFFFD { return value != 0xFEFF }
        return value >= 0x10000
    }
}
