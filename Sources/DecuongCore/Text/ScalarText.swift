/// Fast paths for the string work the recognizer does on every line and every scalar.
///
/// Swift's `Character` view runs the grapheme-breaking algorithm and its
/// `String.UnicodeScalarView` appends one scalar at a time; on a 15 MB site both were
/// among the largest costs of loading. These helpers give the same results by working on
/// scalars and UTF-8 bytes, and fall back to the standard library wherever text holds
/// something whose grapheme clusters are not simply its scalars.
public enum ScalarText {
    /// A string of `scalars`, encoded straight into UTF-8 storage of the exact size.
    /// Inlinable so that callers get it specialized: generic, it cost more than it saved.
    @inlinable
    public static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var length = 0
        for scalar in scalars { length += utf8Length(scalar) }
        guard length > 0 else { return "" }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for scalar in scalars {
                let value = scalar.value
                switch value {
                case 0..<0x80:
                    buffer[i] = UInt8(value)
                    i += 1
                case 0x80..<0x800:
                    buffer[i] = UInt8(0xC0 | (value >> 6))
                    buffer[i + 1] = UInt8(0x80 | (value & 0x3F))
                    i += 2
                case 0x800..<0x10000:
                    buffer[i] = UInt8(0xE0 | (value >> 12))
                    buffer[i + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[i + 2] = UInt8(0x80 | (value & 0x3F))
                    i += 3
                default:
                    buffer[i] = UInt8(0xF0 | (value >> 18))
                    buffer[i + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
                    buffer[i + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[i + 3] = UInt8(0x80 | (value & 0x3F))
                    i += 4
                }
            }
            return i
        }
    }

    @inlinable @inline(__always)
    static func utf8Length(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0..<0x80: 1
        case 0x80..<0x800: 2
        case 0x800..<0x10000: 3
        default: 4
        }
    }

    /// Whether a scalar always forms a grapheme cluster of its own, whatever surrounds it
    /// (CR aside, which joins a following LF). True for ASCII, Latin up to the combining
    /// marks (so all of Vietnamese in NFC, with Latin Extended Additional), and the usual
    /// typographic punctuation; false for marks, joiners, controls of the format kind,
    /// Hangul, Indic and everything else, which then take the standard library's path.
    @inlinable @inline(__always)
    public static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x300 || (value >= 0x1E00 && value <= 0x1EFF) || (value >= 0x2010 && value <= 0x2027)
            || (value >= 0x2030 && value <= 0x205E)
    }

    /// Whether every scalar of `text` is its own `Character`: no scalar joins the one
    /// before or after it (see `isSimple`) and there is no CR (CR LF is one character).
    @inlinable
    public static func isSimple<S: StringProtocol>(_ text: S) -> Bool {
        for scalar in text.unicodeScalars where !isSimple(scalar) || scalar.value == 0x0D { return false }
        return true
    }

    /// Whether every scalar of `scalars` is its own `Character` (see `isSimple(_:)`).
    @inlinable
    public static func isSimple<C: Collection>(scalars: C) -> Bool where C.Element == Unicode.Scalar {
        for scalar in scalars where !isSimple(scalar) || scalar.value == 0x0D { return false }
        return true
    }

    /// `text.count`, without grapheme breaking when every scalar stands alone.
    public static func characterCount(_ text: String) -> Int {
        // Eight bytes at a time, where a byte at a time was the largest cost of extracting
        // lines. (SIMD16 compiled to a loop over lanes, eight times slower.)
        // Lent (`withUTF8Bytes`): `withUTF8` on a copy cost a retain, a release and a
        // uniqueness test per call, for every line.
        let counted: Int? = text.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            let n = bytes.count
            var i = 0
            // Continuation bytes counted per byte lane (a popcount each word cost more than
            // the rest of the loop), summed into `continued` before a lane can overflow.
            var continued = 0
            while n &- i >= 8 {
                var lanes: UInt64 = 0
                let chunkEnd = i &+ min((n &- i) & ~7, 255 &* 8)
                while i < chunkEnd {
                    guard addContinuations(bytes, base, at: i, to: &lanes) else { return nil }
                    i &+= 8
                }
                continued &+= laneSum(lanes)
            }
            var count = i &- continued
            while i < n {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x0D { return nil }
                    count &+= 1
                } else if byte & 0xC0 != 0x80 {
                    // A lead byte (the rest of a scalar begun in the last word is passed over).
                    guard simpleScalarLength(bytes, at: i) != nil else { return nil }
                    count &+= 1
                }
                i &+= 1
            }
            return count
        }
        return counted ?? referenceCharacterCount(text)
    }

    /// One word of the eight-bytes-at-a-time counts: adds its continuation bytes (10xxxxxx),
    /// one per byte lane, to `lanes`; false when the word needs the byte-wise count.
    @inline(__always)
    private static func addContinuations(_ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, at i: Int,
                                         to lanes: inout UInt64) -> Bool {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        // CR may pair with LF: the byte-wise count handles that, rare as it is.
        let cr = word ^ 0x0D0D_0D0D_0D0D_0D0D
        if (cr &- 0x0101_0101_0101_0101) & ~cr & 0x8080_8080_8080_8080 != 0 { return false }
        // Bytes from CC lead the scalars that may not stand alone: the top bit set, and the low
        // seven from 4C, which adding 34 carries into the top bit (never into the next byte).
        // Most are E1 of Latin Extended Additional, checked one by one (telling them in the
        // word cost more).
        var lead = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & 0x8080_8080_8080_8080
        while lead != 0 {
            guard simpleScalarLength(bytes, at: i &+ lead.trailingZeroBitCount &>> 3) != nil else { return false }
            lead &= lead &- 1
        }
        // Every scalar stands alone here: the bytes less the continuation bytes are the characters.
        lanes &+= (word & ~(word &<< 1) & 0x8080_8080_8080_8080) &>> 7
        return true
    }

    /// The sum of the eight bytes of `word`.
    @inline(__always)
    static func laneSum(_ word: UInt64) -> Int {
        let pairs = (word & 0x00FF_00FF_00FF_00FF) &+ ((word &>> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
    }

    /// `characterCount` as it was, a scalar at a time: the reference for the tests, and
    /// the path for text with CR.
    public static func referenceCharacterCount(_ text: String) -> Int {
        // On UTF-8: a scalar below U+0300 has a lead byte up to CB, Latin Extended
        // Additional is E1 B8 … E1 BB, U+2010 … U+205E is E2 80 90 … E2 81 9E.
        var copy = text
        let counted: Int? = copy.withUTF8 { bytes in
            var count = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                if byte < 0x80 {
                    // CR LF is one character; any other pair of these scalars is two.
                    count += 1
                    i += byte == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1
                } else if let length = simpleScalarLength(bytes, at: i) {
                    count += 1
                    i += length
                } else {
                    return nil
                }
            }
            return count
        }
        return counted ?? text.count
    }

    /// Whether `text.count <= limit`, walking no further than `limit + 1` characters: a
    /// long paragraph need not be counted to learn that it is long.
    public static func hasAtMostCharacters(_ text: String, _ limit: Int) -> Bool {
        // The first scalars of a run of scalars that stand alone (see `isSimple`) are
        // characters of their own; the last one read may gain marks, but it is a
        // character either way, so `limit + 1` of them settle the answer.
        let answer: Bool? = text.withUTF8Bytes { bytes in
            var count = 0
            var i = 0
            let n = bytes.count
            // Eight bytes at a time (as in `characterCount`) while the words left before
            // the limit cannot take the count past it: a character has a byte at least, so
            // `limit + 1 - count` bytes hold no more characters than that.
            if let base = bytes.baseAddress {
                while true {
                    // At most 255 words a round, so that no lane of `lanes` overflows.
                    let words = min((limit &+ 1 &- count) / 8, (n &- i) / 8, 255)
                    guard words > 0 else { break }
                    let end = i &+ words &* 8
                    var lanes: UInt64 = 0
                    let start = i
                    while i < end {
                        guard addContinuations(bytes, base, at: i, to: &lanes) else { return nil }
                        i &+= 8
                    }
                    count &+= (end &- start) &- laneSum(lanes)
                }
                // The scalar begun in the last word is counted: its other bytes are passed over.
                while i < n, bytes[i] & 0xC0 == 0x80 { i &+= 1 }
            }
            while i < n {
                if count > limit { return false }
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x0D { return nil }
                    count += 1
                    i += 1
                } else if let length = simpleScalarLength(bytes, at: i) {
                    count += 1
                    i += length
                } else {
                    return nil
                }
            }
            return count <= limit
        }
        return answer ?? (characterCount(text) <= limit)
    }

    /// The UTF-8 length of the non-ASCII scalar at `i` when it stands alone as a character
    /// (see `isSimple`): below U+0300 (lead byte up to CB), Latin Extended Additional (E1 B8 …
    /// E1 BB), U+2010 … U+2027 and U+2030 … U+205E (E2 80 90 … E2 81 9E); nil otherwise.
    @inline(__always)
    static func simpleScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = bytes.count
        let byte = bytes[i]
        if byte <= 0xCB { return 2 }
        if byte == 0xE1, i + 1 < n, bytes[i + 1] >= 0xB8, bytes[i + 1] <= 0xBB { return 3 }
        if byte == 0xE2, i + 2 < n,
           (bytes[i + 1] == 0x80 && ((bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0xA7) || bytes[i + 2] >= 0xB0))
            || (bytes[i + 1] == 0x81 && bytes[i + 2] <= 0x9E) {
            return 3
        }
        return nil
    }

    /// Unicode's White_Space property, without the property tables for ASCII.
    @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// `text.lowercased()` as scalars. The standard library lowercases scalar by scalar
    /// with each one's full lowercase mapping, which builds a string per scalar; ASCII
    /// and the Vietnamese letters take a table-free path here, everything else that one.
    public static func lowercasedScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let lower = simpleLowercase(scalar) {
                out.append(lower)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// `text.lowercased()`, through `lowercasedScalars`.
    public static func lowercased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return string(lowercasedScalars(text))
    }

    /// `text.uppercased()`: the standard library maps scalar by scalar through each one's
    /// full uppercase mapping, a string per scalar; ASCII and the Vietnamese letters take a
    /// table-free path here (`simpleUppercase`), everything else that mapping.
    public static func uppercased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.uppercased() }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let upper = simpleUppercase(scalar) {
                out.append(upper)
            } else {
                out.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars)
            }
        }
        return string(out)
    }

    /// The uppercase mapping of the scalars Vietnamese text is made of, or nil for any
    /// other scalar (ß, for one, maps to two scalars, and ÿ beyond Latin-1).
    @inlinable
    public static func simpleUppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x61...0x7A, 0xE0...0xF6, 0xF8...0xFE: return Unicode.Scalar(value - 0x20)
        case 0...0x60, 0x7B...0x7F, 0xC0...0xDE, 0xF7: return scalar
        // Latin Extended Additional pairs its letters, capital first: Ạ ạ … Ỹ ỹ.
        case 0x1EA0...0x1EF9: return value & 1 == 0 ? scalar : Unicode.Scalar(value & ~1)
        case 0x0102, 0x0110, 0x0128, 0x0168, 0x01A0, 0x01AF: return scalar
        case 0x0103, 0x0111, 0x0129, 0x0169, 0x01A1, 0x01B0: return Unicode.Scalar(value - 1)
        // General punctuation (dashes, quotes, ellipsis) has no case.
        case 0x2010...0x205E: return scalar
        default: return nil
        }
    }

    /// The lowercase mapping of the scalars Vietnamese text is made of, or nil for any
    /// other scalar. Only one-to-one mappings are listed (İ, for one, maps to two scalars).
    @inlinable
    public static func simpleLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return Unicode.Scalar(value + 0x20)
        case 0...0x40, 0x5B...0x7F, 0xDF...0xF6, 0xF8...0xFF: return scalar
        // Latin Extended Additional pairs its letters, capital first: Ạ ạ … Ỹ ỹ.
        case 0x1EA0...0x1EF9: return value & 1 == 1 ? scalar : Unicode.Scalar(value | 1)
        case 0x0102, 0x0110, 0x0128, 0x0168: return Unicode.Scalar(value + 1)
        case 0x0103, 0x0111, 0x0129, 0x0169, 0x01A1, 0x01B0: return scalar
        case 0x01A0: return Unicode.Scalar(0x01A1)
        case 0x01AF: return Unicode.Scalar(0x01B0)
        // General punctuation (dashes, quotes, ellipsis) has no case.
        case 0x2010...0x205E: return scalar
        default: return nil
        }
    }

    // MARK: Eight bytes at a time

    /// How many bytes of `word` start a scalar (are not UTF-8 continuation bytes, 10xxxxxx).
    @inlinable @inline(__always)
    public static func scalarStarts(_ word: UInt64) -> Int {
        let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
        return 8 - continuation.nonzeroBitCount
    }
}
