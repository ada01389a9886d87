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

    /// The fold that writes ASCII eight bytes at a time, against the scalar-at-a-time one:
    /// the same bytes, or nil for both, with capitals, signs next to them (@ [ ` {),
    /// letters, punctuation and unfolded scalars in every lane.
    @Test func wordwiseFoldMatchesTheScalarFold() {
        var random = TrickyText(seed: 13)
        let pieces = ["Tổ chức thực hiện", "TỔ CHỨC THỰC HIỆN", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "@[`{", "@", "Z[", "a", "Q", " ",
                      "abcdefgh", "Đ", "ư", "ộ", "–", "“", "…", "\u{A0}", "\u{E7}", "e\u{0302}", "\u{1F600}", "한", "\u{7F}"]
        for round in 0..<8000 {
            var text = round % 3 == 0 ? random.string(maxPieces: 8) : ""
            for _ in 0..<Int(random.next() % 20) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let bytes = Array(text.utf8)
            let (fast, fastBytes) = Self.folded(bytes, FoldedPhraseSearch.fold)
            let (slow, slowBytes) = Self.folded(bytes, FoldedPhraseSearch.scalarFold)
            #expect(fast == slow && fastBytes == slowBytes, "\(Array(text.unicodeScalars))")
        }
    }

    private static func folded(_ bytes: [UInt8],
                               _ fold: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>, [UInt8]) -> Int?) -> (Int?, [UInt8]) {
        var out = [UInt8](repeating: 0, count: max(bytes.count, 1))
        let written = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { fold(input, $0, FoldedPhraseSearch.plainLetters) }
        }
        return (written, written.map { Array(out[..<$0]) } ?? [])
    }

    @Test func noVietnameseLetterLiesInTheGapTheTableSkips() {
        for value in FoldedPhraseSearch.letterGap {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(VietnameseAlphabet.letter(composed: scalar) == nil, "\(value)")
        }
    }
}
