import Foundation
import Testing
@testable import DecuongCore

/// The table-driven lowercasing and the allocation-free tone placement give exactly what the
/// standard library and the first tone placement give.
@Suite struct KeyFastPathTests {
    /// A small deterministic generator (SplitMix64), so a failure names a reproducible input.
    private struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func lowercasingEveryScalarAloneMatchesTheStandardLibrary() {
        var checked = 0
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(String.UnicodeScalarView([scalar]))
            // Past ASCII, so the table path runs (an ASCII string takes the library's own).
            let mixed = "Ấ" + s + "Đ"
            #expect(VietnameseText.lowercased(mixed).unicodeScalars.elementsEqual(mixed.lowercased().unicodeScalars),
                    "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 10_000)
    }

    @Test func lowercasingMixedTextMatchesTheStandardLibrary() {
        let pool: [String] = ["A", "z", "Đ", "đ", "Ư", "ơ", "Ấ", "ậ", "Ỹ", "ỷ", "İ", "Σ", "ς", "ẞ", "Ⱥ", "–", "“", "”", " ",
                              "\u{301}", "\u{323}", "Ω", "Ж", "ﬁ", "😀", "Ǆ", "ǅ", "1", "/", "ʼ", "À", "Ò", "Ỏ", "Ễ"]
        var generator = Seeded(state: 7)
        for _ in 0..<5_000 {
            let length = Int.random(in: 1...12, using: &generator)
            let s = (0..<length).map { _ in pool.randomElement(using: &generator) ?? "a" }.joined()
            #expect(VietnameseText.lowercased(s).unicodeScalars.elementsEqual(s.lowercased().unicodeScalars), "\(s)")
        }
    }

    /// Every word of up to three letters from a pool of plain and marked letters with every
    /// tone, and random longer ones: the fast placement moves the same tones to the same places.
    @Test func tonePlacementMatchesTheReference() {
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "A", "Ư", "Ơ"]
        var vowels: [Unicode.Scalar] = []
        for base in bases {
            for mark in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
                let composed = (base + mark).precomposedStringWithCanonicalMapping.unicodeScalars
                if composed.count == 1, let only = composed.first { vowels.append(only) }
            }
        }
        let consonants = Array("bcdđghklmnpqrstvxfjwzNGHQ".unicodeScalars)
        let letters = vowels + consonants + ["\u{301}"]
        var compared = 0
        func check(_ word: [Unicode.Scalar]) {
            var fast = word
            var reference = word
            let changed = TonePlacement.canonicalize(&fast, in: 0..<word.count)
            let referenceChanged = TonePlacement.canonicalizeReference(&reference, in: 0..<word.count)
            #expect(changed == referenceChanged && fast == reference, "\(String(String.UnicodeScalarView(word)))")
            compared += 1
        }
        for first in letters {
            check([first])
            for second in letters {
                check([first, second])
                for third in vowels { check([first, second, third]) }
            }
        }
        var generator = Seeded(state: 11)
        let initials: [[Unicode.Scalar]] = ["", "ngh", "ng", "nh", "gh", "gi", "kh", "qu", "tr", "th", "b", "h", "g", "q"]
            .map { Array($0.unicodeScalars) }
        let finals: [[Unicode.Scalar]] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "ngh"].map { Array($0.unicodeScalars) }
        for _ in 0..<60_000 {
            var word = initials.randomElement(using: &generator) ?? []
            for _ in 0..<Int.random(in: 1...4, using: &generator) { word.append(vowels.randomElement(using: &generator) ?? "a") }
            word += finals.randomElement(using: &generator) ?? []
            if Int.random(in: 0..<5, using: &generator) == 0 { word.append(letters.randomElement(using: &generator) ?? "a") }
            check(word)
        }
        #expect(compared > 100_000)
    }

    @Test func toneIndexMatchesTheReferenceOnEveryShortRun() {
        let alphabet = VietnameseAlphabet.letters.count
        var runs: [[Int]] = [[]]
        for length in 1...3 {
            runs += (0..<Int(pow(Double(alphabet), Double(length)))).map { code in
                var code = code
                return (0..<length).map { _ in defer { code /= alphabet }; return code % alphabet }
            }
        }
        for run in runs { #expect(TonePlacement.toneIndex(run) == TonePlacement.toneIndexReference(run), "\(run)") }
    }
}

extension KeyFastPathTests {
    @Test func markTestMatchesTheGeneralCategoryBelowU3000() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(VietnameseAlphabet.isMark(scalar) == VietnameseAlphabet.isMarkByCategory(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test func asciiTextKeepsItsTones() {
        for text in ["Nghi quyet 35-NQ/TW", "", "hoa", "A B C", "UBND"] {
            #expect(VietnameseText.canonicalTones(text) == text)
        }
    }
}
