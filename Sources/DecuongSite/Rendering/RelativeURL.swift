/// Links between pages of the site, always relative and always naming a file, so that the
/// same files work from a web server at any sub-path and from disk (`file://`).
enum RelativeURL {
    /// The link from the page at `page` to `target`; both are paths from the site root
    /// (`ke-hoach-2023/index.html`, `van-ban/index.html#35-nq-tw-2018`).
    static func from(_ page: String, to target: String) -> String {
        let (targetPath, fragment) = split(target)
        if targetPath == page, let fragment { return "#\(fragment)" }
        let pageDirectory = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let targetParts = targetPath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let targetDirectory = targetParts.dropLast()
        var common = 0
        while common < pageDirectory.count, common < targetDirectory.count,
              pageDirectory[common] == targetDirectory[targetDirectory.startIndex + common] {
            common += 1
        }
        let up = Array(repeating: "..", count: pageDirectory.count - common)
        let down = targetParts.dropFirst(common)
        let path = (up + down).joined(separator: "/")
        return fragment.map { "\(path)#\($0)" } ?? path
    }

    /// The prefix that leads from `page` back to the site root: `""` or `"../"`.
    static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    static func split(_ target: String) -> (path: String, fragment: String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
        return (String(target[..<hash]), String(target[target.index(after: hash)...]))
    }
}
