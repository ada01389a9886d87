import Foundation

/// The text transformations every stage shares, so that a word found in a document, typed
/// into search, or turned into a file name compares the same way everywhere.
///
/// - `normalize`: what is stored (NFC, Đ look-alikes repaired).
/// - `exactKey`: what "the same word" means with diacritics (old and new tone placement and
///   case set aside).
/// - `fold`: what "the same word" means without diacritics, for search and slugs.
public enum VietnameseText {
    /// NFC, with the look-alikes of Đ/đ that PDF and Word conversions produce (Ð U+00D0,
    /// Ɖ U+0189, ð U+00F0, ɖ U+0256) replaced by the real letters. Nothing is dropped.
    public static func normalize(_ s: String) -> String {
        // One pass answers both questions for text that is NFC already (nearly all).
        let (compose, lookalike) = scan(s)
        let composed = compose ? s.precomposedStringWithCanonicalMapping : s
        guard compose ? hasDStrokeLookalike(composed) : lookalike else { return composed }
        var scalars = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars {
            scalars.append(dStrokeReplacement(scalar) ?? scalar)
        }
        return String(scalars)
    }

    /// Whether `s` holds one of the look-alikes `dStrokeReplacement` replaces, read from
    /// UTF-8: C3 90, C6 89, C3 B0 and C9 96 encode nothing else in valid UTF-8.
    static func hasDStrokeLookalike(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var i = 0
            while i + 1 < bytes.count {
                let byte = bytes[i]
                i += 1
                guard byte == 0xC3 || byte == 0xC6 || byte == 0xC9 else { continue }
                if isLookalike(byte, bytes[i]) { return true }
            }
            return false
        }
    }

    /// Whether `s` may not be NFC: it holds a combining mark, or a scalar that NFC could
    /// compose with one. Pasted text is nearly always NFC already, and Foundation's
    /// normalization walks the whole file, so it runs only when something could change.
    static func mayNeedComposition(_ s: String) -> Bool {
        scan(s).compose
    }

    /// `mayNeedComposition(s)`, and (when that is false) `hasDStrokeLookalike(s)`, in one
    /// pass decoded from UTF-8 by hand: sixteen bytes at a time, only the lead bytes that may
    /// answer looked at (`blockScan`).
    static func scan(_ s: String) -> (compose: Bool, lookalike: Bool) {
        blockScan(s)
    }

    /// `scan` a scalar at a time, passing ASCII over a word at a time: scalars below U+0300
    /// (lead bytes up to CB) and Vietnamese letters (E1 B8 … E1 BB) are passed over without
    /// decoding. What `scan` was before `pairwiseScan`, kept as a reference for its test.
    static func wordwiseScan(_ s: String) -> (compose: Bool, lookalike: Bool) {
        s.withUTF8Bytes { scalarScan($0, from: 0, wordwise: true, lookalike: false) }
    }

    /// `scan` a byte at a time over ASCII, as it was first written: the reference for the
    /// test of the eight-byte skip; everything else is the same code.
    static func referenceScan(_ s: String) -> (compose: Bool, lookalike: Bool) {
        s.withUTF8Bytes { scalarScan($0, from: 0, wordwise: false, lookalike: false) }
    }

    /// The scan from byte `start` (the start of a scalar), with the look-alike found so far.
    @inline(__always)
    static func scalarScan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, wordwise: Bool,
                           lookalike found: Bool) -> (compose: Bool, lookalike: Bool) {
        var lookalike = found
        var i = start
        let n = bytes.count
        while i < n {
            // ASCII is passed over a word at a time: the next byte with its top bit set
            // (`i` is always at the start of a scalar, so it leads one) is found from
            // the word's top bits. A byte at a time, ASCII was most of the scan's cost.
            if wordwise, n &- i >= 8, let base = bytes.baseAddress {
                let high = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    & 0x8080_8080_8080_8080
                if high == 0 {
                    i &+= 8
                    continue
                }
                i &+= high.trailingZeroBitCount &>> 3
            }
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                continue
            }
            if byte <= 0xDF {
                guard i + 1 < n else { break }
                let next = bytes[i + 1]
                if isLookalike(byte, next) { lookalike = true }
                // Two-byte scalars from U+0300 up are combining marks and other scripts.
                if byte >= 0xCC, needsComposition(UInt32(byte & 0x1F) << 6 | UInt32(next & 0x3F)) { return (true, lookalike) }
                i += 2
            } else if byte <= 0xEF {
                guard i + 2 < n else { break }
                if byte == 0xE1, bytes[i + 1] >= 0xB8, bytes[i + 1] <= 0xBB {
                    i += 3
                    continue
                }
                let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                if needsComposition(value) { return (true, lookalike) }
                i += 3
            } else {
                guard i + 3 < n else { break }
                let value = UInt32(byte & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                if needsComposition(value) { return (true, lookalike) }
                i += 4
            }
        }
        return (false, lookalike)
    }

    /// Whether a two-byte scalar is one of the look-alikes of Đ/đ: C3 90, C6 89, C3 B0
    /// and C9 96 encode nothing else in valid UTF-8.
    @inline(__always)
    static func isLookalike(_ byte: UInt8, _ next: UInt8) -> Bool {
        (byte == 0xC3 && (next == 0x90 || next == 0xB0)) || (byte == 0xC6 && next == 0x89) || (byte == 0xC9 && next == 0x96)
    }

    /// One scalar's part of `mayNeedComposition`.
    static func needsComposition(_ value: UInt32) -> Bool {
        guard value >= 0x300, let scalar = Unicode.Scalar(value), !ScalarText.isSimple(scalar) else { return false }
        // Combining diacritics (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF,
        // U+FE20–U+FE2F), Hangul jamo, and anything outside the BMP's common blocks.
        return (0x300...0x36F).contains(value) || (0x1AB0...0x1AFF).contains(value) || (0x1DC0...0x1DFF).contains(value)
            || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value) || (0x1100...0x11FF).contains(value)
            || scalar.properties.canonicalCombiningClass != .notReordered
    }

    /// Moves each syllable's tone mark to its "new style" place (`hòa` → `hoà`, `thủy` →
    /// `thuỷ`, `qúy` → `quý`) so that both spellings in circulation compare equal. Case is
    /// kept; the result is NFC. The placement rule is documented on `TonePlacement`; words
    /// that are not Vietnamese syllables are left as they are.
    public static func canonicalTones(_ s: String) -> String {
        let composed = CanonicalForms.nfc(s)
        // ASCII has no tone marks to move (a cited number, an English name).
        if composed.utf8.allSatisfy({ $0 < 0x80 }) { return composed }
        // Sized by bytes (at least the scalars): `Array(_:)` counted the scalars first.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(composed.utf8.count)
        for scalar in composed.unicodeScalars { scalars.append(scalar) }
        var changed = false
        var index = 0
        while index < scalars.count {
            guard VietnameseAlphabet.isLetter(scalars[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count,
                  VietnameseAlphabet.isLetter(scalars[end]) || VietnameseAlphabet.isMark(scalars[end]) {
                end += 1
            }
            // A lone vowel cannot lose its tone to another one; skipping it saves the analysis
            // for most syllables.
            if end - index > 1, TonePlacement.canonicalize(&scalars, in: index..<end) {
                changed = true
            }
            index = end
        }
        guard changed else { return composed }
        // Appending to a `String.UnicodeScalarView` cost about 13,000 instructions a name.
        return ScalarText.string(scalars)
    }

    /// Lowercase, with every diacritic (tones and the vowel marks of ă â ê ô ơ ư) removed and
    /// đ written d, which Foundation's diacritic folding does not do: `Xây dựng Đảng` →
    /// `xay dung dang`. Punctuation, digits and spacing are kept.
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        let composed = CanonicalForms.nfc(s)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(composed.utf8.count)
        for scalar in composed.unicodeScalars {
            if scalar.isASCII {
                output.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar)
            } else if scalar.value < 0x1F00, case let plain = plainLetterTable[Int(scalar.value)], plain != 0 {
                output.append(Unicode.Scalar(plain))
            } else if let letter = VietnameseAlphabet.letter(composed: scalar) {
                output.append(VietnameseAlphabet.plainLetters[letter.index])
            } else if !isDiacritic(scalar) {
                output.append(contentsOf: foldedOther(scalar))
            }
        }
        return ScalarText.string(output)
    }

    /// `VietnameseAlphabet.letter(composed:)` folded to its plain ASCII letter, for every
    /// scalar below U+1F00 (0 where there is no letter): an array read instead of a
    /// dictionary lookup for each letter of a title. Built from that function, so the two
    /// cannot disagree.
    private static let plainLetterTable: [UInt8] = (0..<0x1F00).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), let letter = VietnameseAlphabet.letter(composed: scalar) else { return 0 }
        return UInt8(VietnameseAlphabet.plainLetters[letter.index].value)
    }

    /// Whether `fold(s)` contains `phrase` (lowercase ASCII letters and spaces). Text of
    /// ASCII and Vietnamese letters folds scalar for scalar to ASCII, where `contains` is a
    /// plain search: done here without building the folded string. Anything else
    /// (punctuation beyond ASCII, marks, other scripts) takes `fold` and Foundation's search.
    public static func foldedText(_ s: String, contains phrase: String) -> Bool {
        let pattern = Array(phrase.utf8)
        var folded: [UInt8] = []
        folded.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                folded.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value))
            } else if value < 0x1F00, case let plain = plainLetterTable[Int(value)], plain != 0 {
                folded.append(plain)
            } else if (value >= 0x2010 && value <= 0x2027) || (value >= 0x2030 && value <= 0x205E) {
                // Dashes, quotes and the ellipsis fold to themselves and stand alone as
                // characters, so a byte match is a character match: no need for `fold`.
                folded.append(UInt8(0xE0 | (value >> 12)))
                folded.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                folded.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                // A match holds the phrase's ASCII bytes, so a byte search rules out nearly
                // every text before Foundation's search decides.
                let full = fold(s)
                return contains(Array(full.utf8), pattern) && full.contains(phrase)
            }
        }
        return contains(folded, pattern)
    }

    private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first else { return true }
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }

    /// The general path for letters outside the Vietnamese alphabet (ü, İ, other scripts).
    private static func foldedOther(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping
        let kept = String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { !isDiacritic($0) }))
        return kept.precomposedStringWithCanonicalMapping.unicodeScalars
    }

    /// Lowercase NFC with canonical tone placement and all diacritics kept: the key under which
    /// `Hòa`, `hoà` and `HOÀ` are one word but `hoa` is another.
    public static func exactKey(_ s: String) -> String {
        canonicalTones(lowercased(normalize(s)))
    }

    /// `s.lowercased()`, which maps each scalar on its own to its `lowercaseMapping`: read
    /// from a table for the scalars below U+1F00, where the standard library looked up the
    /// property of every scalar (about 14,000 instructions for an organization's name).
    public static func lowercased(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.utf8.count)
        let table = lowercaseTable
        for scalar in s.unicodeScalars {
            let value = scalar.value
            if value < 0x1F00, case let mapped = table[Int(value)], mapped != multiScalar, let lower = Unicode.Scalar(mapped) {
                out.append(lower)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return ScalarText.string(out)
    }

    private static let multiScalar = UInt32.max

    /// Each scalar's `lowercaseMapping` below U+1F00 when it is one scalar (`multiScalar` when
    /// it is more, as for U+0130), made from the property itself so the two cannot disagree.
    private static let lowercaseTable: [UInt32] = (0..<0x1F00).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return multiScalar }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapped.count == 1, let only = mapped.first else { return multiScalar }
        return only.value
    }

    static func dStrokeReplacement(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x00D0, 0x0189: "\u{0110}"
        case 0x00F0, 0x0256: "\u{0111}"
        default: nil
        }
    }

    /// The combining diacritical mark blocks; marks of other scripts (Indic vowel signs …)
    /// carry letters, not accents, and are kept.
    private static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }
}
