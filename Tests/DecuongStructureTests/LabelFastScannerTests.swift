import DecuongCore
import Testing
@testable import DecuongStructure

/// The UTF-8 label path against the character path it stands in for.
@Suite struct LabelFastScannerTests {
    static let heads = ["I", "II", "IV", "IX", "XL", "C", "CC", "Các", "CI", "VI ", "X.", "L", "LX", "MC", "VV", "IIII",
                        "1", "12", "123", "01", "1.2", "1.02", "1.1.1", "0", "00", "9.9.9.9", "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1",
                        "Phần", "PHẦN", "phần", "Phần thứ", "Chương", "CHƯƠNG", "chƯơng", "Điều", "ĐIỀU", "điỀu", "Chỉ", "Phối",
                        "Điểm", "Đi", "a)", "b)", "đ)", "Đ)", "x)", "z)", "w)", "ă)", "ư)", "ê)", "👍)", "Ệ", "", " ", "\t1."]
    static let tails = [".", "-", "–", "—", ")", ":", " ", "  ", ". ", " - ", "\t", "\n", "\r", "\r\n", "\u{A0}", "\u{2028}",
                        "\u{2003}", "\u{3000}", "", "I", "V", "2", "12", "hai", "nhất", "Kế hoạch", ".Kế", "MỤC ĐÍCH", "\u{0301}",
                        "\u{0323}", "\u{200D}", "x", "%", "“", "…", "ệ", "Ệ", "đ",
                        String(repeating: " ", count: 50), String(repeating: "ab ", count: 20)]

    @Test func labelsMatchTheCharacterPath() {
        var random = FastPathEquivalenceTests.Random(state: 77)
        for round in 0..<20000 {
            var text = Self.heads[Int(random.next() % UInt64(Self.heads.count))]
            for _ in 0..<Int(random.next() % 5) { text += Self.tails[Int(random.next() % UInt64(Self.tails.count))] }
            text += random.string(round % 5 == 0 ? 40 : 6)
            #expect(LabelScanner.scan(text) == LabelScanner.scanCharacters(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func labelsOfCorpusLinesMatch() throws {
        for name in ["04-kh-160-ubnd-can-tho-giam-sat-giam-ngheo.md", "05-hd-37-btgdvtw-ban-tin-sinh-hoat-chi-bo.md",
                     "09-hd-06-tw-ban-bi-thu-thi-hanh-dieu-le-pdf.md", "12-tltt-dang-csvn-do-ho-chi-minh-sang-lap.md"] {
            let text = try CorpusFixture.text("full/\(name)")
            for line in text.split(separator: "\n") {
                let line = String(line).trimmed()
                #expect(LabelScanner.scan(line) == LabelScanner.scanCharacters(line), "\(line)")
            }
        }
    }

    @Test func cleanJoiningMatchesCleanOfTheJoinedText() {
        var random = FastPathEquivalenceTests.Random(state: 78)
        for _ in 0..<4000 {
            let parts = (0..<Int(random.next() % 4)).map { _ in random.string(12) }
            #expect(TextShape.clean(joining: parts) == TextShape.clean(parts.joined(separator: " ")), "\(parts)")
        }
    }
}
