import DecuongCore
@testable import DecuongSite
import Testing

/// Ranking and folding of the Swift search (the twin of search.js), on the seed plan and
/// on small made-up indexes that isolate one rule each.
@Suite struct SearchRankingTests {
    static let index = SearchIndex(records: SiteSearch().records(for: Seed.site))
    let engine = SearchEngine(index: Self.index)

    @Test func foldedQueryFindsTheDiacriticText() throws {
        let results = engine.search("xay dung dang")
        #expect(results.count > 5)
        #expect(results.allSatisfy { !$0.partial })
        let first = try #require(results.first)
        let text = VietnameseText.fold(first.record.title + " " + first.record.text)
        #expect(text.contains("xay dung dang"), "the first result holds the phrase: \(first.record.url)")
    }

    @Test(arguments: ["35-NQ/TW", "35-nq/tw", "35nqtw", "35 - NQ/TW"])
    func documentNumberFindsTheThemeThatCitesIt(query: String) throws {
        let results = engine.search(query)
        let first = try #require(results.first, "no result for \(query)")
        #expect(first.record.kind == .theme)
        #expect(first.record.url == "ke-hoach-2023/ii-1-3.html")
        #expect(results.allSatisfy { $0.record.text.contains("35-NQ/TW") })
        #expect(!results.contains { $0.record.text.contains("135-NQ/TW") })
    }

    @Test func quotedPhraseRanksTheSectionWithThePhraseFirst() throws {
        let results = engine.search("\"bảo vệ nền tảng tư tưởng\"")
        let first = try #require(results.first)
        #expect((first.record.title + " " + first.record.text).lowercased().contains("bảo vệ nền tảng tư tưởng"))
        #expect(results.allSatisfy { !$0.partial })
        // The same words in another order are not the phrase.
        #expect(engine.search("\"tư tưởng nền tảng bảo vệ\"").allSatisfy { $0.partial })
    }

    @Test func oldAndNewTonePlacementMatchExactly() {
        let old = engine.search("hòa bình").map(\.record.url)
        let new = engine.search("hoà bình").map(\.record.url)
        #expect(!old.isEmpty && old == new)
        #expect(engine.search("hòa bình").first?.score.exact == 2)
    }

    @Test func noResultsForUnknownWords() {
        #expect(engine.search("zzzxq").isEmpty)
        #expect(engine.search("   ").isEmpty)
    }

    static func record(_ title: String, _ text: String, kind: SearchRecord.Kind = .section) -> SearchRecord {
        SearchRecord(kind: kind, title: title, breadcrumb: "", url: "p.html#\(title.hashValue)", text: text)
    }

    @Test func exactDiacriticsBeatFoldedMatches() {
        let index = SearchIndex(records: [
            Self.record("Một", "công việc đang làm"),
            Self.record("Hai", "sự lãnh đạo của Đảng"),
        ])
        let results = SearchEngine(index: index).search("Đảng")
        #expect(results.map(\.record.title) == ["Hai", "Một"])
        #expect(SearchEngine(index: index).search("đang").map(\.record.title) == ["Một", "Hai"])
    }

    @Test func phraseBeatsScatteredSyllables() {
        let index = SearchIndex(records: [
            Self.record("Rải rác", "dựng lên một cách xây cho Đảng"),
            Self.record("Cụm từ", "xây dựng Đảng trong sạch"),
        ])
        #expect(SearchEngine(index: index).search("xây dựng Đảng").map(\.record.title) == ["Cụm từ", "Rải rác"])
        // Punctuation breaks a phrase.
        let split = SearchIndex(records: [Self.record("A", "xây, dựng"), Self.record("B", "xây dựng")])
        #expect(SearchEngine(index: split).search("xây dựng").map(\.record.title) == ["B", "A"])
    }

    @Test func titleBeatsBody() {
        let index = SearchIndex(records: [
            Self.record("Mục khác", "tuyên truyền miệng"),
            Self.record("Tuyên truyền", "nội dung"),
        ])
        #expect(SearchEngine(index: index).search("tuyen truyen").map(\.record.title) == ["Tuyên truyền", "Mục khác"])
    }

    @Test func themesWinTiesAndPartialMatchesOnlyWithoutFullOnes() {
        let index = SearchIndex(records: [
            Self.record("A", "nghị quyết 35-NQ/TW"),
            Self.record("B", "nghị quyết 35-NQ/TW", kind: .theme),
            Self.record("C", "nghị quyết khác"),
        ])
        let engine = SearchEngine(index: index)
        #expect(engine.search("35nqtw").map(\.record.title) == ["B", "A"])
        #expect(engine.search("nghị quyết 35-NQ/TW").map(\.record.title) == ["B", "A"])
        let partial = engine.search("nghị quyết 99-NQ/TW")
        #expect(partial.count == 3 && partial.allSatisfy { $0.partial })
    }

    @Test func queryParsing() {
        let query = SearchQuery("“Xây dựng” Đảng 35-NQ/TW, hòa")
        #expect(query.terms == [
            .syllable(exact: "xây", folded: "xay"), .syllable(exact: "dựng", folded: "dung"),
            .syllable(exact: "đảng", folded: "dang"), .documentNumber("35nqtw"), .syllable(exact: "hoà", folded: "hoa"),
        ])
        #expect(query.pairs == [SearchQuery.Pair(first: 0, second: 1, required: true),
                                SearchQuery.Pair(first: 1, second: 2, required: false)])
    }
}
