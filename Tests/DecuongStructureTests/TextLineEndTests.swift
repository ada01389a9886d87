import DecuongCore
import Testing
@testable import DecuongStructure

/// A line's end is counted from its text only when asked for: it is where the source line
/// ended, whatever the text has become since.
@Suite struct TextLineEndTests {
    static func line(_ text: String, column: Int) -> TextLine {
        TextLine(inlines: [], text: text, start: SourceLocation(line: 3, column: column), paragraph: 1, isFirstInParagraph: true,
                 containers: [], startsListItem: false, headingLevel: nil, atomic: nil, isBold: false)
    }

    @Test func aReplacedTextKeepsTheSourceEnd() {
        var random = FastPathEquivalenceTests.Random(state: 71)
        // Labels as the builder drops them, and fronts that join the text after them.
        let fronts = ["1. ", "a) ", "đ) ", "I- ", "- ", "+ ", "1.1. ", "", "\r", "\r\n", "\u{0600}", "x", "Ä ", "e\u{0301}"]
        let titleStarts = ["", "\u{0301}", "\n", "\u{200D}", "A", "Đ", "\u{1100}"]
        for _ in 0..<6000 {
            let title = titleStarts[Int(random.next() % UInt64(titleStarts.count))] + random.string(6)
            let text = fronts[Int(random.next() % UInt64(fronts.count))] + title
            let column = 1 + Int(random.next() % 5)
            let expected = SourceLocation(line: 3, column: column + max(text.count - 1, 0))
            var line = Self.line(text, column: column)
            #expect(line.end == expected, "\(Array(text.unicodeScalars))")
            line.replaceText(title)
            #expect(line.text == title)
            #expect(line.end == expected, "\(Array(text.unicodeScalars))")
            // A second cut, then text that is no part of the first (a marker put back).
            let shorter = String(title.unicodeScalars.dropFirst(Int(random.next() % 3)))
            line.replaceText(shorter)
            #expect(line.end == expected, "\(Array(text.unicodeScalars)) → \(Array(shorter.unicodeScalars))")
            line.replaceText("a) " + shorter)
            #expect(line.end == expected && line.text == "a) " + shorter)
            #expect(line.range == SourceRange(start: SourceLocation(line: 3, column: column), end: expected))
            // Text as long as the title in bytes but not the title: no suffix, the end still the source's.
            var other = Self.line(text, column: column)
            other.replaceText(String(repeating: "z", count: title.utf8.count))
            #expect(other.end == expected, "\(Array(text.unicodeScalars))")
        }
    }

    /// A line made with its range keeps that range, text replaced or not.
    @Test func aGivenRangeIsKept() {
        let range = SourceRange(line: 2, column: 4, endLine: 9, endColumn: 1)
        var line = TextLine(inlines: [], text: "1. Bảng", range: range, paragraph: 1, isFirstInParagraph: true, containers: [],
                            startsListItem: false, headingLevel: nil, atomic: nil, isBold: false)
        #expect(line.range == range)
        line.replaceText("Bảng")
        #expect(line.range == range)
    }
}
