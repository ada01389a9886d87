import Foundation

/// Vietnamese dictionary order, for every list a reader scans (themes, organizations, cited
/// documents): a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f j w z at
/// their Latin places for foreign words.
///
/// Strings are compared level by level, each level only when all earlier ones are equal:
/// 1. letters, case-insensitive, tones ignored; numbers by value (`2` < `10`, so `1.2` <
///    `1.10`); a run of spaces or punctuation between words is one separator that sorts
///    before everything (`An Giang` < `Anh`); leading and trailing punctuation is ignored
///    (`“Tiếp tục` sorts under T). Order of kinds: separator < digits < letters of other
///    scripts < Latin/Vietnamese letters.
/// 2. tones, letter by letter from the left: ngang < huyền < hỏi < ngã < sắc < nặng. Old and
///    new tone placement (`hòa`/`hoà`) are equal here.
/// 3. case, letter by letter: lowercase first.
/// 4. the NFC code points of the original text, so the order is total: two strings compare
///    equal only when Swift's `==` says they are equal.
///
/// This is the multi-level scheme of the Unicode Collation Algorithm with the letter and
/// tone order of the CLDR `vi` tailoring (what a browser's `Intl.Collator("vi")` uses), so a
/// list re-sorted in the browser keeps its letters in the same order. Numbers by value and
/// punctuation as a word break are our additions, for section titles like `1.10.`.
public enum VietnameseCollation {
    /// A precomputed key: comparing keys gives the same answer as `compare`, at the cost of
    /// an array comparison, so sorts compute each key once.
    public struct SortKey: Sendable, Hashable, Comparable {
        /// The levels, each level's weights greater than 0 and levels separated by 0, so that a
        /// shorter level sorts before any longer one with the same beginning.
        public let weights: [UInt32]

        public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            lhs.weights.lexicographicallyPrecedes(rhs.weights)
        }
    }

    /// The buckets of an A–Z index, in sort order: `#` for entries that begin with a digit,
    /// with no letter at all, or with a letter of another script, then one bucket per letter of
    /// the Vietnamese alphabet (Đ, Ă, Â, Ê, Ô, Ơ, Ư are letters of their own, as in a
    /// Vietnamese dictionary), then F, J, W, Z at their Latin places.
    public static let buckets: [String] = [otherBucket] + VietnameseAlphabet.uppercaseLetters

    public static let otherBucket = "#"

    private static let sortKeys = BoundedMemo(limit: 200_000, sortKey)

    public static func sortKey(_ s: String) -> SortKey {
        let scalars = CanonicalForms.nfdScalars(VietnameseText.canonicalTones(VietnameseText.normalize(s)))
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        var tertiary: [UInt32] = []
        primary.reserveCapacity(scalars.count)
        secondary.reserveCapacity(scalars.count)
        tertiary.reserveCapacity(scalars.count)
        var pendingSeparator = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if VietnameseAlphabet.isLetter(scalar) {
                var next = index + 1
                while next < scalars.count, VietnameseAlphabet.isMark(scalars[next]) { next += 1 }
                if pendingSeparator { primary.append(Weight.separator) }
                pendingSeparator = false
                if let letter = VietnameseAlphabet.letter(base: scalar, marks: scalars[(index + 1)..<next]) {
                    primary.append(Weight.latinLetter + UInt32(letter.index))
                    secondary.append(UInt32(letter.tone.rawValue) + 1)
                    tertiary.append(letter.isUppercase ? 2 : 1)
                } else {
                    let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
                    primary.append(Weight.otherLetter + lower.value)
                    secondary.append(1)
                    tertiary.append(scalar.properties.isUppercase ? 2 : 1)
                }
                index = next
            } else if VietnameseAlphabet.isDigit(scalar) {
                var next = index
                var digits: [UInt32] = []
                while next < scalars.count, VietnameseAlphabet.isDigit(scalars[next]) {
                    let value = UInt32(scalars[next].properties.numericValue ?? 0)
                    if !(digits.isEmpty && value == 0) { digits.append(value + 1) }
                    next += 1
                }
                if pendingSeparator { primary.append(Weight.separator) }
                pendingSeparator = false
                // Marker, then the count of significant digits, then the digits: a longer
                // number is a larger one, and equal lengths compare digit by digit.
                primary.append(Weight.number)
                primary.append(UInt32(digits.count) + 1)
                primary.append(contentsOf: digits)
                index = next
            } else {
                // A mark on a non-letter is ignorable, not a word break.
                if !primary.isEmpty, !VietnameseAlphabet.isMark(scalar) { pendingSeparator = true }
                index += 1
            }
        }
        var weights: [UInt32] = []
        weights.reserveCapacity(primary.count + secondary.count + tertiary.count + scalars.count + 3)
        weights.append(contentsOf: primary)
        weights.append(0)
        weights.append(contentsOf: secondary)
        weights.append(0)
        weights.append(contentsOf: tertiary)
        weights.append(0)
        for scalar in CanonicalForms.nfc(s).unicodeScalars { weights.append(scalar.value + 1) }
        return SortKey(weights: weights)
    }

    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let left = sortKey(a)
        let right = sortKey(b)
        if left < right { return .orderedAscending }
        if right < left { return .orderedDescending }
        return .orderedSame
    }

    /// For `sort(by:)`; prefer `sorted(_:)` for more than a handful of strings, which
    /// computes each key once.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        sortKey(a) < sortKey(b)
    }

    public static func sorted(_ strings: [String]) -> [String] {
        sorted(strings, by: { $0 })
    }

    /// Sorts values by a string taken from each, e.g. organizations by name. Keys are
    /// remembered across calls (`sortKeys`): the preview sorts the same names after every save.
    public static func sorted<Element>(_ elements: [Element], by text: (Element) -> String) -> [Element] {
        let keys = sortKeys.values(elements.map(text))
        return elements.indices.sorted { keys[$0] < keys[$1] }.map { elements[$0] }
    }

    /// The index bucket (one of `buckets`) an entry is listed under: the uppercase letter of
    /// its first letter with vowel marks kept and tone dropped (`Đảng` → `Đ`, `ước` → `Ư`,
    /// `Ấp` → `Â`), skipping leading spaces and punctuation as the sort does. Consistent with
    /// the sort: in a sorted list the buckets appear in `buckets` order.
    public static func initialLetter(_ s: String) -> String {
        let scalars = CanonicalForms.nfdScalars(VietnameseText.normalize(s))
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if VietnameseAlphabet.isDigit(scalar) { return otherBucket }
            if VietnameseAlphabet.isLetter(scalar) {
                var next = index + 1
                while next < scalars.count, VietnameseAlphabet.isMark(scalars[next]) { next += 1 }
                guard let letter = VietnameseAlphabet.letter(base: scalar, marks: scalars[(index + 1)..<next]) else {
                    return otherBucket
                }
                return VietnameseAlphabet.uppercaseLetters[letter.index]
            }
            index += 1
        }
        return otherBucket
    }

    private enum Weight {
        static let separator: UInt32 = 1
        static let number: UInt32 = 2
        static let otherLetter: UInt32 = 0x10
        static let latinLetter: UInt32 = 0x0020_0000
    }
}
