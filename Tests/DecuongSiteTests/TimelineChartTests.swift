import DecuongCore
@testable import DecuongSite
import Testing

@Suite struct TimelineChartTests {
    static func entry(_ date: String, until endDate: String? = nil, ofDocument: Bool = false) -> TimelineEntry {
        let place = DocumentPlace(documentSlug: "ke-hoach", sectionAnchor: nil, context: "",
                                  location: SourceLocation(line: 1, column: 1))
        return TimelineEntry(date: date, endDate: endDate, text: date, context: "", place: place,
                             isDocumentDate: ofDocument)
    }

    static func count(_ needle: String, in svg: String) -> Int {
        svg.components(separatedBy: needle).count - 1
    }

    @Test func aDateNamedManyTimesIsOneDot() {
        let entries = Array(repeating: Self.entry("2020-03-15"), count: 5_000)
            + [Self.entry("2020-03-15", ofDocument: true), Self.entry("2024-12-31")]
        let svg = TimelineChart.svg(entries, title: "Trục thời gian").html
        #expect(Self.count("<circle", in: svg) == 3, "one red and one blue dot on 2020-03-15, one on 2024-12-31")
        #expect(Self.count("fill=\"#0b4f9c\"", in: svg) == 1, "a document's own date keeps its colour")
        #expect(svg.utf8.count < 2_000)
    }

    @Test func datesApartAreEachDrawn() {
        let entries = (2005...2025).map { Self.entry("\($0)-06-01") }
        let svg = TimelineChart.svg(entries, title: "Trục thời gian").html
        #expect(Self.count("<circle", in: svg) == 21)
        #expect(svg.contains("<title id=\"truc-thoi-gian\">Trục thời gian 2005–2026</title>"))
    }

    @Test func aRangeNamedManyTimesIsOneBarAndRowsCycleOverDistinctBars() {
        let entries = Array(repeating: Self.entry("2010-01-01", until: "2015-12-31"), count: 100)
            + [Self.entry("2016-01-01", until: "2020-12-31"), Self.entry("2010-01-01", until: "2015-12-31")]
        let svg = TimelineChart.svg(entries, title: "Trục thời gian").html
        #expect(Self.count("<rect", in: svg) == 2)
        #expect(Self.count("y=\"20\"", in: svg) == 1 && Self.count("y=\"29\"", in: svg) == 1,
                "the second distinct bar takes the second row, not the 101st")
    }

    /// Marks found drawn by their tenths draw what finding them by their text drew.
    @Test func marksByTenthsDrawAsByText() {
        var generator = SeededGenerator(seed: 53)
        for _ in 0..<300 {
            // Narrow spans too, where many dates share a mark.
            let count = Int.random(in: 0...200, using: &generator)
            let firstYear = Int.random(in: 1990...2030, using: &generator)
            let lastYear = firstYear + Int.random(in: 0...40, using: &generator)
            let entries = (0..<count).map { _ -> TimelineEntry in
                func date() -> String {
                    let year = Int.random(in: firstYear...lastYear, using: &generator)
                    let month = Int.random(in: 1...12, using: &generator)
                    let day = Int.random(in: 1...28, using: &generator)
                    return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                }
                let start = date()
                let end = Bool.random(using: &generator) ? max(start, date()) : nil
                return Self.entry(start, until: end, ofDocument: Int.random(in: 0..<4, using: &generator) == 0)
            }
            #expect(TimelineChart.svg(entries, title: "Trục <thời> gian").bytes
                    == TimelineChart.referenceSVG(entries, title: "Trục <thời> gian").bytes)
        }
    }
}
