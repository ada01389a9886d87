import DecuongCore
import Foundation
import Testing
@testable import DecuongStructure

/// The byte-level readings of header and closing lines against the code on characters
/// they stand in front of, on the lines of the real documents (as they are, decomposed,
/// in capitals and in lowercase, and cut at every comma) and on lines built to break them.
@Suite struct HeaderFastPathTests {
    typealias Reference = PrefixFastPathTests.Reference

    /// Every line of the corpus fixtures, in the forms a converter may leave it in.
    static func corpusLines() throws -> [String] {
        var lines: [String] = []
        for folder in ["full", "excerpts"] {
            let url = try CorpusFixture.url(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let line = String(line)
                    lines += [line, line.decomposedStringWithCanonicalMapping, line.uppercased(), line.lowercased(),
                              line.replacingOccurrences(of: "Đ", with: "đ"), line.replacingOccurrences(of: "*", with: "")]
                    // Cut after each comma, so that each may open a place and date.
                    var rest = Substring(line)
                    while let comma = rest.firstIndex(of: ",") {
                        lines.append(String(line[..<comma]) + ", ngày 27 tháng 6 năm 2021")
                        rest = rest[rest.index(after: comma)...]
                    }
                }
            }
        }
        return lines
    }

    static let edgeCases = [
        "", " ", "ngày", ", ngày", ",ngày ", ", ngày ", "Ngày", "NGÀY", "Buôn Ma Thuột, ngày 27 tháng 6 năm 2021",
        "Buôn  Ma   Thuột, ngày 27 tháng 6 năm 2021", "TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2024", "đà Nẵng, ngày 1/2/2023",
        "Đà Nẵng,ngày 1/2/2023", "Đà Nẵng , ngày 1/2/2023", "Hà Nội 2, ngày 1/2/2023", "Một Hai Ba Bốn Năm, ngày 3/4/2020",
        "Hà Nội, nga\u{0300}y 3/4/2020", "Ha\u{0300} Nội, ngày 3/4/2020", "Hà Nội, ngày 3/4/2020\r", "\u{212A}on Tum, ngày 3/4/2020",
        "Hà Nội, ngày", "Hà Nội, ngày ", "Hà Nội, ngày 31/4/2023", "Hà Nội, ngày 2023", String(repeating: "Hà Nội ", count: 200) + ", ngày 3/4/2020",
        "Số 71-KH/TU", "SỐ: 160/KH-UBND", " Số 14 - KH/ĐU.KBT ", "\u{A0}Số. 5-KH/TU\u{2007}", "Sô\u{0301} 5-KH/TU", "So\u{0302}\u{0301} 5-KH/TU",
        "Số", "SỐ ", "Sở 5-KH/TU", "S", "Số 5-KH/TU\r", "Số\u{3000}5-KH/TU", "Số 5-KH/TU  kèm theo",
        "ĐẢNG BỘ TỈNH ĐẮK LẮK", "ĐẢNG CỘNG SẢN VIỆT NAM", "đảng cộng sản việt nam", "ĐỘC LẬP", "Độc lập - Tự do - Hạnh phúc",
        "ĐỘ", "Đ", "ĐỘC", "Đô\u{0323}c lập", "ĐO\u{0323}\u{0302}C LẬP", "TỈNH ỦY ĐỘC LẬP – TỰ DO – HẠNH PHÚC", "VIỆT NAM\u{0301}",
        "VIỆT NAm", "VIỆT NAŃ", "ŉ", "\u{0600}ĐỘC LẬP", "ĐỘ\u{0301}C", "0123456789", String(repeating: "ĐẢNG ", count: 300),
        "Nơi nhận:", "NƠI NHẬN", "Nơi nhâ\u{0323}n", "Nơi nhận\u{0301}", "Nơi", "N", "Nơi nhậm",
    ]

    static func inputs() throws -> [String] {
        var random = FastPathEquivalenceTests.Random(state: 71)
        var texts = try corpusLines() + edgeCases
        for _ in 0..<4000 {
            texts.append(edgeCases[Int(random.next() % UInt64(edgeCases.count))] + random.string(6))
            texts.append(random.string(6) + edgeCases[Int(random.next() % UInt64(edgeCases.count))])
        }
        return texts
    }

    /// Whether `fast` and `slow` agree on every input (each disagreement recorded); the
    /// count of inputs `slow` found something in, so that a test can require its inputs to
    /// reach past the rejections.
    static func agreements<T>(_ fast: (String) -> T?, _ slow: (String) -> T?, _ same: (T?, T?) -> Bool) throws -> Int {
        var found = 0
        for text in try inputs() {
            let expected = slow(text)
            #expect(same(fast(text), expected), "\(Array(text.unicodeScalars))")
            if expected != nil { found += 1 }
        }
        return found
    }

    @Test func placesAndDatesMatchTheCharacterReading() throws {
        let dated = try Self.agreements(HeaderRecognizer.placeAndDate, Reference.placeAndDate) { $0?.place == $1?.place && $0?.date == $1?.date }
        #expect(dated > 1000)
    }

    @Test func numberLinesMatchTheCharacterReading() throws {
        let numbered = try Self.agreements(HeaderRecognizer.numberLine, HeaderRecognizer.referenceNumberLine) {
            $0?.number == $1?.number && $0?.rest == $1?.rest
        }
        #expect(numbered > 20)
    }

    @Test func nationalTitlesMatchTheUppercasedLine() throws {
        let titled = try Self.agreements(HeaderRecognizer.nationalTitle, Reference.nationalTitle) { $0?.title == $1?.title && $0?.rest == $1?.rest }
        #expect(titled > 20)
    }

    /// Every scalar the rejection by first and last scalars may read, in each place it reads.
    @Test func nationalTitleRejectionHoldsForEverySimpleScalar() {
        let ranges: [ClosedRange<UInt32>] = [0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(Character(scalar))
            for text in ["ĐẢNG CỘNG SẢN VIỆT NA" + s, "VIỆT NA" + s, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NA" + s, s + "ỘC LẬP",
                         "Đ" + s + "C LẬP", "Đ" + s, s, "ĐỘ" + s + " LẬP", "ĐỘC LẬP – TỰ DO – HẠNH PHÚ" + s] {
                let fast = HeaderRecognizer.nationalTitle(text)
                let slow = Reference.nationalTitle(text)
                #expect(fast?.title == slow?.title && fast?.rest == slow?.rest, "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func recipientsHeadingsMatchTheLowercasedPrefix() throws {
        var headings = 0
        for text in try Self.inputs() {
            let fast = ClosingRecognizer.isRecipientsHeading(text)
            let slow = ClosingRecognizer.referenceIsRecipientsHeading(text)
            // The fast test reads only lines opening with the byte N or n.
            #expect(fast == slow || !(text.utf8.first == UInt8(ascii: "N") || text.utf8.first == UInt8(ascii: "n")),
                    "\(Array(text.unicodeScalars))")
            if slow { headings += 1 }
        }
        #expect(headings > 10)
    }
}
