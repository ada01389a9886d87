/// Turns the raw target of a request (`/ke-hoach-2023/`, percent-encoded as sent) into a
/// path inside the site (`ke-hoach-2023/index.html`), or says why it cannot be one. The raw
/// target is used, not a normalized one, so that `..` in any spelling (`%2e%2e`, `%2E.`) is
/// refused rather than resolved to somewhere else.
public enum SitePath: Sendable, Equatable {
    /// A file of the site, relative to its root; `directory` when the URL named a folder.
    case file(String, directory: Bool)
    /// The target is not a path a site can contain (400).
    case invalid(String)

    public static func resolve(rawTarget: String) -> SitePath {
        let path = rawTarget.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/") else { return .invalid("the path must start with /") }
        guard let decoded = path.removingPercentEncoding else { return .invalid("bad percent-encoding") }
        for scalar in decoded.unicodeScalars {
            if scalar == "\\" { return .invalid("backslash in the path") }
            if scalar.value < 0x20 || scalar.value == 0x7F { return .invalid("control character in the path") }
        }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var parts: [Substring] = []
        for (index, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return .invalid("dot segment in the path") }
            // `a//b` has an empty segment; a trailing slash leaves one at the end.
            if segment.isEmpty {
                if index == segments.count - 1 { continue }
                return .invalid("empty segment in the path")
            }
            parts.append(segment)
        }
        let isDirectory = parts.isEmpty || decoded.hasSuffix("/")
        let joined = parts.joined(separator: "/")
        if isDirectory { return .file(joined.isEmpty ? "index.html" : joined + "/index.html", directory: true) }
        return .file(joined, directory: false)
    }
}
