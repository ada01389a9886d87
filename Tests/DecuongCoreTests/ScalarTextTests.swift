import Foundation
import Testing
@testable import DecuongCore

/// Random text that mixes what documents hold (ASCII, Vietnamese NFC and NFD, typographic
/// punctuation) with what breaks naive character handling (combining marks after spaces,
/// CR LF, joiners, emoji, Hangul jamo, Indic signs, prepended marks, İ and final sigma).
struct TrickyText {
    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    static let pieces: [String] = [
        "a", "B", "z", " ", " ", ".", ",", ":", ";", "!", "?", "*", "-", "(", ")", "/", "1", "7", "0",
        "\t", "\n", "\r", "\r\n", "\u{A0}", "\u{2007}", "\u{202F}", "\u{3000}",
        "ệ", "Ệ", "đ", "Đ", "ư", "Ư", "ơ", "Ơ", "ă", "Ă", "à", "À", "á", "Á", "ỹ", "Ỹ", "ạ", "Ạ", "ĩ", "Ĩ", "ũ", "Ũ",
        "ngày", "Ngày", "NGÀY", "tháng", "THÁNG", "năm", "NĂM", "chủ trì", "phối hợp", "Tổ chức thực hiện",
        "e\u{0302}\u{0323}", "a\u{0300}", "\u{0301}", "\u{0323}", "\u{200D}", "\u{200B}", "\u{FE0F}",
        "“", "”", "–", "—", "…", "•", "‼", "\u{2028}", "\u{0600}", "क", "\u{093F}", "\u{094D}",
        "\u{1100}", "\u{1161}", "\u{11A8}", "👍", "🇻🇳", "İ", "Σ", "ς", "ß", "Å", "\u{212B}", "\u{2126}",
        "Ð", "ð", "Ɖ", "\u{0340}", "µ", "ÿ", "Ÿ", "\u{1E9E}",
    ]

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    mutating func string(maxPieces: Int = 40) -> String {
        let count = Int(next() % UInt64(maxPieces + 1))
        var out = ""
        for _ in 0..<count { out += Self.pieces[Int(next() % UInt64(Self.pieces.count))] }
        return out
    }

    /// Fewer than `maxCount` parts, each one of `pieces`, or in `tricky` of the rounds a
    /// short `string` instead.
    mutating func text(of pieces: [String], maxCount: Int, round: Int, tricky: Int) -> String {
        var text = ""
        for _ in 0..<Int(next() % UInt64(maxCount)) {
            text += round % tricky == 0 ? string(maxPieces: 2) : pieces[Int(next() % UInt64(pieces.count))]
        }
        return text
    }
}

@Suite struct ScalarTextTests {
    @Test func stringFromScalarsKeepsEveryScalar() {
        var random = TrickyText(seed: 1)
        for _ in 0..<2000 {
            let text = random.string()
            let scalars = Array(text.unicodeScalars)
            let built = ScalarText.string(scalars)
            #expect(Array(built.unicodeScalars) == scalars)
            #expect(ScalarText.string(scalars[...]) == String(String.UnicodeScalarView(scalars)))
        }
    }

    @Test func characterCountMatchesTheStandardLibrary() {
        var random = TrickyText(seed: 2)
        for _ in 0..<3000 {
            let text = random.string()
            #expect(ScalarText.characterCount(text) == text.count, "\(Array(text.unicodeScalars))")
            for limit in [0, 7, 8, 9, 15, 16, 50, 120, 300] {
                #expect(ScalarText.hasAtMostCharacters(text, limit) == (text.count <= limit), "\(limit) \(Array(text.unicodeScalars))")
            }
        }
    }

    /// The word-at-a-time count against the scalar-at-a-time one on long lines, mostly of
    /// Vietnamese (where nearly every word of eight bytes holds a lead byte to check).
    @Test func wordwiseCountMatchesTheReference() {
        var random = TrickyText(seed: 21)
        let vietnamese = ["Kế hoạch ", "thông tin, tuyên truyền ", "xây dựng Đảng ", "năm 2023. ", "“Tổ chức” – ", "ỹ", "ư"]
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 30) { text += vietnamese[Int(random.next() % UInt64(vietnamese.count))] }
            // One in three also gets a tricky piece somewhere.
            if round % 3 == 0 {
                let piece = random.string(maxPieces: 3)
                let at = text.unicodeScalars.index(text.unicodeScalars.startIndex,
                                                   offsetBy: Int(random.next() % UInt64(text.unicodeScalars.count + 1)))
                text.unicodeScalars.insert(contentsOf: piece.unicodeScalars, at: at)
            }
            #expect(ScalarText.characterCount(text) == ScalarText.referenceCharacterCount(text), "\(Array(text.unicodeScalars))")
            #expect(ScalarText.characterCount(text) == text.count, "\(Array(text.unicodeScalars))")
        }
    }

    /// E1 leads Vietnamese letters (E1 B8 … E1 BB), which the word-at-a-time count passes
    /// in one test, and also Greek Extended (E1 BC …) and Hangul jamo (E1 84 …), which it
    /// must not: each at every offset within a word, and with a combining mark after it.
    @Test func wordwiseCountTellsVietnameseLettersFromOtherE1Scalars() {
        let others = ["\u{1F00}", "\u{1100}\u{1161}", "\u{1EF9}\u{0301}", "e\u{0301}", "\u{1E00}", "\u{1EFF}"]
        for other in others {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + "ệ" + other + "ỹ người dân ở đâu" + other
                #expect(ScalarText.characterCount(text) == text.count, "\(offset) \(Array(text.unicodeScalars))")
                #expect(ScalarText.characterCount(text) == ScalarText.referenceCharacterCount(text))
                #expect(ScalarText.hasAtMostCharacters(text, text.count) && !ScalarText.hasAtMostCharacters(text, text.count - 1))
            }
        }
    }

    @Test func boundedCountMatchesTheStandardLibrary() {
        var random = TrickyText(seed: 8)
        for round in 0..<3000 {
            let text = random.string(maxPieces: round % 2 == 0 ? 12 : 80)
            for limit in [0, 1, 3, 10, 40, 120] {
                #expect(ScalarText.hasAtMostCharacters(text, limit) == (text.count <= limit), "\(Array(text.unicodeScalars)) \(limit)")
            }
        }
    }

    @Test func simpleTextIsOneCharacterPerScalar() {
        var random = TrickyText(seed: 3)
        for _ in 0..<3000 {
            let text = random.string()
            if ScalarText.isSimple(text) {
                #expect(text.count == text.unicodeScalars.count)
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
            }
        }
    }

    @Test func everySimpleScalarIsNFCAndStandsAlone() {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), ScalarText.isSimple(scalar) else { continue }
                let alone = String(scalar)
                #expect(alone.precomposedStringWithCanonicalMapping == alone && alone.precomposedStringWithCanonicalMapping.unicodeScalars.count == 1)
                // Followed or preceded by another simple scalar, it stays its own character.
                if value != 0x0D {
                    #expect(("a" + alone + "ệ").count == 3, "U+\(String(value, radix: 16))")
                    #expect((alone + "–" + alone).count == 3, "U+\(String(value, radix: 16))")
                }
            }
        }
    }

    @Test func lowercasingMatchesTheStandardLibrary() {
        for value in UInt32(0)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            #expect(ScalarText.lowercasedScalars(text) == Array(text.lowercased().unicodeScalars), "U+\(String(value, radix: 16))")
        }
        var random = TrickyText(seed: 4)
        for _ in 0..<2000 {
            let text = random.string()
            #expect(ScalarText.lowercased(text) == text.lowercased())
            #expect(ScalarText.lowercasedScalars(text) == Array(text.lowercased().unicodeScalars))
        }
    }

    @Test func uppercasingMatchesTheStandardLibrary() {
        var random = TrickyText(seed: 23)
        for _ in 0..<3000 {
            let text = random.string()
            #expect(ScalarText.uppercased(text) == text.uppercased(), "\(Array(text.unicodeScalars))")
            #expect(Array(ScalarText.uppercased(text).unicodeScalars) == Array(text.uppercased().unicodeScalars))
        }
        // Every scalar the table maps, against its own mapping.
        for value in UInt32(0)...0x2100 {
            guard let scalar = Unicode.Scalar(value), let upper = ScalarText.simpleUppercase(scalar) else { continue }
            #expect(String(upper) == scalar.properties.uppercaseMapping, "\(value)")
        }
    }

    @Test func whitespaceMatchesTheUnicodeProperty() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ScalarText.isWhitespace(scalar) == scalar.properties.isWhitespace)
        }
    }

    @Test func foldIsUnchangedByTheNFCShortcut() {
        var random = TrickyText(seed: 5)
        for _ in 0..<2000 {
            let text = random.string()
            #expect(VietnameseText.fold(text) == ReferenceFold.fold(text), "\(Array(text.unicodeScalars))")
        }
    }
}

/// `VietnameseText.fold` as it was before its fast paths, to compare against.
enum ReferenceFold {
    static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        var output = String.UnicodeScalarView()
        for scalar in s.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                output.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar)
            } else if let letter = VietnameseAlphabet.letter(composed: scalar) {
                output.append(VietnameseAlphabet.plainLetters[letter.index])
            } else if !isDiacritic(scalar) {
                let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping
                let kept = String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { !isDiacritic($0) }))
                output.append(contentsOf: kept.precomposedStringWithCanonicalMapping.unicodeScalars)
            }
        }
        return String(output)
    }

    private static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }
}

@Suite struct NormalizeShortcutTests {
    @Test func normalizeIsUnchangedByTheOnePassScan() {
        var random = TrickyText(seed: 6)
        for _ in 0..<3000 {
            let text = random.string()
            #expect(Array(VietnameseText.normalize(text).unicodeScalars) == Array(Self.reference(text).unicodeScalars),
                    "\(Array(text.unicodeScalars))")
        }
    }

    /// The scan that passes ASCII over a word at a time, against the byte-wise one, on
    /// long text where look-alikes and marks fall anywhere in a word.
    @Test func wordwiseScanMatchesTheReference() {
        var random = TrickyText(seed: 22)
        let vietnamese = ["Kế hoạch ", "thông tin, tuyên truyền ", "xây dựng Đảng ", "năm 2023. ", "“Tổ chức” – ", "ỹ", "ư",
                          "ơ", "Ð", "ð", "Ɖ", "ɖ", "ɐ", "Ã", "Æ", "ǅ", "\u{0301}", "e\u{0302}", "\u{1EA0}", "\u{1E9E}", "ḁ", "한",
                          "abcdefgh", "ab"]
        for round in 0..<6000 {
            let text = random.text(of: vietnamese, maxCount: 30, round: round, tricky: 4)
            let fast = VietnameseText.scan(text)
            let reference = VietnameseText.referenceScan(text)
            #expect(fast.compose == reference.compose && fast.lookalike == reference.lookalike, "\(Array(text.unicodeScalars))")
        }
    }

    /// The scan that reads Vietnamese text eight bytes at a time with each lane's next
    /// byte, against the scalar-at-a-time scans, on text where marks, look-alikes, toned
    /// letters (E1 B8 … E1 BB) and their neighbours (E1 B7, E1 BC) fall in every lane,
    /// across word ends and in the tail.
    @Test func pairwiseScanMatchesTheScalarScans() {
        var random = TrickyText(seed: 41)
        let pieces = ["Kế hoạch ", "xây dựng Đảng ", "năm 2023. ", "“Tổ chức” – ", "ỹ", "ư", "ơ", "à", "ă", "đ", "Ð", "ð", "Ɖ",
                      "ɖ", "\u{0301}", "\u{0300}", "e\u{0302}", "\u{1DC0}", "\u{1E00}", "\u{1EF9}", "\u{1F00}", "\u{1D00}",
                      "\u{1100}", "\u{20D0}", "\u{FE20}", "\u{3099}", "\u{1F600}", "\u{1D165}", "ǅ", "ɐ", "ʼ", "\u{0591}",
                      "\u{05B0}", "\u{0E48}", "한", "a", "ab", "abcdefg", " "]
        for round in 0..<20000 {
            let text = random.text(of: pieces, maxCount: 24, round: round, tricky: 5)
            let pairwise = VietnameseText.pairwiseScan(text)
            let wordwise = VietnameseText.wordwiseScan(text)
            let reference = VietnameseText.referenceScan(text)
            #expect(pairwise.compose == wordwise.compose && pairwise.lookalike == wordwise.lookalike,
                    "\(Array(text.unicodeScalars))")
            #expect(wordwise.compose == reference.compose && wordwise.lookalike == reference.lookalike)
            let block = VietnameseText.blockScan(text)
            #expect(block.compose == pairwise.compose && block.lookalike == pairwise.lookalike, "\(Array(text.unicodeScalars))")
        }
    }

    /// The scan sixteen bytes at a time, with what answers (a look-alike, a mark, a scalar
    /// that composes, or one that only looks like it might) put at every offset of prose
    /// around the blocks' ends and the tail where the scan stops, and with a second piece
    /// after it: the first answer found wins, the look-alike before it kept.
    @Test func blockScanMatchesTheReferenceAtEveryOffset() {
        let prose = Array("Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan, đơn vị phối hợp thực hiện tốt kế hoạch “năm 2023” – ".unicodeScalars)
        let pieces = ["ð", "Ð", "Ɖ", "ɖ", "\u{0301}", "e\u{0302}", "\u{1DC0}", "\u{1100}", "\u{20D0}", "\u{0591}", "\u{0E48}",
                      "\u{1F600}", "\u{1D165}", "\u{1E00}", "\u{1EF9}", "\u{1F00}", "–", "한", "Ã", "ǅ"]
        for first in pieces {
            for second in ["", "ð", "\u{0301}"] {
                for offset in 0...prose.count {
                    var scalars = String.UnicodeScalarView()
                    scalars.append(contentsOf: prose[..<offset])
                    let text = String(scalars) + first + String(String.UnicodeScalarView(prose[offset...])) + second
                    let block = VietnameseText.blockScan(text)
                    let reference = VietnameseText.referenceScan(text)
                    #expect(block.compose == reference.compose && block.lookalike == reference.lookalike, "\(offset) \(first) \(second)")
                }
            }
        }
    }

    /// Long Vietnamese prose, ending in what answers in the tail of the scan.
    @Test func pairwiseScanMatchesOnLongText() {
        let paragraph = "Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan, đơn vị phối hợp thực hiện tốt kế hoạch; "
        var text = String(repeating: paragraph, count: 40)
        for tail in ["", "ð", "Ð.", "e\u{0301}", "x\u{0301}yz", "ư", "abc"] {
            text += tail
            let pairwise = VietnameseText.pairwiseScan(text)
            let reference = VietnameseText.referenceScan(text)
            #expect(pairwise.compose == reference.compose && pairwise.lookalike == reference.lookalike, "\(tail)")
            let block = VietnameseText.blockScan(text)
            #expect(block.compose == reference.compose && block.lookalike == reference.lookalike, "\(tail)")
        }
    }

    /// `VietnameseText.normalize` as it was before its byte-level scan.
    static func reference(_ s: String) -> String {
        var needs = false
        for scalar in s.unicodeScalars where scalar.value >= 0x300 {
            let value = scalar.value
            if (0x300...0x36F).contains(value) || (0x1AB0...0x1AFF).contains(value) || (0x1DC0...0x1DFF).contains(value)
                || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value) || (0x1100...0x11FF).contains(value)
                || scalar.properties.canonicalCombiningClass != .notReordered {
                needs = true
                break
            }
        }
        let composed = needs ? s.precomposedStringWithCanonicalMapping : s
        var scalars = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars {
            switch scalar.value {
            case 0x00D0, 0x0189: scalars.append("\u{0110}")
            case 0x00F0, 0x0256: scalars.append("\u{0111}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

@Suite struct FoldedSearchTests {
    @Test func foldedSearchMatchesFoldAndContains() {
        var random = TrickyText(seed: 7)
        let extras = ["Tổ chức thực hiện", "TỔ CHỨC THỰC HIỆN", "“Tổ chức thực hiện”", "–to chuc thuc hien…", "to chuc thuc hien", "Tô chưc thưc hiên", "tổ chức", "thực hiện"]
        for round in 0..<3000 {
            var text = random.string(maxPieces: 12)
            if round % 2 == 0 { text += extras[round / 2 % extras.count] + random.string(maxPieces: 4) }
            #expect(VietnameseText.foldedText(text, contains: "to chuc thuc hien") == VietnameseText.fold(text).contains("to chuc thuc hien"),
                    "\(Array(text.unicodeScalars))")
        }
    }
}
