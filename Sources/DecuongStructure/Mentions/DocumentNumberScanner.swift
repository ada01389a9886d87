import DecuongCore

/// Finds document numbers (`35-NQ/TW`, `30/2020/NĐ-CP`, `14 - KH/ĐU.KBT`) in text,
/// with the kind word and date that usually surround them.
enum DocumentNumberScanner {
    struct Match: Sendable, Hashable {
        /// Spaces removed, dashes unified: `14-KH/ĐU.KBT`.
        var id: String
        /// Scalar offsets in the scanned text.
        var range: Range<Int>
    }

    static func scan(_ text: String) -> [Match] {
        scan(Array(text.unicodeScalars))
    }

    /// Matches with scalar offsets.
    static func scan(_ scalars: [Unicode.Scalar]) -> [Match] {
        var matches: [Match] = []
        var i = 0
        while i < scalars.count {
            // Cheap test first: Unicode properties are slow to look up for every scalar.
            i = scalars.withUnsafeBufferPointer { buffer in
                var k = i
                // Four scalars at a time while none is a digit.
                if let base = buffer.baseAddress {
                    while buffer.count &- k >= 4,
                          !any((UnsafeRawPointer(base + k).loadUnaligned(as: SIMD4<UInt32>.self) &- 0x30) .< 10) {
                        k &+= 4
                    }
                }
                while k < buffer.count, buffer[k].value &- 0x30 >= 10 { k &+= 1 }
                return k
            }
            guard i < scalars.count else { break }
            // `isLetterFast` is `properties.isAlphabetic` with the Latin ranges answered
            // without the tables (checked against them in the tests).
            let startsWord = i == 0 || !(scalars[i - 1].isLetterFast || isDigit(scalars[i - 1])
                                         || scalars[i - 1] == "/" || scalars[i - 1] == "-" || scalars[i - 1] == ".")
            if startsWord, let end = DocumentNumbers.match(scalars, from: i) {
                // Encoded in one go: appending to a scalar view grew the string scalar by scalar.
                let id = ScalarText.string(scalars[i..<end].lazy.filter { $0 != " " && $0 != "\u{00A0}" }
                    .map { $0 == "–" || $0 == "‐" ? "-" : $0 })
                matches.append(Match(id: id, range: i..<end))
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
