import DecuongCore
@testable import DecuongSite
import Testing

@Suite struct SiteLinkerTests {
    @Test func dayKeysOrderAsTheISOStrings() {
        #expect(TimelineEntry.dayKey("2023-01-05") == 20_230_105)
        for malformed in ["", "2023-1-5", "2023/01/05", "abcd-ef-gh", "0000-00-00", "2023-01-05 ", "２０２３-01-05"] {
            #expect(TimelineEntry.dayKey(malformed) == nil, "\(malformed)")
        }
        var generator = SeededGenerator(seed: 7)
        let dates = (0..<2_000).map { _ in
            "\(Int.random(in: 1900...2100, using: &generator))-"
                + String(format: "%02d-%02d", Int.random(in: 1...12, using: &generator), Int.random(in: 1...31, using: &generator))
        }
        for (left, right) in zip(dates, dates.dropFirst()) {
            #expect((left < right) == (TimelineEntry.dayKey(left) ?? 0 < TimelineEntry.dayKey(right) ?? 0))
        }
    }

    /// Dates first, then end dates (none first), then documents by slug, then place in the file.
    @Test func timelineIsInTimeOrder() throws {
        let project = try FixtureProject([
            "content/site.yml": "title: Mốc\n",
            "content/b-ke-hoach.md": """
                # Kế hoạch B

                1. Giai đoạn 01/01/2024 - 31/12/2025 triển khai; ngày 15/3/2023 sơ kết.
                2. Ngày 01/01/2024 tổng kết.
                """,
            "content/a-ke-hoach.md": """
                # Kế hoạch A

                1. Ngày 01/01/2024 họp; ngày 15/3/2023 báo cáo.
                """,
        ])
        defer { project.remove() }
        let site = SiteBuilder(root: project.root).loadSite()
        let keys = site.timeline.map {
            ($0.date, $0.endDate ?? "", $0.place.documentSlug, $0.place.location.line, $0.place.location.column)
        }
        for (earlier, later) in zip(keys, keys.dropFirst()) {
            #expect(!(later < earlier), "\(later) comes after \(earlier)")
        }
        #expect(keys.contains { !$0.1.isEmpty }, "the range is on the timeline")
        #expect(Set(site.timeline.map(\.place.documentSlug)) == ["a-ke-hoach", "b-ke-hoach"])
        #expect(site.timeline.count >= 5)
    }
}
