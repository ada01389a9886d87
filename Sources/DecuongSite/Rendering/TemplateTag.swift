import DecuongCore

/// One Mustache tag of a template and where it starts. swift-mustache keeps its tokens to
/// itself and has no positions for them, so the checks that go beyond its parser
/// (`TemplateCheck`) read the tags with this scanner. It runs on templates the parser has
/// accepted, and follows the parser's rules: set-delimiter tags, `{{{…}}}`, comments.
struct TemplateTag: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters, pragma
    }

    var kind: Kind
    /// What follows the sigil, trimmed: `title`, `partials/section`, `uppercased(name)`.
    var content: String
    /// Line and column (in Unicode scalars) of the opening delimiter.
    var location: SourceLocation

    /// Whether the tag looks a name up in the page's context.
    var isLookup: Bool { [.variable, .unescaped, .section, .inverted].contains(kind) }

    /// The names a lookup tag resolves, outermost first: `t.home` → `t`, `home`. A
    /// transform such as `uppercased(title)` looks up its argument only; `.` is the current
    /// item and `first()` the position in a list, neither a name.
    var lookedUpNames: [String] {
        guard isLookup else { return [] }
        var name = content[...]
        if let open = name.lastIndex(of: "(") {
            name = name[name.index(after: open)...].prefix { $0 != ")" }
        }
        return name.split(separator: ".").map(String.init)
    }

    static func scan(_ text: String) -> [TemplateTag] {
        let scalars = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars)
        var close = Array("}}".unicodeScalars)
        var tags: [TemplateTag] = []
        var index = 0
        var line = 1
        var column = 1
        func advance(to target: Int) {
            while index < target {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        while let start = find(open, in: scalars, from: index) {
            advance(to: start)
            let location = SourceLocation(line: line, column: column)
            var bodyStart = start + open.count
            let triple = bodyStart < scalars.count && scalars[bodyStart] == "{"
            if triple { bodyStart += 1 }
            guard let end = find(close, in: scalars, from: bodyStart) else { break }
            var after = end + close.count
            if triple, after < scalars.count, scalars[after] == "}" { after += 1 }
            var body = String(String.UnicodeScalarView(scalars[bodyStart..<end]))
            let kind: Kind
            switch triple ? "{" : body.unicodeScalars.first {
            case "{": kind = .unescaped
            case "&": kind = .unescaped
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case "!": kind = .comment
            case ">": kind = .partial
            case "<": kind = .parent
            case "$": kind = .block
            case "=": kind = .delimiters
            case "%": kind = .pragma
            default: kind = .variable
            }
            if !triple, kind != .variable { body.unicodeScalars.removeFirst() }
            if kind == .delimiters {
                // `{{=<% %>=}}`: the new pair, between the `=` signs.
                var inside = body.trimmed()
                if inside.hasSuffix("=") { inside.removeLast() }
                let pair = inside.split(whereSeparator: \.isWhitespace)
                if pair.count == 2 {
                    open = Array(pair[0].unicodeScalars)
                    close = Array(pair[1].unicodeScalars)
                }
            }
            tags.append(TemplateTag(kind: kind, content: body.trimmed(), location: location))
            advance(to: after)
        }
        return tags
    }

    private static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, scalars.count >= needle.count, start <= scalars.count - needle.count else { return nil }
        var index = start
        while index <= scalars.count - needle.count {
            if scalars[index] == needle[0], scalars[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
