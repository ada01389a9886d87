import DecuongCore

/// `String.hasPrefix` read from the UTF-8 where the scalars decide it. When every scalar
/// of the prefix, and of the text up to the scalar after the prefix's length, stands alone
/// as a character (`ScalarText.isSimple`, no CR), the characters are those scalars, and
/// two such scalars are canonically equivalent only when they are the same scalar: the
/// text has the prefix exactly when its bytes start with the prefix's. The standard
/// library compares non-ASCII text character by character, some 900 instructions for a
/// prefix such as "BÍ THƯ" that most lines fail at their first byte.
enum SimplePrefix {
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        answer(text, prefix) ?? text.hasPrefix(prefix)
    }

    /// The answer from the bytes, or nil when a scalar read does not stand alone.
    static func answer(_ text: String, _ prefix: String) -> Bool? {
        text.withUTF8Bytes { t -> Bool? in
            prefix.withUTF8Bytes { p -> Bool? in
                guard let pBase = p.baseAddress else { return true }
                guard let tBase = t.baseAddress else { return isSimple(pBase, p.count, through: p.count) ? false : nil }
                guard isSimple(pBase, p.count, through: p.count), isSimple(tBase, t.count, through: p.count) else { return nil }
                guard t.count >= p.count else { return false }
                for k in 0..<p.count where tBase[k] != pBase[k] { return false }
                return true
            }
        }
    }

    /// Whether every scalar of `text` stands alone (`ScalarText.isSimple`, no CR). Between
    /// two such texts `==` and `hasSuffix` are the byte comparisons (`bytesEqual`,
    /// `bytesEndWith`), for the reason `hasPrefix` is.
    static func isSimple(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return true }
            return isSimple(base, bytes.count, through: bytes.count)
        }
    }

    static func bytesEqual(_ a: String, _ b: String) -> Bool {
        a.withUTF8Bytes { x in
            b.withUTF8Bytes { y in
                guard x.count == y.count else { return false }
                for k in 0..<x.count where x[k] != y[k] { return false }
                return true
            }
        }
    }

    /// Whether the bytes of `text` end with those of `suffix`, which must start with an
    /// ASCII byte (so that the bytes matched start a scalar).
    static func bytesEndWith(_ text: String, _ suffix: String) -> Bool {
        text.withUTF8Bytes { x in
            suffix.withUTF8Bytes { y in
                guard x.count >= y.count else { return false }
                let offset = x.count - y.count
                for k in 0..<y.count where x[offset + k] != y[k] { return false }
                return true
            }
        }
    }

    /// Whether the scalars of the valid UTF-8 at `base` (`n` bytes) that start before byte
    /// `limit`, and the first one that starts at or after it, all stand alone, CR excluded.
    private static func isSimple(_ base: UnsafePointer<UInt8>, _ n: Int, through limit: Int) -> Bool {
        var i = 0
        while i < n {
            let start = i
            let byte = base[i]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                i &+= 1
            } else {
                let (scalar, length) = OrganizationScanner.scalar(base, at: i)
                guard ScalarText.isSimple(scalar) else { return false }
                i &+= length
            }
            if start >= limit { break }
        }
        return true
    }
}
