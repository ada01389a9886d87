/// Links between pages of the site, always relative and always naming a file, so that the
/// same files work from a web server at any sub-path and from disk (`file://`).
enum RelativeURL {
    /// The link from the page at `page` to `target`; both are paths from the site root
    /// (`ke-hoach-2023/index.html`, `van-ban/index.html#35-nq-tw-2018`).
    static func from(_ page: String, to target: String) -> String {
        let (targetPath, fragment) = split(target)
        if targetPath == page, let fragment { return "#\(fragment)" }
        // On bytes: index pages make a link per place, tens of thousands per build. Folders
        // are equal when their bytes up to and including the `/` are; the link climbs out of
        // the page's other folders and goes down the rest of the target's path.
        let slash = UInt8(ascii: "/")
        var pageCopy = page
        var targetCopy = targetPath
        let path = pageCopy.withUTF8 { pageBytes in
            targetCopy.withUTF8 { targetBytes -> String in
                var commonEnd = 0
                var index = 0
                while index < pageBytes.count, index < targetBytes.count, pageBytes[index] == targetBytes[index] {
                    if pageBytes[index] == slash { commonEnd = index + 1 }
                    index += 1
                }
                let up = pageBytes[commonEnd...].reduce(0) { $0 + ($1 == slash ? 1 : 0) }
                return String(repeating: "../", count: up)
                    + String(decoding: UnsafeBufferPointer(rebasing: targetBytes[commonEnd...]), as: UTF8.self)
            }
        }
        return fragment.map { "\(path)#\($0)" } ?? path
    }

    /// The prefix that leads from `page` back to the site root: `""` or `"../"`.
    static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    static func split(_ target: String) -> (path: String, fragment: String?) {
        // Looked for in the UTF-8 view: searching Characters breaks graphemes all the way.
        guard let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (target, nil) }
        return (String(target[..<hash]), String(target[target.utf8.index(after: hash)...]))
    }
}
