import DecuongCore
@testable import DecuongSite
import Foundation
import Testing

/// search.js must read text exactly as Swift does: the same folding, tone canonicalization
/// and ranking. These tests run the real script in node with the inputs of the Swift side.
@Suite(.enabled(if: Node.enabled, "node is not installed; `make test` installs it"))
struct SearchScriptParityTests {
    static let searchScript = Repo.root.appendingPathComponent("templates/assets/search.js").path

    /// Every word of the seed documents plus the hard cases of the Swift text tests.
    static var words: [String] {
        var words = Set<String>()
        for record in SiteSearch().records(for: Seed.site) {
            for token in Syllables.split(record.title + " " + record.text) { words.insert(token.text) }
        }
        let hard = ["hòa", "hoà", "HÒA", "Hoà", "khỏe", "khoẻ", "thủy", "thuỷ", "qúy", "quý", "QÚY", "gìa", "già", "gịa",
                    "gì", "gìn", "ngoài", "khuỷu", "khuya", "được", "người", "Đảng", "ĐẢNG", "\u{00D0}ảng", "\u{0189}ảng",
                    "\u{00F0}ang", "hoa\u{0300}", "ho\u{0300}a", "Tho\u{031B}\u{0300}i", "über", "İstanbul", "façade",
                    "Nguyễn", "QH13", "TTg", "x", "ǹg", "hòa-bình", "naïve", "ꞌa", "hoả", "uỷ", "Uỷ", "tuỵ", "luỹ",
                    "oà", "òa", "ÒA", "xoóng", "huýt", "hủy", "thuở"]
        words.formUnion(hard)
        return words.sorted()
    }

    struct Normalized: Decodable, Equatable {
        var fold: String
        var exactKey: String
        var normalize: String
    }

    @Test func foldingAndToneCanonicalizationMatchSwift() throws {
        let words = Self.words
        let input = String(decoding: try JSONEncoder().encode(words), as: UTF8.self)
        let output = try Node.run(["--normalize", Self.searchScript], input: input)
        guard !output.isEmpty else { return }
        let results = try JSONDecoder().decode([Normalized].self, from: Data(output.utf8))
        try #require(results.count == words.count)
        var mismatches: [String] = []
        for (word, js) in zip(words, results) {
            let swift = Normalized(fold: VietnameseText.fold(word), exactKey: VietnameseText.exactKey(word),
                                   normalize: VietnameseText.normalize(word))
            if js != swift { mismatches.append("\(word): swift \(swift), js \(js)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
        #expect(words.count > 300)
    }

    struct NodeResult: Decodable {
        struct Hit: Decodable {
            var url: String
            var marks: [String]
            var titleMarks: [String]
        }

        var query: String
        var error: String?
        var partial: Bool?
        var results: [Hit]?
    }

    static let queries = ["xay dung dang", "xây dựng Đảng", "35-NQ/TW", "35nqtw", "35 - NQ/TW", "2023 - 2025", "\"bảo vệ nền tảng tư tưởng\"",
                          "hòa bình", "hoà bình", "tuyen truyen", "Đảng", "dang", "2023", "nghị quyết 99-NQ/TW", "zzzxq",
                          "cán bộ, đảng viên", "Ban Tuyên giáo"]

    func compare(site folder: URL, index: SearchIndex) throws {
        let output = try Node.run([folder.path] + Self.queries)
        guard !output.isEmpty else { return }
        let lines = output.split(separator: "\n").map { try? JSONDecoder().decode(NodeResult.self, from: Data($0.utf8)) }
        try #require(lines.count == Self.queries.count)
        let engine = SearchEngine(index: index)
        for (query, line) in zip(Self.queries, lines) {
            let js = try #require(line, "unreadable node output for \(query)")
            #expect(js.error == nil, "\(query): \(js.error ?? "")")
            let swift = engine.search(query)
            #expect(js.results?.map(\.url) == swift.map(\.record.url), "ranking differs for \(query)")
            #expect(js.partial == (swift.first?.partial ?? false), "\(query)")
        }
        // Snippets mark the matched words, diacritics or not, and whole document numbers.
        let byQuery = Dictionary(uniqueKeysWithValues: zip(Self.queries, lines.compactMap { $0 }))
        #expect(byQuery["35nqtw"]?.results?.first?.marks == ["35-NQ/TW"])
        let first = try #require(byQuery["xay dung dang"]?.results?.first)
        #expect((first.marks + first.titleMarks).map(VietnameseText.fold).contains("dang"))
    }

    @Test func rankingMatchesSwiftOnTheSeedSite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Seed.rendered.files)
        try compare(site: folder.url, index: SearchIndex(records: SiteSearch().records(for: Seed.site)))
    }

    struct NodeRecord: Decodable, Equatable {
        var kind: String
        var title: String
        var breadcrumb: String
        var url: String
        var text: String
    }

    /// What search.js reads back from the compact records (word-coded text, titles taken
    /// from the text, breadcrumbs and pages from the parent) is what Swift wrote, in one
    /// file and in small shards that cut documents apart.
    @Test(arguments: [192 * 1024, 4096, 1024])
    func recordsReadBackExactly(shardBytes: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let records = SiteSearch().records(for: Seed.site)
        var files = Seed.rendered.files.filter { !$0.key.hasPrefix("search/") }
        files.merge(SearchIndexWriter(shardBytes: shardBytes).files(for: SearchIndex(records: records))) { $1 }
        try folder.write(files)
        let output = try Node.run(["--records", folder.url.path])
        guard !output.isEmpty else { return }
        let decoded = try JSONDecoder().decode([NodeRecord].self, from: Data(output.utf8))
        try #require(decoded.count == records.count)
        for (swift, js) in zip(records, decoded) {
            // A theme's text is its sections' records; search.js shows one of them.
            let expected = NodeRecord(kind: swift.kind.rawValue, title: swift.title, breadcrumb: swift.breadcrumb,
                                      url: swift.url, text: swift.kind == .theme ? "" : swift.text)
            #expect(js == expected)
        }
    }

    /// Text holding the characters that stand for words (Greek, Cyrillic, private use), the
    /// escape itself, and what JSON and `<script>` need escaped, comes back as it was.
    @Test func codedTextWithCodeCharactersReadsBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let hard = "Ωμέγα Привет \u{E000}\u{F8FF}\u{0370}\u{0371} ʹ \"trích\" \\ </script> \u{2028}\u{2029}\t\n\u{01} 𝟘 "
        let records = (0..<40).map { n in
            SearchRecord(kind: .section, title: "\(n). Xây dựng Đảng \(hard)", breadcrumb: "Kế hoạch › \(hard)",
                         // A letter of each record's own is too rare to be coded: it stays literal.
                         url: "p.html#m\(n)", text: "Xây dựng Đảng \(hard) xây dựng Đảng đảng viên \(n) "
                             + String(Character(Unicode.Scalar(0x410 + n) ?? "x")))
        }
        var files = SearchIndexWriter(shardBytes: 2048).files(for: SearchIndex(records: records))
        let written = files.filter { $0.key.hasPrefix("search/r") }.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(written.contains { $0.contains("\u{0370}\u{0410}") }, "a rare Cyrillic letter is written escaped")
        files["assets/search.js"] = Array(try String(contentsOfFile: Self.searchScript, encoding: .utf8).utf8)
        try folder.write(files)
        let output = try Node.run(["--records", folder.url.path])
        guard !output.isEmpty else { return }
        let decoded = try JSONDecoder().decode([NodeRecord].self, from: Data(output.utf8))
        #expect(decoded == records.map { NodeRecord(kind: "section", title: $0.title, breadcrumb: $0.breadcrumb, url: $0.url, text: $0.text) })
    }

    @Test func rankingMatchesSwiftWithShards() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let index = SearchIndex(records: SiteSearch().records(for: Seed.site))
        var files = Seed.rendered.files.filter { !$0.key.hasPrefix("search/") }
        let shards = SearchIndexWriter(shardBytes: 4096).files(for: index)
        #expect(shards.count > 4)
        files.merge(shards) { $1 }
        try folder.write(files)
        try compare(site: folder.url, index: index)
    }
}
