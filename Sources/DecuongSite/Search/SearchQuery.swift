import DecuongCore
import Foundation

/// A query as the search page reads it, the Swift twin of `parseQuery` in `search.js`.
/// Whitespace separates chunks; a chunk that starts with a digit and holds a letter is a
/// document number (`35-NQ/TW`, `35nqtw`); other chunks give syllables (letter runs with
/// their marks, digit runs). Text between straight or curly double quotes is a phrase: its
/// syllable pairs must all be present.
public struct SearchQuery: Sendable, Hashable {
    public enum Term: Sendable, Hashable {
        case syllable(exact: String, folded: String)
        case documentNumber(String)
    }

    public var terms: [Term] = []
    /// Indices into `terms` of syllables written next to each other.
    public var pairs: [Pair] = []

    public struct Pair: Sendable, Hashable {
        public var first: Int
        public var second: Int
        /// Inside quotes: the pair must be present for a full match.
        public var required: Bool
    }

    public init(_ raw: String) {
        let text = Self.joinSpacedNumbers(VietnameseText.normalize(raw))
        var inQuote = false
        var chunk = String.UnicodeScalarView()
        var chunkQuoted = false
        var lastSyllable: (index: Int, quoted: Bool)?
        var chunks: [(String, Bool)] = []
        func flush() {
            if !chunk.isEmpty { chunks.append((String(chunk), chunkQuoted)) }
            chunk = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" {
                flush()
                inQuote.toggle()
                chunkQuoted = inQuote
            } else if scalar.properties.isWhitespace {
                flush()
                chunkQuoted = inQuote
            } else {
                if chunk.isEmpty { chunkQuoted = inQuote }
                chunk.append(scalar)
            }
        }
        flush()
        for (word, quoted) in chunks {
            let scalars = Array(word.unicodeScalars)
            if let first = scalars.first, Self.isDigit(first), scalars.contains(where: Self.isLetter) {
                let compact = VietnameseText.fold(word).unicodeScalars.filter { Self.isLetter($0) || Self.isDigit($0) }
                terms.append(.documentNumber(String(String.UnicodeScalarView(compact))))
                lastSyllable = nil
                continue
            }
            // Punctuation at either end of a chunk ends a phrase, as it does in the index.
            if let first = scalars.first, !Self.isLetter(first), !Self.isDigit(first) { lastSyllable = nil }
            var index = 0
            var previousEnd: Int?
            let before = terms.count
            while index < scalars.count {
                let start = index
                if Self.isLetter(scalars[index]) {
                    index += 1
                    while index < scalars.count, Self.isLetter(scalars[index]) || Self.isMark(scalars[index]) { index += 1 }
                } else if Self.isDigit(scalars[index]) {
                    index += 1
                    while index < scalars.count, Self.isDigit(scalars[index]) { index += 1 }
                } else {
                    index += 1
                    continue
                }
                let piece = String(String.UnicodeScalarView(scalars[start..<index]))
                terms.append(.syllable(exact: VietnameseText.exactKey(piece), folded: VietnameseText.fold(piece)))
                // Joined to the previous syllable across whitespace, or with nothing between.
                if let last = lastSyllable, previousEnd == nil || previousEnd == start {
                    pairs.append(Pair(first: last.index, second: terms.count - 1, required: quoted && last.quoted))
                }
                lastSyllable = (terms.count - 1, quoted)
                previousEnd = index
            }
            if terms.count == before || previousEnd != scalars.count { lastSyllable = nil }
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// `35 - NQ/TW` → `35-NQ/TW`: documents write numbers with spaces around the dash, and
    /// so do people typing them. (`joinSpacedNumbers` in search.js does the same.)
    private static let spacedNumberPattern = "(\\p{Nd})\\s*([\\-\u{2010}-\u{2013}\u{2212}/])\\s*(?=\\p{L})"

    static func joinSpacedNumbers(_ text: String) -> String {
        // Made per query (NSRegularExpression is not Sendable); queries are a few words.
        guard let regex = try? NSRegularExpression(pattern: spacedNumberPattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1$2")
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .decimalNumber }
}
