import DecuongContent
import DecuongCore
import DecuongStructure
@testable import DecuongSite
import Testing

/// Document pages link each cited number to its target without making the target a String
/// (`DocumentPage.href(of:in:)`) and look entries up by a key joined in one allocation: both
/// must give what the written-out target and `Citation.key` give.
struct CitationHrefTests {
    @Test func hrefsEqualLinksToTheWrittenTarget() {
        let site = Site(config: SiteConfig())
        let pages = ["index.html", "a/index.html", "ke-hoach/ii-1.html", "van-ban/index.html", "van-ban/trang-2.html",
                     "van-ban/trang-12.html", "x/y/z.html", "van-ban-khac/index.html", "404.html"]
        var entries: [CitedDocument] = []
        for (number, anchor) in [(0, "35-nq-tw"), (1, "a"), (11, "so-1-đ"), (2, "")] {
            var entry = CitedDocument(key: "k", id: "35-NQ/TW", anchor: anchor)
            entry.indexPage = number
            entries.append(entry)
            entry.documentSlug = "ke-hoach"
            entries.append(entry)
        }
        for path in pages {
            let page = PageContext(site: site, strings: UIStrings(language: .vi), page: path, baseURL: nil)
            for entry in entries {
                #expect(DocumentPage.href(of: entry, in: page) == page.href(DocumentPage.target(of: entry)), "\(path) \(entry)")
            }
        }
    }

    @Test func keysEqualCitationKeys() {
        for year in [nil, 0, 7, 2018, -3, 123_456] as [Int?] {
            for id in ["35-NQ/TW", "", "30/2020/NĐ-CP", "a@b"] {
                let citation = Citation(id: id, year: year, location: SourceLocation(line: 1, column: 1), context: "")
                #expect(DocumentPage.key(of: citation) == citation.key)
            }
        }
    }
}
