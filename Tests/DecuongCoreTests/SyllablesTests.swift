import Foundation
import Testing
@testable import DecuongCore

@Suite struct SyllablesTests {
    private func texts(_ s: String) -> [String] { Syllables.split(s).map(\.text) }

    private func documentNumbers(_ s: String) -> [String] {
        Syllables.split(s).filter { $0.kind == .documentNumber }.map(\.text)
    }

    @Test func splitsVietnameseSyllables() {
        #expect(texts("Xây dựng Đảng, xây dựng hệ thống chính trị.")
            == ["Xây", "dựng", "Đảng", "xây", "dựng", "hệ", "thống", "chính", "trị"])
        #expect(texts("“Tiếp tục đẩy mạnh…” (Ủy ban) – cán bộ; đảng viên!")
            == ["Tiếp", "tục", "đẩy", "mạnh", "Ủy", "ban", "cán", "bộ", "đảng", "viên"])
        #expect(texts("") == [])
        #expect(texts(" ./. – ") == [])
        let kinds = Syllables.split("lần thứ VIII - năm 2023").map(\.kind)
        #expect(kinds == [.word, .word, .word, .word, .number])
    }

    @Test func lettersAndDigitsAreSeparateTokens() {
        #expect(texts("năm 2022Ban Tuyên giáo") == ["năm", "2022", "Ban", "Tuyên", "giáo"])
        #expect(texts("COVID-19") == ["COVID", "19"])
        #expect(texts("ngày 21/4/2023") == ["ngày", "21", "4", "2023"])
        #expect(texts("1.1.") == ["1", "1"])
        #expect(texts("(2020 - 2025)") == ["2020", "2025"])
    }

    @Test func decomposedLettersStayTogether() {
        let nfd = "Xa\u{0302}y du\u{031B}\u{0323}ng"
        let tokens = Syllables.split(nfd)
        #expect(tokens.count == 2)
        #expect(tokens.map(\.text) == ["Xa\u{0302}y", "du\u{031B}\u{0323}ng"])
        #expect(tokens[1].utf16Range == 5..<11)
    }

    @Test func rangesAreUTF16Offsets() {
        let source = "😀 Đảng bộ\nngày 21/4"
        let tokens = Syllables.split(source)
        #expect(tokens.map(\.utf16Range) == [3..<7, 8..<10, 11..<15, 16..<18, 19..<20])
        let ns = source as NSString
        for token in tokens {
            #expect(ns.substring(with: NSRange(location: token.utf16Range.lowerBound, length: token.utf16Range.count)) == token.text)
            if let range = token.range(in: source) {
                #expect(String(source[range]) == token.text)
            } else {
                Issue.record("no range for \(token.text)")
            }
        }
        #expect(tokens[0].range(in: "ab") == nil)
    }

    @Test func documentNumbersStayWhole() {
        let cases: [(String, String)] = [
            ("Kế hoạch số 114-KH/BTCTW ngày 21/4/2023", "114-KH/BTCTW"),
            ("Nghị quyết số 35-NQ/TW, ngày 22/10/2018", "35-NQ/TW"),
            ("Nghị định số 30/2020/NĐ-CP", "30/2020/NĐ-CP"),
            ("Số: 594/KH-UBND", "594/KH-UBND"),
            ("Số: 14 - KH/ĐU.KBT", "14 - KH/ĐU.KBT"),
            ("Hướng dẫn số 115- HD/BTGW, ngày 08", "115- HD/BTGW"),
            ("Chỉ thị số 19/CT-TTg ngày 16/7/2021", "19/CT-TTg"),
            ("CHỈ THỊ SỐ 19/CT-TTG NGÀY", "19/CT-TTG"),
            ("Thông tư 10/2022/TT-BLĐTBXH", "10/2022/TT-BLĐTBXH"),
            ("Luật số 80/2015/QH13 ngày", "80/2015/QH13"),
            ("Kế hoạch số 68-KH/ĐUK, ngày 03", "68-KH/ĐUK"),
            ("Công văn số 5047-CV/BTCTW", "5047-CV/BTCTW"),
            ("theo Quy định 29-QĐ/TW.", "29-QĐ/TW"),
            ("số 14 – KH/ĐU.KBT", "14 – KH/ĐU.KBT"),
        ]
        for (sentence, number) in cases {
            #expect(documentNumbers(sentence) == [number], "\(sentence)")
            // The rest of the sentence is still tokenized around it.
            let tokens = Syllables.split(sentence)
            if let token = tokens.first(where: { $0.kind == .documentNumber }), let range = token.range(in: sentence) {
                #expect(String(sentence[range]) == number)
            }
        }
        #expect(texts("Kế hoạch số 114-KH/BTCTW ngày 21/4/2023")
            == ["Kế", "hoạch", "số", "114-KH/BTCTW", "ngày", "21", "4", "2023"])
    }

    @Test func proseIsNotADocumentNumber() {
        for prose in [
            "nhiệm kỳ 2020 - 2025; cùng", "Ngày 03-02-2023 - Lượt xem", "lần thứ VIII - năm 2023",
            "năm 2023 - Kế hoạch", "1-MỤC ĐÍCH", "1- MỤC ĐÍCH, YÊU CẦU", "dịp 30/4-Ngày giải phóng",
            "ngày 5/Tháng", "(3/2/1930 – 3/2/2020)", "305/tai", "06 nhiệm vụ", "ABC35-NQ/TW",
            "năm 2019- 2020;", "Điều 5 - NHIỆM VỤ",
        ] {
            #expect(documentNumbers(prose) == [], "\(prose)")
        }
        // A run-on sentence after a dot: the number stops at the last capital group.
        #expect(documentNumbers("35-NQ/TW.Đồng thời") == ["35-NQ/TW"])
        #expect(texts("35-NQ/TW.Đồng thời") == ["35-NQ/TW", "Đồng", "thời"])
    }

    @Test func documentNumberKeys() {
        let spaced = Syllables.split("Số: 14 - KH/\u{00D0}U.KBT").last
        #expect(spaced?.kind == .documentNumber)
        #expect(spaced?.canonicalText == "14-KH/ĐU.KBT")
        #expect(spaced?.compactKey == "14khdukbt")
        let party = Syllables.split("Nghị quyết 35-NQ/TW").last
        #expect(party?.canonicalText == "35-NQ/TW")
        #expect(party?.compactKey == "35nqtw")
        #expect(Syllables.split("30/2020/NĐ-CP").first?.compactKey == "302020ndcp")
        #expect(Syllables.split("14 – KH/ĐU").first?.canonicalText == "14-KH/ĐU")
        #expect(Syllables.split("Đảng").first?.compactKey == "dang")
        #expect(Syllables.split("Đảng").first?.canonicalText == "Đảng")
    }

    @Test func seedParagraph() {
        let tokens = Syllables.split(SeedText.paragraph)
        #expect(tokens.filter { $0.kind == .documentNumber }.map(\.text) == ["114-KH/BTCTW", "5047-CV/BTCTW"])
        #expect(tokens.allSatisfy { !$0.text.isEmpty })
        // Ranges are increasing and do not overlap.
        for (a, b) in zip(tokens, tokens.dropFirst()) {
            #expect(a.utf16Range.upperBound < b.utf16Range.lowerBound)
        }
        #expect(tokens.contains { $0.text == "khóa" })
        #expect(tokens.contains { $0.text == "VIII" && $0.kind == .word })
    }
}

@Suite struct SyllableScanTests {
    /// `scan` on bytes gives the tokens of `split` on scalars.
    @Test func scanAgreesWithSplit() {
        let samples = [
            SeedText.paragraph, "Số: 14 - KH/\u{00D0}U.KBT", "Hướng dẫn số 115- HD/BTGW, ngày 08", "ABC35-NQ/TW",
            "35-NQ/TW.Đồng thời", "năm 2023 - Kế hoạch", "nhiệm kỳ 2020 - 2025; cùng", "ho\u{0300}a ca\u{0301}c 2022Ban",
            "Thông tư 10/2022/TT-BLĐTBXH", "số 14 – KH/ĐU.KBT", "x\u{0301}35-NQ/TW", "١٢٣ über 𝟘𝟙 日本語 Ω", "",
            "12", "12 -", "12 - ", "5/Tháng", "30/4-Ngày", "80/2015/QH13",
        ]
        for sample in samples {
            let expected = Syllables.split(sample).map { token -> String in token.text + "|" + token.kind.rawValue }
            var found: [String] = []
            let bytes = Array(sample.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                Syllables.scan(buffer) { token in
                    found.append(String(decoding: buffer[token.start..<token.end], as: UTF8.self) + "|" + token.kind.rawValue)
                }
            }
            #expect(found == expected, "\(sample)")
        }
    }
}
