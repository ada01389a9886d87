/// Links between pages of the site, always relative and always naming a file, so that the
/// same files work from a web server at any sub-path and from disk (`file://`).
enum RelativeURL {
    /// The link from the page at `page` to `target`; both are paths from the site root
    /// (`ke-hoach-2023/index.html`, `van-ban/index.html#35-nq-tw-2018`).
    static func from(_ page: String, to target: String) -> String {
        let (targetPath, fragment) = split(target)
        if targetPath == page, let fragment { return "#\(fragment)" }
        // On UTF-8 slices: index pages make a link per place, tens of thousands per build.
        let slash = UInt8(ascii: "/")
        let pageParts = page.utf8.split(separator: slash, omittingEmptySubsequences: false)
        let targetParts = targetPath.utf8.split(separator: slash, omittingEmptySubsequences: false)
        let pageDirectories = pageParts.count - 1
        let targetDirectories = targetParts.count - 1
        var common = 0
        while common < pageDirectories, common < targetDirectories, pageParts[common].elementsEqual(targetParts[common]) {
            common += 1
        }
        var path = String(repeating: "../", count: pageDirectories - common)
        if let start = targetParts[common...].first?.startIndex { path += targetPath[start...] }
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
