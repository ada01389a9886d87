import Testing
@testable import DecuongCore

/// The byte path of the folded phrase search against `VietnameseText.foldedText`.
@Suite struct FoldedPhraseSearchTests {
    @Test func bytePathMatchesTheScalarSearch() {
        var random = TrickyText(seed: 11)
        let extras = ["Tổ chức thực hiện", "TỔ CHỨC THỰC HIỆN", "“Tổ chức thực hiện”", "–to chuc thuc hien…", "to chuc thuc hien",
                      "Tô chưc thưc hiên", "tổ chức", "thực hiện", "NỘI DUNG", "Nội dung", "nội dung chính", "Nội\u{0323} dung",
                      "Ðảng", "ĐẢNG", "𝐍ội dung", "nội—dung", "", " "]
        let phrases = ["to chuc thuc hien", "noi dung", "", "d", "dang"]
        for round in 0..<6000 {
            var text = random.string(maxPieces: 12)
            if round % 2 == 0 { text += extras[round / 2 % extras.count] + random.string(maxPieces: 4) }
            for phrase in phrases {
                #expect(FoldedPhraseSearch.foldedText(text, contains: phrase) == VietnameseText.foldedText(text, contains: phrase),
                        "\(Array(text.unicodeScalars)) \(phrase)")
            }
        }
    }

    @Test func noVietnameseLetterLiesInTheGapTheTableSkips() {
        for value in FoldedPhraseSearch.letterGap {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(VietnameseAlphabet.letter(composed: scalar) == nil, "\(value)")
        }
    }
}
