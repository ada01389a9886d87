import Foundation

/// One token of text for search and linking: a run of letters (a Vietnamese syllable, a
/// Roman numeral, a foreign word), a run of digits, or a whole document number such as
/// `35-NQ/TW`.
///
/// Positions are UTF-16 offsets into the string that was split, because the snippets are
/// highlighted in the browser, where JavaScript strings index UTF-16 code units; in Swift,
/// `range(in:)` turns them back into string indices.
public struct Syllable: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Letters (with their combining marks).
        case word
        /// Decimal digits.
        case number
        /// A document number (số ký hiệu): digits, optionally `/year`, then letter groups
        /// joined by `-`, `/` or `.`: `114-KH/BTCTW`, `30/2020/NĐ-CP`, `14 - KH/ĐU.KBT`.
        case documentNumber
    }

    /// The source text exactly as written, spaces inside a document number included.
    public var text: String
    /// UTF-16 code unit offsets of `text` in the source string.
    public var utf16Range: Range<Int>
    public var kind: Kind

    public init(text: String, utf16Range: Range<Int>, kind: Kind) {
        self.text = text
        self.utf16Range = utf16Range
        self.kind = kind
    }

    /// For a document number, the number as it is normally written: NFC, spaces removed, any
    /// dash written `-` (`14 - KH/ĐU.KBT` → `14-KH/ĐU.KBT`). Other tokens: `text` in NFC.
    public var canonicalText: String {
        let composed = VietnameseText.normalize(text)
        guard kind == .documentNumber else { return composed }
        var scalars = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars where !DocumentNumberMatcher.isSpace(scalar) {
            scalars.append(DocumentNumberMatcher.isDash(scalar) ? "-" : scalar)
        }
        return String(scalars)
    }

    /// Folded letters and digits only, the form a user types when they skip the punctuation:
    /// `35-NQ/TW` → `35nqtw`, `14 - KH/ĐU.KBT` → `14khdukbt`.
    public var compactKey: String {
        String(String.UnicodeScalarView(VietnameseText.fold(text).unicodeScalars.filter {
            VietnameseAlphabet.isLetter($0) || VietnameseAlphabet.isDigit($0)
        }))
    }

    /// The token's range in `source` (the string that was split), or nil for another string
    /// too short to hold it.
    public func range(in source: String) -> Range<String.Index>? {
        let units = source.utf16
        guard utf16Range.lowerBound >= 0, utf16Range.upperBound <= units.count else { return nil }
        let lower = units.index(units.startIndex, offsetBy: utf16Range.lowerBound)
        let upper = units.index(lower, offsetBy: utf16Range.count)
        return lower..<upper
    }
}
