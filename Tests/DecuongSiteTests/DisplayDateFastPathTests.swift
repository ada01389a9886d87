@testable import DecuongSite
import Testing

/// `PageContext.asciiDisplayDate` splits at `-` bytes; where it answers, it must answer as
/// the Character-based reference does, on dates and on anything else a front matter holds.
struct DisplayDateFastPathTests {
    private static let pieces = ["2023", "05", "1", "-", "-", "--", "", " ", "\r\n", "\r", "\n", "é", "-\u{301}", "\u{301}", "năm", "x", "/"]

    private static func check(_ text: String) {
        let fast = PageContext.asciiDisplayDate(text)
        let reference = PageContext.referenceDisplayDate(text)
        if let fast { #expect(fast == reference, "\(text.debugDescription)") }
        #expect((fast ?? reference) == reference)
    }

    @Test func datesAndNearMisses() {
        for text in ["2023-05-10", "2023-5-1", "2023-05", "2023-05-10-01", "-2023--05-10-", "", "-", "---", "2023-05-1\u{301}",
                     "2023-\u{301}05-10", "2023\r\n-05-10", "ngày-05-10"] {
            Self.check(text)
        }
        #expect(PageContext.asciiDisplayDate("2023-05-10") == "10/05/2023")
        #expect(PageContext.asciiDisplayDate("2023-05-1\u{301}") == nil)
    }

    @Test func randomTexts() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...8, using: &generator)
            Self.check((0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined())
        }
    }

    /// `IndexPages.isOnlyTheDate` compares on bytes when the display is digits, `/`, `-` and
    /// spaces; it must answer as the Character filter and String equality do.
    @Test func onlyTheDateEqualsTheCharacterFilter() {
        var generator = SystemRandomNumberGenerator()
        let displays = ["10/05/2023", "10/05/2023 - 12/06/2023", "2023-05-10", "", "1/1", "ngày 1"]
        let textPieces = ["10", "/", "05", "2023", "(", ")", " ", "-", "–", "\u{301}", "\r\n", "ngày", "1", "0", "12/06/2023",
                          "10/05/2023", ";", "\u{37E}", "K", "\u{212A}"]
        for _ in 0..<20_000 {
            let display = displays.randomElement(using: &generator) ?? ""
            let text = Bool.random(using: &generator) ? "(" + display + ")"
                : (0..<Int.random(in: 0...8, using: &generator)).map { _ in textPieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(IndexPages.isOnlyTheDate(text, display: display) == IndexPages.isOnlyTheDateByCharacters(text, display: display),
                    "\(text.debugDescription) / \(display)")
        }
        #expect(IndexPages.isOnlyTheDate("(10/05/2023)", display: "10/05/2023"))
        #expect(!IndexPages.isOnlyTheDate("(\u{301}10/05/2023)", display: "10/05/2023"))
    }
}

/// `PageContext.isoDateParts` reads `YYYY-MM-DD` on bytes for the official header's place and
/// date; where it answers, it must answer as the Character split it stands in front of.
struct DatePartsFastPathTests {
    private static let pieces = ["2023", "05", "1", "0", "9", "-", "+", "", " ", "\r\n", "\u{301}", "٢", "１", "x", "00"]

    private static func check(_ text: String) {
        if let fast = PageContext.isoDateParts(text) {
            #expect(fast == PageContext.referenceDateParts(text), "\(text.debugDescription)")
        }
    }

    @Test func datesAndNearMisses() {
        for text in ["2023-05-10", "0000-00-00", "2023-5-10", "2023-05-1\u{301}", "2023-+5-10", "+023-05-10", "2023-05-10\r\n",
                     "２023-05-10", "2023-05--1", "9999-99-99"] {
            Self.check(text)
        }
        #expect(PageContext.isoDateParts("2023-05-10") == [2023, 5, 10])
        #expect(PageContext.isoDateParts("2023-05-1\u{301}") == nil)
    }

    @Test func randomTexts() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...8, using: &generator)
            Self.check((0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined())
        }
        // Ten bytes with `-` at 4 and 7 and anything around them.
        let bytes = Array("0123456789-+ x".utf8)
        for _ in 0..<20_000 {
            var text = (0..<10).map { _ in bytes.randomElement(using: &generator) ?? 0x30 }
            if Bool.random(using: &generator) { (text[4], text[7]) = (UInt8(ascii: "-"), UInt8(ascii: "-")) }
            Self.check(String(decoding: text, as: UTF8.self))
        }
    }
}
