import DecuongCore
@testable import DecuongSite
import Foundation
import Testing

/// What goes into the index, and how it is written out.
@Suite struct SearchIndexTests {
    @Test func everySectionAndThemeIsARecordWithItsAnchor() throws {
        let records = SiteSearch().records(for: Seed.site)
        let sections = Seed.site.allDocuments.reduce(0) { $0 + $1.structure.allSections.count }
        #expect(records.filter { $0.kind == .section }.count == sections)
        #expect(records.filter { $0.kind == .theme }.count == Seed.site.themes.count)
        #expect(records.filter { $0.kind == .document }.count == Seed.site.allDocuments.count)
        let section = try #require(records.first { $0.url == "ke-hoach-2023/index.html#ii-1-3" })
        #expect(section.title.hasPrefix("II.1.3. "))
        #expect(section.breadcrumb.contains(" › "))
        #expect(section.text.contains("Nghị quyết số 35-NQ/TW"))
        // Every record's page exists in the site and its anchor is an id there.
        for record in records {
            let html = try #require(Seed.rendered.text(record.page), "\(record.url)")
            if let hash = record.url.firstIndex(of: "#") {
                #expect(html.contains("id=\"\(record.url[record.url.index(after: hash)...])\""), "\(record.url)")
            }
        }
    }

    @Test func keysHoldExactFoldedPairsAndDocumentNumbers() {
        let index = SearchIndex(records: SiteSearch().records(for: Seed.site))
        #expect(index.exact["đảng"] != nil && index.folded["dang"] != nil)
        // Tone placement is canonical: the text writes "hòa", the key is "hoà".
        #expect(index.exact["hoà"] != nil && index.exact["hòa"] == nil)
        #expect(index.pairs["xay dung"] != nil)
        #expect(index.numbers["35nqtw"] != nil && index.numbers["114khbtctw"] != nil)
        #expect(index.folded["35"] == nil, "a document number is one token, not digits and letters")
    }

    @Test func rawHTMLThatPagesOmitIsNotIndexed() throws {
        let project = try TemporaryFolder([
            "content/site.yml": "title: Thử\n",
            "content/thong-bao.md": """
            THÔNG BÁO
            về việc thử

            I- NỘI DUNG

            1. Phần hiện <span>chữhiện</span> và <script>chữẩn1</script>

            <div>chữẩn2</div>

            <!-- chữẩn3 -->
            """,
        ])
        defer { project.remove() }
        let builder = SiteBuilder(root: project.url)
        let site = builder.loadSite()
        let records = SiteSearch().records(for: site)
        let all = records.map { $0.title + " " + $0.text }.joined(separator: "\n")
        let page = try #require(builder.render(site).site.text("thong-bao/index.html"))
        // Inline tags are dropped but the text between them is shown, so it is searchable;
        // HTML blocks and comments are not shown, so they are not.
        for shown in ["chữhiện", "chữẩn1"] { #expect(all.contains(shown) && page.contains(shown), "\(shown)") }
        for hidden in ["chữẩn2", "chữẩn3", "<span", "<script", "<div"] {
            #expect(!all.contains(hidden), "\(hidden) is not on the page and must not be searchable")
            #expect(!page.contains(hidden) || hidden.hasPrefix("<"), "\(hidden)")
        }
    }

    @Test func smallSitesAreOneFileLargeOnesAreSharded() throws {
        let index = SearchIndex(records: SiteSearch().records(for: Seed.site))
        let single = SearchIndexWriter().files(for: index)
        #expect(Array(single.keys) == ["search/index.js"])
        let sharded = SearchIndexWriter(shardBytes: 4096).files(for: index)
        #expect(sharded.keys.filter { $0.hasPrefix("search/t") }.count > 3)
        #expect(sharded.keys.filter { $0.hasPrefix("search/r") }.count > 3)
        let manifest = try #require(sharded["search/index.js"]).count
        #expect(manifest < 2048, "the manifest stays small: shards hold the data")
        // Deterministic.
        #expect(SearchIndexWriter(shardBytes: 4096).files(for: index) == sharded)
    }

    /// Works from disk and never turns content into markup: no fetch, workers or modules
    /// (they fail from file://), no innerHTML or document.write.
    @Test func searchScriptUsesOnlyWhatWorksFromDisk() throws {
        let script = try String(contentsOf: Repo.root.appendingPathComponent("templates/assets/search.js"), encoding: .utf8)
        for banned in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "fetch(", "XMLHttpRequest",
                       "Worker(", "import ", "export ", "eval("] {
            #expect(!script.contains(banned), "search.js uses \(banned)")
        }
        let page = try #require(Seed.rendered.text("tim-kiem.html"))
        #expect(page.contains("data-search-results") && page.contains("<script src=\"search/index.js\" data-search-index>"))
        #expect(page.contains("<noscript>"))
    }

    /// Breadcrumbs cut long titles by characters, counted fast where scalars are characters.
    @Test func longTitlesAreCutByCharacters() {
        let long = String(repeating: "Nâng cao chất lượng ", count: 5)
        for title in ["Ngắn", long, String(long.prefix(60)), String(long.prefix(61)),
                      long.decomposedStringWithCanonicalMapping, "a\r\n" + long, String(repeating: "🇻🇳", count: 70),
                      // Punctuation counted as characters of its own, next to what is not.
                      String(repeating: "“Đổi mới” – ‘x’… ", count: 6), String(repeating: "a‰′‹›⁄⁞ ", count: 12),
                      String(repeating: "–\u{0301}a ", count: 30), String(repeating: "a\u{200D}‐", count: 40),
                      String(repeating: "x\u{2028}—\u{2060}", count: 30), String(repeating: "—", count: 61),
                      "Nâng cao chất lượng – hiệu quả – sức chiến đấu của tổ chức cơ sở đảng \u{E2}"] {
            let expected = title.count > 60 ? String(title.prefix(57)) + "…" : title
            #expect(SearchRecordCollector.shortened(title) == expected, "\(title)")
        }
    }

    @Test func shardOfMatchesFNV1a() {
        #expect(SearchTerms.shard(of: "", count: 7) == Int(0x811C_9DC5 % 7))
        #expect(SearchTerms.shard(of: "dang", count: 1) == 0)
    }
}
