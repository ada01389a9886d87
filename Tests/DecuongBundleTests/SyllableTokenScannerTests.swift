import DecuongCore
@testable import DecuongSite
import Testing

/// The index's inline scanner (`SyllableTokenScanner`, with the byte pre-check of
/// `SyllableByteClasses.documentNumberEnd`) gives the tokens of `Syllables.scan`, on random
/// text built from the pieces around numbers that the pre-check reads (every dash and space
/// the matcher knows, digits of other scripts, letters after a number) and on the samples of
/// `SyllableScanTests`.
@Suite struct SyllableTokenScannerTests {
    static let pieces: [String] = [
        "1", "35", "2023", " ", " ", "\t", "\u{A0}", "\u{202F}", "\u{2007}", "\n", "-", "/", ".", "\u{2010}", "\u{2011}",
        "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "NQ", "TW", "KH", "ĐU", "\u{00D0}U", "QH13", "TTg", "CP", "Ban",
        "05/4/2023", "2020-2025", "-a", "/b", "/Ấ", "-\u{1E00}", "-NQ/TW", "/2020/NĐ-CP", " - KH/ĐU", "\u{2013}KH.ĐU", "/QH13", "-TTg/", "năm", "đã", "Đồng", "ệ", "x", "\u{0301}", "١٢", "𝟘", "٣", "日本", "👍", "…", "“", ",", "(", ")", ":", "Ω",
    ]

    /// The same random text against `Syllables.split`, which runs the matcher on the whole
    /// text's scalars: `Syllables.documentNumberEnd` hands it a window of the bytes' scalars
    /// (built in one allocation, its end found by decoding the matched scalars again).
    @Test func sameTokensAsSplit() {
        var random = XorShiftRandom(state: 13)
        var numbers = 0
        for _ in 0..<30000 {
            var text = ""
            for _ in 0..<random.next(14) { text += Self.pieces[random.next(Self.pieces.count)] }
            let expected = Syllables.split(text).map { $0.text + "|" + $0.kind.rawValue }
            numbers += expected.filter { $0.hasSuffix("|documentNumber") }.count
            #expect(Self.scanned(text, fast: true) == expected, "\(text.debugDescription)")
        }
        #expect(numbers > 100)
    }

    static func scanned(_ text: String, fast: Bool) -> [String] {
        var found: [String] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            func note(_ start: Int, _ end: Int, _ kind: Syllable.Kind) {
                found.append(String(decoding: buffer[start..<end], as: UTF8.self) + "|" + kind.rawValue)
            }
            if fast {
                SyllableByteClasses.table.withUnsafeBufferPointer { table in
                    SyllableTokenScanner.forEach(buffer, table: table) { note($0, $1, $2) }
                }
            } else {
                Syllables.scan(buffer) { note($0.start, $0.end, $0.kind) }
            }
        }
        return found
    }

    @Test func sameTokensAsTheReference() {
        var random = XorShiftRandom(state: 5)
        var numbers = 0
        for _ in 0..<30000 {
            var text = ""
            for _ in 0..<random.next(14) { text += Self.pieces[random.next(Self.pieces.count)] }
            let expected = Self.scanned(text, fast: false)
            numbers += expected.filter { $0.hasSuffix("|documentNumber") }.count
            #expect(Self.scanned(text, fast: true) == expected, "\(text.debugDescription)")
        }
        // The random text reaches the matcher's successes too, not only its refusals.
        #expect(numbers > 100)
    }

    @Test func samples() {
        let samples = [
            "Thực hiện Kế hoạch số 114-KH/BTCTW ngày 05/4/2023 và Công văn số 5047-CV/BTCTW, khóa VIII", "Số: 14 - KH/\u{00D0}U.KBT", "Hướng dẫn số 115- HD/BTGW, ngày 08", "ABC35-NQ/TW",
            "35-NQ/TW.Đồng thời", "năm 2023 - Kế hoạch", "nhiệm kỳ 2020 - 2025; cùng", "ho\u{0300}a ca\u{0301}c 2022Ban",
            "Thông tư 10/2022/TT-BLĐTBXH", "số 14 – KH/ĐU.KBT", "x\u{0301}35-NQ/TW", "١٢٣ über 𝟘𝟙 日本語 Ω", "",
            "12", "12 -", "12 - ", "5/Tháng", "30/4-Ngày", "80/2015/QH13", "14\u{A0}-\u{202F}KH/ĐU", "12 năm 2023 đã",
        ]
        for sample in samples {
            #expect(Self.scanned(sample, fast: true) == Self.scanned(sample, fast: false), "\(sample)")
        }
    }
}
