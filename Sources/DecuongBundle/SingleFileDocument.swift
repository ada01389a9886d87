import Foundation

/// One document as a single HTML file that needs nothing else: the stylesheets inlined, the
/// header search box removed (there is no search page beside it), links to its own sections
/// kept as `#anchors`, links to the other single files of the bundle kept, and every other
/// link turned into plain text. For sending a plan by mail or chat.
struct SingleFileDocument {
    /// The folder of the single files inside the bundle.
    static let folder = "mot-tep"

    /// The page as rendered for the site (`<slug>/index.html`).
    var pagePath: String
    var html: String
    var styles: String
    var printStyles: String
    /// Document page path → file name of its single file (`ke-hoach-2023/index.html` → `ke-hoach-2023.html`).
    var singleFiles: [String: String]

    func render() -> String {
        var page = html
        page = Self.replaceLink(in: page, named: "assets/style.css", with: "<style>\n\(styles)</style>")
        page = Self.replaceLink(in: page, named: "assets/print.css", with: "<style media=\"print\">\n\(printStyles)</style>")
        page = Self.removeElements(in: page, from: "<link rel=\"canonical\"", to: ">")
        page = Self.removeElements(in: page, from: "<link rel=\"alternate\"", to: ">")
        page = Self.removeElements(in: page, from: "<form class=\"site-search\"", to: "</form>\n")
        let rewriter = LinkRewriter { href in
            guard let target = LinkRewriter.resolve(href, from: pagePath) else { return .keep }
            let fragment = target.fragment.map { "#\($0)" } ?? ""
            if target.path == pagePath { return fragment.isEmpty ? .unlink : .replace(fragment) }
            if let file = singleFiles[target.path] { return .replace(file + fragment) }
            return .unlink
        }
        return rewriter.rewrite(page)
    }

    /// Replaces the `<link …>` tag whose `href` ends with `name`.
    static func replaceLink(in html: String, named name: String, with replacement: String) -> String {
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: "<link ") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let tag = rest[start.lowerBound...end]
            out += rest[..<start.lowerBound]
            let href = LinkRewriter.attribute("href", in: tag)?.value ?? ""
            out += href.hasSuffix(name) ? Substring(replacement) : tag
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// Removes every span of text from a `start` marker through the next `end` marker.
    static func removeElements(in html: String, from start: String, to end: String) -> String {
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: start) {
            guard let close = rest[open.upperBound...].range(of: end) else { break }
            out += rest[..<open.lowerBound]
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
