/// `VietnameseText.foldedText(_:contains:)` read from the UTF-8 bytes. The recognizer asks
/// it of every section title (is this "Tổ chức thực hiện", "Nội dung"?), and the scalar
/// iterator, the array it filled and the letter table's once-check on every non-ASCII
/// scalar cost some 5,000 instructions a title.
public enum FoldedPhraseSearch {
    /// The ASCII letter each scalar below U+1F00 folds to (0: none), built as
    /// `VietnameseText`'s own table is, from `VietnameseAlphabet`. Its letters lie in
    /// Latin up to U+0256 (ɖ, a look-alike of đ) and in Latin Extended Additional (a test
    /// reads the gap between), so only those are looked up: a lookup for each of the 7,936
    /// scalars cost 5 M instructions at the start of every run.
    static let plainLetters: [UInt8] = (0..<0x1F00).map { value in
        guard value < letterGap.lowerBound || value >= letterGap.upperBound else { return 0 }
        guard let scalar = Unicode.Scalar(UInt32(value)), let letter = VietnameseAlphabet.letter(composed: scalar) else { return 0 }
        return UInt8(VietnameseAlphabet.plainLetters[letter.index].value)
    }

    /// The scalars between the blocks of Vietnamese letters.
    static let letterGap: Range<UInt32> = 0x257..<0x1E00

    /// Whether `VietnameseText.fold(text)` contains `phrase` (lowercase ASCII letters and
    /// spaces); the same answer as `VietnameseText.foldedText(text, contains: phrase)`,
    /// which it falls back to for a scalar the bytes do not settle.
    public static func foldedText(_ text: String, contains phrase: String) -> Bool {
        let table = plainLetters
        // Lent, not copied for `withUTF8` (a retain, a release and a uniqueness test each).
        let answer: Bool? = text.withUTF8Bytes { bytes in
            phrase.withUTF8Bytes { pattern in
                // A folded scalar takes no more bytes than it had: one ASCII letter for
                // a letter, itself for ASCII and for the punctuation kept.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { folded in
                    guard let written = fold(bytes, into: folded, table: table) else { return nil }
                    return contains(UnsafeBufferPointer(rebasing: folded[..<written]), pattern)
                }
            }
        }
        return answer ?? VietnameseText.foldedText(text, contains: phrase)
    }

    /// The folded bytes of the valid UTF-8 `bytes`, as `foldedText` folds them; nil at the
    /// first scalar that needs `VietnameseText.fold`. ASCII eight bytes at a time: each
    /// word is written lowercased (capitals have 41 … 5A in seven bits: adding 3F sets the
    /// top bit from 41, adding 25 from 5B, without a carry between lanes) and the output
    /// moves on by the word's ASCII bytes before its first other byte, whose scalar is
    /// then folded alone (its lanes' bytes are written over). Byte by byte, the ASCII of a
    /// title was most of its folding.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                     table: [UInt8]) -> Int? {
        guard let base = bytes.baseAddress, let target = out.baseAddress else { return 0 }
        var i = 0
        var o = 0
        let n = bytes.count
        return table.withUnsafeBufferPointer { table in
            while true {
                // The output never runs ahead of the input (`o <= i`), so eight bytes
                // written at `o` fit whenever eight are left to read at `i`.
                while n &- i >= 8 {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let low = word & 0x7F7F_7F7F_7F7F_7F7F
                    let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~word & 0x8080_8080_8080_8080
                    UnsafeMutableRawPointer(target + o).storeBytes(of: word | capitals &>> 2, as: UInt64.self)
                    let high = word & 0x8080_8080_8080_8080
                    if high == 0 {
                        i &+= 8
                        o &+= 8
                        continue
                    }
                    let ascii = high.trailingZeroBitCount &>> 3
                    i &+= ascii
                    o &+= ascii
                    // The scalar at `i` is not ASCII.
                    guard let length = foldScalar(base, at: i, into: target, at: &o, table) else { return nil }
                    i &+= length
                }
                guard i < n else { return o }
                let byte = base[i]
                if byte < 0x80 {
                    target[o] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    o &+= 1
                    i &+= 1
                } else {
                    guard let length = foldScalar(base, at: i, into: target, at: &o, table) else { return nil }
                    i &+= length
                }
            }
        }
    }

    /// Folds the scalar beyond ASCII led by the byte at `i` into `out` at `o` (moved on);
    /// its length in bytes, or nil when it needs `VietnameseText.fold`.
    @inline(__always)
    private static func foldScalar(_ bytes: UnsafePointer<UInt8>, at i: Int, into out: UnsafeMutablePointer<UInt8>,
                                   at o: inout Int, _ table: UnsafeBufferPointer<UInt8>) -> Int? {
        let byte = bytes[i]
        let value: UInt32
        let length: Int
        if byte < 0xE0 {
            value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
            length = 2
        } else if byte < 0xF0 {
            value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
            length = 3
        } else {
            return nil
        }
        if value < 0x1F00, table[Int(value)] != 0 {
            out[o] = table[Int(value)]
            o &+= 1
        } else if (value >= 0x2010 && value <= 0x2027) || (value >= 0x2030 && value <= 0x205E) {
            // Dashes, quotes and the ellipsis fold to themselves: their own three bytes.
            out[o] = bytes[i]
            out[o &+ 1] = bytes[i &+ 1]
            out[o &+ 2] = bytes[i &+ 2]
            o &+= 3
        } else {
            return nil
        }
        return length
    }

    /// `fold` a scalar at a time, as it was first written: the reference for its test.
    static func scalarFold(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                           table: [UInt8]) -> Int? {
        var i = 0
        var o = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                out[o] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                o += 1
                i += 1
                continue
            }
            let value: UInt32
            let length: Int
            if byte < 0xE0 {
                value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                length = 2
            } else if byte < 0xF0 {
                value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                length = 3
            } else {
                return nil
            }
            if value < 0x1F00, table[Int(value)] != 0 {
                out[o] = table[Int(value)]
                o += 1
            } else if (value >= 0x2010 && value <= 0x2027) || (value >= 0x2030 && value <= 0x205E) {
                // Dashes, quotes and the ellipsis fold to themselves: their own three bytes.
                out[o] = bytes[i]
                out[o + 1] = bytes[i + 1]
                out[o + 2] = bytes[i + 2]
                o += 3
            } else {
                return nil
            }
            i += length
        }
        return o
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
            var k = 1
            while k < pattern.count, bytes[start + k] == pattern[k] { k += 1 }
            if k == pattern.count { return true }
        }
        return false
    }
}
