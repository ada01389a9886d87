import Testing
@testable import DecuongStructure

/// `TextShape.startsLowercase` and `endsSentence` read from the UTF-8 against the
/// character walks they replaced.
@Suite struct TextShapeEndsTests {
    static let pieces = [
        "a", "Z", "đ", "Đ", "ở", "Ư", "ệ", "1", ".", ":", ";", "!", "?", "…", ",", " ", "  ", "\t", "\n", "\r", "\r\n",
        "\u{A0}", "\u{3000}", "*", "**", "_", "\"", "“", "”", "’", "(", ")", "\u{0301}", "\u{0300}", "\u{0600}", "\u{200D}",
        "👍", "©", "\u{1100}", "\u{1161}", "ǅ", "ß", "ʰ", "İ", "Σ", "σ", "ﬁ", "\u{2028}", "\u{0085}", "khoản", "Hà Nội.",
    ]

    @Test func startsAndEndsAsOnCharacters() {
        var random = FastPathEquivalenceTests.Random(state: 97)
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) { text += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
            #expect(TextShape.startsLowercase(text) == TextShape.referenceStartsLowercase(text), "\(Array(text.unicodeScalars))")
            #expect(TextShape.endsSentence(text) == TextShape.referenceEndsSentence(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func everyScalarAlone() {
        // Each scalar to U+2100 (and a few beyond) alone, after a skipped one and before one.
        var scalars = (0..<0x2100).compactMap(Unicode.Scalar.init)
        scalars += ["\u{3000}", "\u{FEFF}", "\u{1F44D}", "\u{E0020}"]
        for scalar in scalars {
            for text in [String(scalar), "*" + String(scalar), String(scalar) + ")", " " + String(scalar) + " "] {
                #expect(TextShape.startsLowercase(text) == TextShape.referenceStartsLowercase(text), "\(scalar.value)")
                #expect(TextShape.endsSentence(text) == TextShape.referenceEndsSentence(text), "\(scalar.value)")
            }
        }
    }
}

/// `SimplePrefix.hasPrefix` against `String.hasPrefix`.
@Suite struct SimplePrefixTests {
    @Test func prefixesAsOnCharacters() {
        var random = FastPathEquivalenceTests.Random(state: 98)
        let prefixes = ["BÍ THƯ", "CHỦ TỊCH", "TRƯỞNG", "ỦY VIÊN", "UỶ VIÊN", "T/M ", "KÝ THAY ", "Ư", "Ừ", "Å", "à", "", "-", "–", "K"]
        let pieces = prefixes + ["B", "Í", "I\u{0301}", "U\u{031B}", "Ư\u{0300}", "\u{0300}", "\u{0301}", "\u{212B}", "\u{212A}", "A\u{030A}",
                                 "\r", "\n", " ", "x", "ơ", "ờ", "👍", "\u{200D}", "\u{0600}", "Đ", "a\u{0300}"]
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int(random.next() % 5) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let prefix = prefixes[Int(random.next() % UInt64(prefixes.count))]
            #expect(SimplePrefix.hasPrefix(text, prefix) == text.hasPrefix(prefix), "\(Array(text.unicodeScalars)) \(prefix)")
        }
    }
}

/// Closing and header readers moved to the bytes, against what they replaced.
@Suite struct ClosingBytesTests {
    @Test func markersStrippedAsOnCharacters() {
        var random = FastPathEquivalenceTests.Random(state: 99)
        let pieces = ["-", "–", "+", "•", " ", "  ", "—", "UBND tỉnh", "Ban", "\u{0301}", "\u{0300}", "\r", "\n", "\u{A0}", "Đ", "x",
                      "-\u{0301}", "•\u{200D}", "👍", "\u{0600}", "ư", "U\u{031B}"]
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(ClosingRecognizer.stripMarker(text) == ClosingRecognizer.referenceStripMarker(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func trimmedAsBefore() {
        var random = FastPathEquivalenceTests.Random(state: 100)
        let pieces = [" ", "\t", "\n", "\r", "\u{A0}", "\u{2007}", "\u{202F}", "\u{3000}", "\u{2028}", "a", "Đ", "\u{0301}", "KẾ HOẠCH"]
        for _ in 0..<10000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(UTF8Scalars.trimmed(text) == text.trimmed(), "\(Array(text.unicodeScalars))")
        }
    }
}

@Suite struct KindDisplayTests {
    @Test func displayNamesAsMadeEachTime() {
        for kind in DocumentKinds.all + ["", "Kế hoạch", "KE\u{0302}\u{0301} HOẠCH", "X", "ǅ"] {
            #expect(DocumentKinds.display(kind) == DocumentKinds.referenceDisplay(kind), "\(kind)")
        }
    }
}

@Suite struct CitationKindLetterTests {
    @Test func letterTestAsOnCharacters() {
        for value in 0..<0x2100 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(CitationKinds.isLetter(scalar) == Character(scalar).isLetter, "\(value)")
        }
    }
}

@Suite struct LeadingSpacesTests {
    @Test func leadingSpacesAsOnCharacters() {
        var random = FastPathEquivalenceTests.Random(state: 101)
        let pieces = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\r\n", "\u{A0}", "\u{3000}", "\u{0301}", "a", "Đ", "ư", "1", "👍"]
        for _ in 0..<10000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(InlineEditing.leadingSpaces(text) == text.prefix { $0.isWhitespace }.count, "\(Array(text.unicodeScalars))")
        }
    }
}
