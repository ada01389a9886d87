import DecuongCore

/// Resolves every internal link of a rendered site the way a browser does from disk: the
/// path relative to the page's folder must name a file of the site (a bare folder does not
/// open its index.html from disk), and a `#fragment` must be an `id` on the target page.
public struct LinkChecker: Sendable {
    public init() {}

    public struct Problem: Sendable, Hashable {
        public var page: String
        public var link: String
        public var reason: String
    }

    public func check(_ site: RenderedSite) -> [Problem] {
        var ids: [String: Set<String>] = [:]
        for page in site.pages { ids[page] = Set(HTMLScanner.attributeValues("id", in: site.text(page) ?? "")) }
        var problems: [Problem] = []
        for page in site.pages {
            let html = site.text(page) ?? ""
            let links = HTMLScanner.attributeValues("href", in: html) + HTMLScanner.attributeValues("src", in: html)
            for link in Set(links).sorted() {
                if let reason = problem(link, from: page, site: site, ids: ids) {
                    problems.append(Problem(page: page, link: link, reason: reason))
                }
            }
        }
        return problems
    }

    /// Links that leave the site: only canonical and feed addresses may, and only with a base URL.
    public func absoluteLinks(_ site: RenderedSite) -> [Problem] {
        var out: [Problem] = []
        for page in site.pages {
            let html = site.text(page) ?? ""
            let canonical = Set(HTMLScanner.canonicalURLs(in: html))
            for link in HTMLScanner.attributeValues("href", in: html) + HTMLScanner.attributeValues("src", in: html)
            where (link.hasPrefix("/") || link.contains("://") || link.hasPrefix("//")) && !canonical.contains(link) {
                out.append(Problem(page: page, link: link, reason: "absolute link"))
            }
        }
        return out
    }

    func problem(_ link: String, from page: String, site: RenderedSite, ids: [String: Set<String>]) -> String? {
        let decoded = HTMLScanner.decodeEntities(link)
        if decoded.contains("://") || decoded.hasPrefix("mailto:") || decoded.hasPrefix("tel:") { return nil }
        if decoded.hasPrefix("/") { return "root-relative link; it breaks from disk and under a sub-path" }
        let (pathPart, fragment) = RelativeURL.split(decoded)
        let path = pathPart.split(separator: "?").first.map(String.init) ?? ""
        var target = page
        if !path.isEmpty {
            var parts = page.split(separator: "/").dropLast().map(String.init)
            for component in path.split(separator: "/", omittingEmptySubsequences: false) {
                switch component {
                case "", ".": continue
                case "..":
                    guard !parts.isEmpty else { return "leaves the site folder" }
                    parts.removeLast()
                default: parts.append(String(component))
                }
            }
            if path.hasSuffix("/") { return "names a folder, which does not open its index.html from disk" }
            target = parts.joined(separator: "/")
            guard site.files[target] != nil else { return "no file \(target) in the site" }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(fragment) != true {
            return "no id “\(fragment)” on \(target)"
        }
        return nil
    }
}
