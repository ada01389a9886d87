import DecuongCore

/// `OrganizationScanner.scan(_:known:)` read from UTF-8: a run of prose without digits
/// needs no other scanner, and decoding its every scalar to find the few names in it cost
/// more than the search. The scalar scan stays as the reference (and serves names from
/// site.yml); the tests hold the two equal.
extension OrganizationScanner {
    /// The heads as UTF-8, by their first byte, in `heads` order: heads with one first
    /// scalar share its first byte, and heads of different first scalars cannot both
    /// match at one place, so the first match is the one the scalar scan takes.
    static let headBytesByFirst: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for head in heads {
            let bytes = Array(head.utf8)
            if let first = bytes.first { table[Int(first)].append(bytes) }
        }
        return table
    }()

    /// The first two bytes of the heads, as bits `first << 8 | second`: most places the
    /// byte scan stops at ("đ", "Phát", "Nhằm" after a space) start no head, and one bit
    /// tells so before the heads are compared.
    static let headPairs: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for head in heads {
            let bytes = Array(head.utf8)
            guard bytes.count >= 2 else { continue }
            let pair = Int(bytes[0]) << 8 | Int(bytes[1])
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        return bits
    }()

    /// `scan(Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), known: known)`
    /// for the valid UTF-8 `bytes`: the names with scalar offsets. Scalars are decoded
    /// only around heads.
    static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, known: [String]) -> [(String, Range<Int>)] {
        var found: [(String, Range<Int>)] = []
        scan(utf8: bytes, known: known) { found.append(($0, $1)) }
        return found
    }

    /// `scan(utf8:known:)`, each name given to `body` in turn: most runs name someone,
    /// and an array for each run's names cost more than keeping them.
    static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, known: [String], _ body: (String, Range<Int>) -> Void) {
        var names = NameTable()
        scan(utf8: bytes, known: known, names: &names, body)
    }

    /// `scan(utf8:known:_:)`, a name found before (in `names`) given as the string made
    /// for it then, and a new one made once and added: a document names a few
    /// organizations many times.
    static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, known: [String], names: inout NameTable,
                     _ body: (String, Range<Int>) -> Void) {
        // Names from site.yml mark what they cover: the scalar scan keeps that logic.
        guard known.allSatisfy(\.isEmpty) else {
            for (name, range) in scan(decode(bytes[...]), known: known) { body(name, range) }
            return
        }
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        // Scalars before byte `countedTo`: names come in order, so each byte is counted once.
        var countedTo = 0
        var countedScalars = 0
        var i = 0
        let pairs = headPairs
        let headsByFirst = headBytesByFirst
        while true {
            i = pairs.withUnsafeBufferPointer { nextHeadStart(base, n, from: i, pairs: $0) }
            guard i < n else { break }
            guard let head = headsByFirst[Int(base[i])].first(where: { matches($0, base, n, at: i) }) else {
                i &+= 1
                continue
            }
            var end = i &+ head.count
            var words = 0
            var capitalized = 0
            while true {
                var j = end
                guard j < n, base[j] == 0x20 else { break }
                j &+= 1
                let start = j
                while j < n {
                    let (scalar, length) = Self.scalar(base, at: j)
                    guard scalar.isLetterFast else { break }
                    j &+= length
                }
                guard j > start else { break }
                if Self.scalar(base, at: start).scalar.isUppercaseFast {
                    capitalized += 1
                } else {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<j])
                    if !(isNameWord(utf8: word) ?? nameWords.contains(String(decoding: word, as: UTF8.self))) { break }
                }
                end = j
                words += 1
            }
            countedScalars &+= TextRun.scalarCount(base, countedTo, i)
            countedTo = i
            // The tests the scalar scan makes read only the name's scalars.
            let name: (text: String, count: Int)?
            if let simple = finishSimple(UnsafeBufferPointer(rebasing: bytes[i..<end]), words: words, capitalized: capitalized) {
                name = simple.map { (names.interned(UnsafeBufferPointer(rebasing: bytes[i..<(i &+ $0.end)])), $0.count) }
            } else {
                name = finish(decode(bytes[i..<end]), words: words, capitalized: capitalized).map { (names.interned($0.text), $0.count) }
            }
            if let name { body(name.text, countedScalars..<(countedScalars &+ name.count)) }
            i = end
        }
    }

    /// Whether the head `head` stands at byte `i`, followed by a space or the end.
    @inline(__always)
    private static func matches(_ head: [UInt8], _ base: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> Bool {
        guard n &- i >= head.count else { return false }
        for k in 0..<head.count where base[i &+ k] != head[k] { return false }
        return i &+ head.count == n || base[i &+ head.count] == 0x20
    }

    /// `finish` read from the name's bytes, when every scalar of it stands alone (see
    /// `ScalarText.isSimple`): then comparing scalars is comparing their UTF-8, the name's
    /// words are its spaces plus one, and the text is the bytes up to `end`. `.some(nil)`
    /// when the name is dropped, nil when `finish` must decide.
    private static func finishSimple(_ name: UnsafeBufferPointer<UInt8>, words: Int,
                                     capitalized: Int) -> (end: Int, count: Int)?? {
        guard let base = name.baseAddress else { return nil }
        var k = 0
        var count = 0
        var parts = 1
        while k < name.count {
            let byte = base[k]
            if byte < 0x80 {
                if byte == 0x0D { return nil }
                if byte == 0x20 { parts &+= 1 }
                k &+= 1
            } else {
                let (scalar, length) = Self.scalar(base, at: k)
                guard ScalarText.isSimple(scalar) else { return nil }
                k &+= length
            }
            count &+= 1
        }
        // " và" is 20 76 C3 A0: three scalars, one space.
        var end = name.count
        while end >= 4, base[end &- 4] == 0x20, base[end &- 3] == 0x76, base[end &- 2] == 0xC3, base[end &- 1] == 0xA0 {
            end &-= 4
            count &-= 3
            parts &-= 1
        }
        guard words >= 1, capitalized >= 1 || parts >= 3 else { return .some(nil) }
        // "Ban hành" is 42 61 6E 20 68 C3 A0 6E 68.
        let banHanh: [UInt8] = [0x42, 0x61, 0x6E, 0x20, 0x68, 0xC3, 0xA0, 0x6E, 0x68]
        if end >= banHanh.count, (0..<banHanh.count).allSatisfy({ base[$0] == banHanh[$0] }) { return .some(nil) }
        return (end, count)
    }

    /// The name at the start of a scan, `chars` from its head to where its words end, as
    /// the scalar scan takes it or drops it: its text and scalar count.
    private static func finish(_ chars: [Unicode.Scalar], words: Int, capitalized: Int) -> (text: String, count: Int)? {
        var end = chars.count
        if ScalarText.isSimple(scalars: chars) {
            while endsWithVa(chars, 0..<end) == true { end -= 3 }
            var parts = 1
            for k in 0..<end where chars[k] == " " { parts += 1 }
            guard words >= 1, capitalized >= 1 || parts >= 3, startsWithBanHanh(chars, 0..<end) == false else { return nil }
            return (ScalarText.string(chars[0..<end]), end)
        }
        var name = ScalarText.string(chars)
        while endsWithVa(chars, 0..<end) ?? name.hasSuffix(" và") {
            name.removeLast(3)
            end -= 3
        }
        guard words >= 1, capitalized >= 1 || name.split(separator: " ").count >= 3,
              !(startsWithBanHanh(chars, 0..<end) ?? name.hasPrefix("Ban hành")) else { return nil }
        return (name, end)
    }

    /// The first byte from `start` where a head may start: after a break (see `accepts`)
    /// and with the first two bytes of a head; `n` when there is none. Eight bytes at a
    /// time, the words let through the bytes from 40 to 5F (with the ASCII capitals) and
    /// the lead bytes (with those of `Đ` and `Ủ`) right after a space, "(" or 9C (the
    /// last byte of "“", and of other scalars): a byte of a word is 80 in `breaks` where
    /// it is one of these, exactly (no carry crosses lanes), and the breaks are moved up
    /// one byte onto what follows them.
    @inline(__always)
    static func nextHeadStart(_ base: UnsafePointer<UInt8>, _ n: Int, from start: Int,
                              pairs: UnsafeBufferPointer<UInt64>) -> Int {
        // A name starts the text or follows a space, "(" or "“" (E2 80 9C), and its first
        // two bytes start a head (`headPairs`): places the words let through that fail
        // either are passed over here, without returning to the caller.
        @inline(__always) func accepts(_ p: Int) -> Bool {
            guard p &+ 1 < n else { return false }
            if p > 0 {
                let before = base[p &- 1]
                guard before == 0x20 || before == 0x28
                        || (before == 0x9C && p >= 3 && base[p &- 2] == 0x80 && base[p &- 3] == 0xE2) else { return false }
            }
            let pair = Int(base[p]) << 8 | Int(base[p &+ 1])
            return pairs[pair >> 6] >> UInt64(pair & 63) & 1 != 0
        }
        // Space and "(" are 20 and 28: with bit 3 set both are 28, and no other byte is.
        // A byte of `x` is nonzero where bit 7 of `(x & 7F) + 7F | x` is set.
        @inline(__always) func breaks(_ word: UInt64) -> UInt64 {
            let spaces = (word | 0x0808_0808_0808_0808) ^ 0x2828_2828_2828_2828
            let quotes = word ^ 0x9C9C_9C9C_9C9C_9C9C
            let notSpace = ((spaces & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | spaces
            let notQuote = ((quotes & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | quotes
            return ~(notSpace & notQuote) & 0x8080_8080_8080_8080
        }
        // Bytes 40-5F (the capitals and a few signs) and lead bytes C0-FF (with Đ and Ủ)
        // have bit 6 set and bit 5 clear, or bits 7 and 6 set; lowercase letters, digits,
        // spaces, signs below 40 and continuation bytes do not. `accepts` turns the
        // others away.
        @inline(__always) func starts(_ word: UInt64) -> UInt64 {
            (word << 1) & (word | ~(word << 2)) & 0x8080_8080_8080_8080
        }
        @inline(__always) func isBreak(_ byte: UInt8) -> Bool { byte | 0x08 == 0x28 || byte == 0x9C }
        @inline(__always) func mayStart(_ byte: UInt8) -> Bool { byte & 0xE0 == 0x40 || byte >= 0xC0 }
        var i = start
        var afterBreak = i == 0 || isBreak(base[i &- 1])
        if n &- i >= 8 {
            var carry: UInt64 = afterBreak ? 0x80 : 0
            // Two words a step: the loop's own work was a fifth of it.
            while n &- i >= 16 {
                let first = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let second = UnsafeRawPointer(base + (i &+ 8)).loadUnaligned(as: UInt64.self)
                let firstBreaks = breaks(first)
                let secondBreaks = breaks(second)
                let firstHits = starts(first) & (firstBreaks << 8 | carry)
                let secondHits = starts(second) & (secondBreaks << 8 | firstBreaks >> 56)
                if firstHits | secondHits != 0 {
                    var hits = firstHits
                    while hits != 0 {
                        let p = i &+ hits.trailingZeroBitCount >> 3
                        if accepts(p) { return p }
                        hits &= hits &- 1
                    }
                    hits = secondHits
                    while hits != 0 {
                        let p = i &+ 8 &+ hits.trailingZeroBitCount >> 3
                        if accepts(p) { return p }
                        hits &= hits &- 1
                    }
                }
                carry = secondBreaks >> 56
                i &+= 16
            }
            if n &- i >= 8 {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let wordBreaks = breaks(word)
                var hits = starts(word) & (wordBreaks << 8 | carry)
                while hits != 0 {
                    let p = i &+ hits.trailingZeroBitCount >> 3
                    if accepts(p) { return p }
                    hits &= hits &- 1
                }
                carry = wordBreaks >> 56
                i &+= 8
            }
            afterBreak = carry != 0
        }
        while i < n {
            let byte = base[i]
            if afterBreak, mayStart(byte), accepts(i) { return i }
            afterBreak = isBreak(byte)
            i &+= 1
        }
        return n
    }

    /// `isNameWord` for the scalars of the UTF-8 `word`, decoded one by one.
    static func isNameWord(utf8 word: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base = word.baseAddress else { return isNameWord([][...]) }
        var k = 0
        var count = 0
        var key: UInt64 = 0
        var keyed = true
        while k < word.count {
            let (scalar, length) = Self.scalar(base, at: k)
            guard ScalarText.isSimple(scalar), scalar.value != 0x0D else { return nil }
            count &+= 1
            if keyed {
                let code = letterCode(scalar)
                if code == 0 || count > 10 { keyed = false } else { key = key << 6 | code }
            }
            k &+= length
        }
        guard count <= maxNameWordLength, keyed else { return false }
        return hasNameWordKey(key)
    }

    /// The scalar at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ p: UnsafePointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let byte = p[i]
        let value: UInt32
        let length: Int
        if byte < 0x80 {
            value = UInt32(byte)
            length = 1
        } else if byte < 0xE0 {
            value = (UInt32(byte & 0x1F) << 6) | UInt32(p[i &+ 1] & 0x3F)
            length = 2
        } else if byte < 0xF0 {
            value = (UInt32(byte & 0x0F) << 12) | (UInt32(p[i &+ 1] & 0x3F) << 6) | UInt32(p[i &+ 2] & 0x3F)
            length = 3
        } else {
            value = (UInt32(byte & 0x07) << 18) | (UInt32(p[i &+ 1] & 0x3F) << 12)
                | (UInt32(p[i &+ 2] & 0x3F) << 6) | UInt32(p[i &+ 3] & 0x3F)
            length = 4
        }
        // Valid UTF-8 encodes only scalar values.
        return (unsafeBitCast(value, to: Unicode.Scalar.self), length)
    }

    /// The scalars of valid UTF-8.
    static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bytes.count)
        guard let base = bytes.base.baseAddress else { return out }
        var k = bytes.startIndex
        while k < bytes.endIndex {
            let (scalar, length) = Self.scalar(base, at: k)
            out.append(scalar)
            k &+= length
        }
        return out
    }
}
