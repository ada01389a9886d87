import Foundation

/// The letters of the Vietnamese alphabet, in order, and the reading of one letter (a
/// decomposed base scalar plus its combining marks, or one precomposed scalar) as alphabet
/// letter, tone and case.
///
/// Shared by tone canonicalization and collation so that both agree on what a Vietnamese
/// letter is.
enum VietnameseAlphabet {
    /// The 29 Vietnamese letters with f, j, w, z slotted in at their Latin places, so that
    /// foreign words (names, loanwords) still sort where a reader looks for them.
    static let letters: [Character] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
        "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]

    /// Each letter without its vowel mark, as ASCII (ă → a, đ → d, ư → u), for folding.
    static let plainLetters: [Unicode.Scalar] = Array("aaabcddeefghijklmnooopqrstuuvwxyz".unicodeScalars)

    static let uppercaseLetters: [String] = letters.map { String($0).uppercased() }

    /// Positions of the letters that belong to the Latin alphabet but not to the Vietnamese one.
    static let foreignIndices: Set<Int> = Set(["f", "j", "w", "z"].compactMap { letters.firstIndex(of: $0) })

    /// `foreignIndices` by position: tone placement asks for every letter of every word.
    static let isForeignIndex: [Bool] = letters.indices.map { foreignIndices.contains($0) }

    /// Position in `letters` of each ASCII letter a…z.
    private static let asciiIndex: [Int] = "abcdefghijklmnopqrstuvwxyz".map { ascii in
        letters.firstIndex(of: ascii) ?? 0
    }

    static let indexOfDStroke = letters.firstIndex(of: "đ") ?? 0

    static func index(of letter: Character) -> Int? { letters.firstIndex(of: letter) }

    /// One decomposed letter, read as an alphabet letter.
    struct Letter: Equatable {
        /// Position in `letters`.
        var index: Int
        var tone: VietnameseTone
        var isUppercase: Bool
        /// Marks that are neither a tone nor a Vietnamese vowel mark (a diaeresis, a second
        /// tone …): such a letter is not Vietnamese, so its word must not be rewritten.
        var hasForeignMarks: Bool

        var isForeign: Bool { index < VietnameseAlphabet.isForeignIndex.count && VietnameseAlphabet.isForeignIndex[index] }
    }

    /// Reads a base scalar and the combining marks that follow it (in NFD order), or returns
    /// nil when the base is not one of the alphabet's letters.
    static func letter(base: Unicode.Scalar, marks: ArraySlice<Unicode.Scalar>) -> Letter? {
        var index: Int
        var isUppercase = false
        switch base.value {
        case 0x41...0x5A:
            index = asciiIndex[Int(base.value - 0x41)]
            isUppercase = true
        case 0x61...0x7A:
            index = asciiIndex[Int(base.value - 0x61)]
        // Converted documents write Đ with look-alikes (Icelandic eth, African D); reading
        // them as đ keeps such words in place in the sort and in tone handling.
        case 0x0110, 0x00D0, 0x0189:
            index = indexOfDStroke
            isUppercase = true
        case 0x0111, 0x00F0, 0x0256:
            index = indexOfDStroke
        default:
            return nil
        }
        var tone = VietnameseTone.level
        var hasVowelMark = false
        var hasForeignMarks = false
        for mark in marks {
            if tone == .level, let markTone = VietnameseTone(combiningMark: mark) {
                tone = markTone
            } else if !hasVowelMark, let marked = withVowelMark(index, mark) {
                index = marked
                hasVowelMark = true
            } else {
                hasForeignMarks = true
            }
        }
        return Letter(index: index, tone: tone, isUppercase: isUppercase, hasForeignMarks: hasForeignMarks)
    }

    /// The letter a vowel mark turns a plain vowel into: a → ă, â; e → ê; o → ô, ơ; u → ư.
    /// The offsets follow the order of `letters`.
    private static func withVowelMark(_ index: Int, _ mark: Unicode.Scalar) -> Int? {
        switch (letters[index], mark.value) {
        case ("a", 0x0306), ("o", 0x0302), ("u", 0x031B): index + 1
        case ("a", 0x0302), ("o", 0x031B): index + 2
        case ("e", 0x0302): index + 1
        default: nil
        }
    }

    /// Reads one precomposed (NFC) scalar: a plain letter, đ or one of its look-alikes, or a
    /// vowel with vowel mark and tone such as `ậ`. Nil for anything else, including letters
    /// with marks Vietnamese does not use.
    static func letter(composed scalar: Unicode.Scalar) -> Letter? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x0110, 0x00D0, 0x0189, 0x0111, 0x00F0, 0x0256:
            letter(base: scalar, marks: [])
        default:
            scalar.value < 0x1F00 ? composedLetterTable[Int(scalar.value)] : composedLetters[scalar]
        }
    }

    /// The precomposed scalar for a letter with a tone, for writing a moved tone back without
    /// a normalization pass; nil when Unicode has no single scalar for it.
    static func composedScalar(index: Int, tone: VietnameseTone, uppercase: Bool) -> Unicode.Scalar? {
        composedScalars[ComposedKey(index: index, tone: tone, isUppercase: uppercase)]
    }

    private struct ComposedKey: Hashable {
        var index: Int
        var tone: VietnameseTone
        var isUppercase: Bool
    }

    // Built once from Foundation's composition, so the table cannot disagree with NFC.
    private static let composedTables: (letters: [Unicode.Scalar: Letter], scalars: [ComposedKey: Unicode.Scalar]) = {
        var byScalar: [Unicode.Scalar: Letter] = [:]
        var byKey: [ComposedKey: Unicode.Scalar] = [:]
        for (index, letter) in letters.enumerated() {
            for tone in VietnameseTone.allCases {
                for uppercase in [false, true] {
                    var spelling = uppercase ? String(letter).uppercased() : String(letter)
                    if let mark = tone.combiningMark { spelling.unicodeScalars.append(mark) }
                    let scalars = spelling.precomposedStringWithCanonicalMapping.unicodeScalars
                    guard scalars.count == 1, let scalar = scalars.first else { continue }
                    byKey[ComposedKey(index: index, tone: tone, isUppercase: uppercase)] = scalar
                    if scalar.value > 0x7F {
                        byScalar[scalar] = Letter(index: index, tone: tone, isUppercase: uppercase, hasForeignMarks: false)
                    }
                }
            }
        }
        return (byScalar, byKey)
    }()

    private static let composedLetters = composedTables.letters
    private static let composedScalars = composedTables.scalars

    /// `composedLetters` as an array for the scalars below U+1F00 (Latin-1, Latin Extended
    /// and the Vietnamese block U+1EA0–U+1EF9): sort keys and tone placement read one per
    /// letter, and the dictionary hashed each.
    private static let composedLetterTable: [Letter?] = (0..<0x1F00).map { value in
        Unicode.Scalar(UInt32(value)).flatMap { composedLetters[$0] }
    }

    /// Combining marks continue the letter before them; every Unicode mark category counts so
    /// that words in other scripts are not cut apart.
    // ASCII fast paths: the general-category lookup was a tenth of building a search index.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        // The two blocks sort keys meet most: Combining Diacritical Marks (all marks) and
        // General Punctuation (none), answered without the category lookup.
        if value <= 0x36F { return true }
        if value >= 0x2000 && value <= 0x206F { return false }
        return isMarkByCategory(scalar)
    }

    /// `isMark` from the general category alone: what the fast answers are tested against.
    static func isMarkByCategory(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        // A Vietnamese letter is a letter: one array read instead of the category lookup.
        if value < 0x1F00, composedLetterTable[Int(value)] != nil { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return scalar.properties.generalCategory == .decimalNumber
    }
}
