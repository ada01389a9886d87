import DecuongCore

/// Finds document numbers (`35-NQ/TW`, `30/2020/NĐ-CP`, `14 - KH/ĐU.KBT`) in text,
/// with the kind word and date that usually surround them.
enum DocumentNumberScanner {
    struct Match: Sendable, Hashable {
        /// Spaces removed, dashes unified: `14-KH/ĐU.KBT`.
        var id: String
        /// Character offsets in the scanned text.
        var range: Range<Int>
    }

    static func scan(_ text: String) -> [Match] {
        let scalars = Array(text.unicodeScalars)
        // Map scalar offsets back to character offsets (NFC text: nearly always 1:1).
        var characterOffset: [Int] = []
        characterOffset.reserveCapacity(scalars.count + 1)
        var count = 0
        for character in text {
            for _ in character.unicodeScalars { characterOffset.append(count) }
            count += 1
        }
        characterOffset.append(count)
        var matches: [Match] = []
        var i = 0
        while i < scalars.count {
            let startsWord = i == 0 || !(scalars[i - 1].properties.isAlphabetic || isDigit(scalars[i - 1])
                                         || scalars[i - 1] == "/" || scalars[i - 1] == "-" || scalars[i - 1] == ".")
            if startsWord, isDigit(scalars[i]), let end = DocumentNumbers.match(scalars, from: i) {
                var raw = String(String.UnicodeScalarView(scalars[i..<end]))
                raw.removeAll { $0 == " " || $0 == "\u{00A0}" }
                raw = raw.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "‐", with: "-")
                matches.append(Match(id: raw, range: characterOffset[i]..<characterOffset[end]))
                i = end
            } else {
                i += 1
            }
        }
        return matches
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
