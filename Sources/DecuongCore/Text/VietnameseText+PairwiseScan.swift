extension VietnameseText {
    /// `wordwiseScan` eight bytes at a time through Vietnamese text as well as ASCII. The
    /// scalar-at-a-time scan went back to the word skip after every letter with a
    /// diacritic (one scalar in three or four of Vietnamese prose) only to find the next
    /// one a few bytes on. Here each word's lead bytes (C0 … FF) are found from its top
    /// bits and each is answered from itself and the byte after it, which lies in the same
    /// word or the next byte (the loop stops nine bytes before the end): leads below CC
    /// need no composition (a look-alike is a lead and its next byte), E1 before B8 … BB is
    /// a letter of Latin Extended Additional (U+1E00–U+1EFF, standing alone), and only the
    /// other leads decode their scalar. A continuation byte (80 … BF) is no lead, so every
    /// lane looked at starts a scalar, and lanes are taken in order: the answer is
    /// `wordwiseScan`'s, look-alikes found before a scalar needing composition included.
    static func pairwiseScan(_ s: String) -> (compose: Bool, lookalike: Bool) {
        s.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return (false, false) }
            let n = bytes.count
            var lookalike = false
            var i = 0
            while n &- i >= 9 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                // Lead bytes of scalars beyond ASCII (C0 … FF: the top two bits set); most
                // words of Vietnamese prose hold one or two, nearly all answered by the byte
                // and the one after it.
                var leads = word & (word &<< 1) & 0x8080_8080_8080_8080
                while leads != 0 {
                    let p = i &+ leads.trailingZeroBitCount &>> 3
                    leads &= leads &- 1
                    let byte = base[p]
                    let second = base[p &+ 1]
                    if byte < 0xCC {
                        // Scalars below U+0300 need no composition; some are look-alikes.
                        if !lookalike, isLookalike(byte, second) { lookalike = true }
                        continue
                    }
                    // Latin Extended Additional (E1 B8 … E1 BB): every toned Vietnamese letter.
                    if byte == 0xE1, second & 0xFC == 0xB8 { continue }
                    guard let value = scalarValue(base, at: p, count: n) else { return (false, lookalike) }
                    if needsComposition(value) { return (true, lookalike) }
                }
                i &+= 8
            }
            // The rest of a scalar begun in the last word was answered with its lead byte.
            while i < n, base[i] & 0xC0 == 0x80 { i &+= 1 }
            return scalarScan(bytes, from: i, wordwise: false, lookalike: lookalike)
        }
    }

    /// The scalar whose lead byte, from C0 up, is `base[p]` (its second byte inside `count`);
    /// nil when the text ends inside it, which a String's valid UTF-8 never does.
    @inline(__always)
    static func scalarValue(_ base: UnsafePointer<UInt8>, at p: Int, count n: Int) -> UInt32? {
        let byte = base[p]
        let second = base[p &+ 1]
        if byte <= 0xDF { return UInt32(byte & 0x1F) << 6 | UInt32(second & 0x3F) }
        if byte <= 0xEF {
            guard p &+ 2 < n else { return nil }
            return UInt32(byte & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(base[p &+ 2] & 0x3F)
        }
        guard p &+ 3 < n else { return nil }
        return UInt32(byte & 0x07) << 18 | UInt32(second & 0x3F) << 12 | UInt32(base[p &+ 2] & 0x3F) << 6 | UInt32(base[p &+ 3] & 0x3F)
    }
}
