/// The text a reader sees in HTML that our renderer made: tags and comments dropped (so raw
/// HTML, which the safe renderer replaces by a comment, never reaches the search index),
/// entities decoded, whitespace collapsed. Only for our own markup, not arbitrary HTML.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            out += decode(rest[..<open])
            let after = rest[open...]
            if after.hasPrefix("<!--") {
                guard let close = after.range(of: "-->") else { return collapse(out) }
                rest = after[close.upperBound...]
                out += " "
                continue
            }
            guard let close = after.firstIndex(of: ">") else { return collapse(out) }
            // Block boundaries separate words; inline tags (`<em>`, `<a>`) do not.
            let name = after.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "/" }.lowercased()
            if blockTags.contains(name.hasPrefix("/") ? String(name.dropFirst()) : name) { out += " " }
            rest = after[after.index(after: close)...]
        }
        out += decode(rest)
        return collapse(out)
    }

    private static let blockTags: Set<String> = [
        "p", "br", "li", "ul", "ol", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td",
        "th", "blockquote", "pre", "hr", "dl", "dt", "dd", "thead", "tbody",
    ]

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";"), let decoded = entity(after[..<semicolon]) {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func entity(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
