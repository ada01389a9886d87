import DecuongSite

/// The files of a one-document bundle: the document's pages (its page and its theme pages),
/// its attachments' pages, the home and search pages, the assets, and a search index of
/// just those pages. Links to pages left out become plain text, so nothing in the bundle
/// leads to a missing file.
struct DocumentSelection {
    let site: Site
    let documents: [SiteDocument]

    static let sharedPages: Set<String> = ["index.html", SiteSearch.pagePath]

    func select(from rendered: RenderedSite) -> [String: [UInt8]] {
        let folders = documents.map { "\($0.slug)/" }
        var files: [String: [UInt8]] = [:]
        for (path, bytes) in rendered.files {
            let kept = Self.sharedPages.contains(path) || path.hasPrefix("assets/")
                || folders.contains(where: { path.hasPrefix($0) && !path.dropFirst($0.count).contains("/") })
            if kept { files[path] = bytes }
        }
        let pages = Set(files.keys.filter { $0.hasSuffix(".html") })
        for (path, bytes) in SiteSearch().files(for: site, keeping: pages.contains) { files[path] = bytes }
        let present = Set(files.keys)
        for path in pages {
            let html = String(decoding: files[path] ?? [], as: UTF8.self)
            let rewriter = LinkRewriter { href in
                guard let target = LinkRewriter.resolve(href, from: path) else { return .keep }
                return present.contains(target.path) ? .keep : .unlink
            }
            files[path] = Array(rewriter.rewrite(html).utf8)
        }
        return files
    }
}
