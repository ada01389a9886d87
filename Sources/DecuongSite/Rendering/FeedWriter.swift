import Foundation
import DecuongMarkdown

/// `sitemap.xml` and the Atom `feed.xml`, written only when the site has a base URL (they
/// need absolute addresses). Dates come from the documents, never from the clock.
enum FeedWriter {
    static func sitemap(pages: [String], baseURL: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page != IndexPages.notFoundPath {
            out += "<url><loc>\(escape(baseURL + page))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    static func atom(site: Site, baseURL: String) -> String {
        let documents = site.allDocuments
        let newest = (documents.compactMap(\.date) + site.timeline.map(\.date)).max() ?? "2000-01-01"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(site.config.language.rawValue)\">\n"
        out += "<title>\(escape(site.config.title))</title>\n"
        out += "<id>\(escape(baseURL))</id>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(baseURL + IndexPages.homePath))\"/>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(baseURL + "feed.xml"))\"/>\n"
        out += "<updated>\(newest)T00:00:00Z</updated>\n"
        out += "<author><name>\(escape(documents.compactMap(\.issuer).first ?? site.config.title))</name></author>\n"
        for document in SiteLinker.newestFirst(documents) {
            let url = baseURL + DocumentPage.path(document)
            out += "<entry>\n"
            out += "<title>\(escape(document.displayTitle))</title>\n"
            out += "<id>\(escape(url))</id>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(url))\"/>\n"
            out += "<updated>\(document.date ?? newest)T00:00:00Z</updated>\n"
            if let number = document.number { out += "<summary>\(escape("Số \(number)"))</summary>\n" }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    static func escape(_ text: String) -> String {
        HTMLEscaping.escapeHTML(text).replacingOccurrences(of: "'", with: "&apos;")
    }
}
