import Foundation

/// Just enough HTML reading for the link checker: attribute values in our own pages, whose
/// attributes are always double-quoted.
enum HTMLScanner {
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var out: [String] = []
        let needle = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: needle) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            out.append(String(rest[valueStart..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return out
    }

    /// The `href` of `<link rel="canonical">` and `<link rel="alternate">` (feed) tags.
    static func canonicalURLs(in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<link ") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let tag = String(rest[start.lowerBound...end])
            if tag.contains("rel=\"canonical\"") || tag.contains("rel=\"alternate\"") {
                out += attributeValues("href", in: tag)
            }
            rest = rest[rest.index(after: end)...]
        }
        return out
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
    }
}
