@testable import DecuongSite
import Testing

/// The official header's place-and-date line of an ISO date in Vietnamese is written in one
/// buffer (`PageContext.vietnamesePlaceAndDate`): the same text as the interpolations of
/// `referencePlaceAndDate`, for every day and month below 100, years of one to four digits,
/// with and without a place.
struct PlaceAndDateTests {
    @Test func writtenEqualsInterpolated() {
        let site = SiteBuilder(root: Repository.root).loadSite()
        #expect(site.config.language == .vi)
        let page = PageContext(site: site, strings: UIStrings(language: site.config.language), page: "index.html", baseURL: nil)
        var generator = SeededGenerator(seed: 43)
        let places: [String?] = [nil, "", "Hà Nội", "Kiên Giang", "x", "Thành phố Hồ Chí Minh 🇻🇳", "e\u{301}"]
        var dates = ["2024-01-05", "0000-00-00", "9999-99-99", "2023-02-28", "2023-03-01", "2023-10-31", "0007-12-09"]
        for _ in 0..<3_000 {
            let digits = (0..<8).map { _ in String(Int.random(in: 0...9, using: &generator)) }
            dates.append(digits[0..<4].joined() + "-" + digits[4..<6].joined() + "-" + digits[6..<8].joined())
        }
        // Not ISO dates: these go to the reference either way.
        dates += ["2024-1-5", "05/01/2024", "", "2024-01-05 ", "２０２４-01-05"]
        for date in dates {
            for place in places {
                #expect(page.placeAndDate(place: place, date: date) == page.referencePlaceAndDate(place: place, date: date),
                        "\(place ?? "nil") \(date)")
            }
        }
        #expect(page.placeAndDate(place: "Hà Nội", date: nil) == "Hà Nội")
    }

    /// Parts that no ISO date has take the interpolations themselves.
    @Test func partsOutOfRangeAreInterpolated() {
        #expect(PageContext.vietnamesePlaceAndDate(place: nil, [12345, 1, 2]) == "Ngày 02 tháng 01 năm 12345")
        #expect(PageContext.vietnamesePlaceAndDate(place: "A", [2024, 123, 5]) == "A, ngày 05 tháng 123 năm 2024")
    }
}
