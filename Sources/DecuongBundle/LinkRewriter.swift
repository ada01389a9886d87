import Foundation

/// Rewrites the links of a page that is shipped without the rest of the site: a link whose
/// target is not shipped becomes plain text (`<span>`), so a reader never lands on a
/// missing file; a `<link>` to a missing file is dropped. Works on the markup our templates
/// and renderer write (double-quoted attributes, no nested anchors), not on arbitrary HTML.
struct LinkRewriter {
    /// Where a link goes: kept as it is, changed, or turned into text.
    enum Decision: Equatable {
        case keep
        case replace(String)
        case unlink
    }

    /// Decides for a link, given the page it is on and its `href` as written.
    let decide: (_ href: String) -> Decision

    func rewrite(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        // For each open `<a>`: whether it became a `<span>` (anchors do not nest in HTML).
        var anchors: [Bool] = []
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let tagRest = rest[open...]
            guard let close = tagRest.firstIndex(of: ">") else {
                rest = tagRest
                break
            }
            let tag = tagRest[...close]
            rest = tagRest[tagRest.index(after: close)...]
            let isAnchor = tag.hasPrefix("<a ")
            if isAnchor || tag.hasPrefix("<link ") {
                guard let href = Self.attribute("href", in: tag) else {
                    if isAnchor { anchors.append(false) }
                    out += tag
                    continue
                }
                let decision = decide(href.value)
                if isAnchor { anchors.append(decision == .unlink) }
                switch decision {
                case .keep:
                    out += tag
                case .replace(let newHref):
                    out += tag[..<href.range.lowerBound] + Self.escapeAttribute(newHref) + tag[href.range.upperBound...]
                case .unlink:
                    if isAnchor { out += "<span class=\"unlinked\">" }
                }
            } else if tag == "</a>" {
                out += anchors.popLast() == true ? "</span>" : "</a>"
            } else {
                out += tag
            }
        }
        out += rest
        return out
    }

    /// The value of `name="…"` in a tag and where the value sits.
    static func attribute(_ name: String, in tag: Substring) -> (value: String, range: Range<String.Index>)? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let valueStart = start.upperBound
        guard let end = tag[valueStart...].firstIndex(of: "\"") else { return nil }
        let raw = String(tag[valueStart..<end])
        let value = raw.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"")
        return (value, valueStart..<end)
    }

    static func escapeAttribute(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The site path a relative link from `page` names, and its fragment; nil for links that
    /// leave the site (`https:`, `mailto:`) or stay on the page (`#…`).
    static func resolve(_ href: String, from page: String) -> (path: String, fragment: String?)? {
        if href.isEmpty || href.hasPrefix("#") { return nil }
        if let colon = href.firstIndex(of: ":"), !href[..<colon].contains("/") { return nil }
        let withoutQuery = href.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var pathPart = String(withoutQuery.first ?? "")
        var fragment: String?
        if let hash = href.firstIndex(of: "#") {
            fragment = String(href[href.index(after: hash)...])
            if let pathHash = pathPart.firstIndex(of: "#") { pathPart = String(pathPart[..<pathHash]) }
        }
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for segment in pathPart.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".", "": continue
            default: parts.append(String(segment))
            }
        }
        return (parts.joined(separator: "/"), fragment)
    }
}
