/// Splits text into `Syllable` tokens for the search index and for linking citations.
///
/// Letters and digits form separate tokens (`2022Ban`, a run-on left by conversion, gives
/// `2022` and `Ban`); combining marks stay with their letter, so NFD input tokenizes like
/// NFC. Everything else (spaces, punctuation) separates tokens and is not returned. A digit
/// run that begins a document number (see `DocumentNumberMatcher`) becomes one token for the
/// whole number, provided it does not continue a word (`ABC35-NQ/TW` is not one).
public enum Syllables {
    public static func split(_ s: String) -> [Syllable] {
        let scalars = Array(s.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        offsets.append(offset)

        var tokens: [Syllable] = []
        func emit(_ range: Range<Int>, _ kind: Syllable.Kind) {
            let text = String(String.UnicodeScalarView(scalars[range]))
            tokens.append(Syllable(text: text, utf16Range: offsets[range.lowerBound]..<offsets[range.upperBound], kind: kind))
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if VietnameseAlphabet.isLetter(scalar) {
                let end = runEnd(scalars, from: index, where: VietnameseAlphabet.isLetter)
                emit(index..<end, .word)
                index = end
            } else if VietnameseAlphabet.isDigit(scalar) {
                let followsWord = index > 0 && continuesToken(scalars[index - 1])
                if !followsWord, let end = DocumentNumberMatcher.match(scalars, from: index) {
                    emit(index..<end, .documentNumber)
                    index = end
                } else {
                    let end = runEnd(scalars, from: index, where: VietnameseAlphabet.isDigit)
                    emit(index..<end, .number)
                    index = end
                }
            } else {
                index += 1
            }
        }
        return tokens
    }

    private static func continuesToken(_ scalar: Unicode.Scalar) -> Bool {
        VietnameseAlphabet.isLetter(scalar) || VietnameseAlphabet.isDigit(scalar) || VietnameseAlphabet.isMark(scalar)
    }

    /// The end of a run of scalars of one class, marks included.
    private static func runEnd(_ scalars: [Unicode.Scalar], from start: Int,
                               where isMember: (Unicode.Scalar) -> Bool) -> Int {
        var index = start + 1
        while index < scalars.count, isMember(scalars[index]) || VietnameseAlphabet.isMark(scalars[index]) {
            index += 1
        }
        return index
    }
}

extension Syllables {
    /// A token found by `scan`, as UTF-8 byte offsets into the scanned text.
    public struct ByteToken: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var kind: Syllable.Kind
    }

    /// The tokens of `split`, on UTF-8 bytes and without a `String` per token: indexing a
    /// site tokenizes megabytes of text, and decoding scalars into arrays was most of it.
    /// `split` stays the reference; `SyllablesTests` checks the two agree.
    public static func scan(_ text: UnsafeBufferPointer<UInt8>, _ visit: (ByteToken) -> Void) {
        ScalarClass.table.withUnsafeBufferPointer { table in scan(text, table: table, visit) }
    }

    private static func scan(_ text: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>,
                             _ visit: (ByteToken) -> Void) {
        let count = text.count
        var index = 0
        // Whether the scalar before `index` is a letter, digit or mark: a digit run right after
        // one continues a word (`ABC35-NQ/TW`) and cannot begin a document number.
        var afterToken = false
        while index < count {
            let (scalar, length) = decode(text, at: index)
            let kind = ScalarClass.of(scalar, table)
            if kind & ScalarClass.letter != 0 {
                let end = runEnd(text, from: index + length, member: ScalarClass.letter | ScalarClass.mark, table)
                visit(ByteToken(start: index, end: end, kind: .word))
                index = end
                afterToken = true
            } else if kind & ScalarClass.digit != 0 {
                if !afterToken, let end = documentNumberEnd(text, from: index) {
                    visit(ByteToken(start: index, end: end, kind: .documentNumber))
                    index = end
                } else {
                    let end = runEnd(text, from: index + length, member: ScalarClass.digit | ScalarClass.mark, table)
                    visit(ByteToken(start: index, end: end, kind: .number))
                    index = end
                }
                afterToken = true
            } else {
                afterToken = kind & ScalarClass.mark != 0
                index += length
            }
        }
    }

    /// The scalar at `index` and its length in bytes; malformed bytes read as U+FFFD, one
    /// byte at a time (Swift's `String` never holds them, so this is only for safety).
    /// Inlinable: the search index decodes every scalar of the site with it, from another module.
    @inlinable @inline(__always)
    public static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let first = UInt32(text[index])
        if first < 0x80 { return (first, 1) }
        let count = text.count
        if first >= 0xC2, first < 0xE0, index + 1 < count {
            return ((first & 0x1F) << 6 | UInt32(text[index + 1] & 0x3F), 2)
        }
        if first >= 0xE0, first < 0xF0, index + 2 < count {
            return ((first & 0x0F) << 12 | UInt32(text[index + 1] & 0x3F) << 6 | UInt32(text[index + 2] & 0x3F), 3)
        }
        if first >= 0xF0, first < 0xF5, index + 3 < count {
            let value = (first & 0x07) << 18 | UInt32(text[index + 1] & 0x3F) << 12
                | UInt32(text[index + 2] & 0x3F) << 6 | UInt32(text[index + 3] & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always)
    private static func runEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int, member: UInt8,
                               _ table: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        while index < text.count {
            let byte = text[index]
            // ASCII letters and digits settle most runs without decoding.
            if byte < 0x80 {
                guard table[Int(byte)] & member != 0 else { return index }
                index += 1
                continue
            }
            let (scalar, length) = decode(text, at: index)
            guard ScalarClass.of(scalar, table) & member != 0 else { return index }
            index += length
        }
        return index
    }

    /// The end of the document number starting at the digit at `start`, or nil. Most digit
    /// runs are followed by neither a dash nor a slash, and are settled on bytes; the others
    /// go to `DocumentNumberMatcher` with the scalars it can possibly read.
    static func documentNumberEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var candidate = false
        scan: while index < text.count {
            switch text[index] {
            case 0x30...0x39, 0x20, 0x09: index += 1
            case 0x2F, 0x2D, 0x80...: candidate = true; break scan
            default: break scan
            }
        }
        guard candidate else { return nil }
        // The matcher reads the run of non-space scalars from `start`, and past spaces only
        // around the first dash or slash: the window holds exactly what it may reach.
        // (`35-NQ/TW`, `115- HD/BTGW`, `14 - KH/ĐU`: one more run after spaces is enough.)
        var end = nonSpaceRunEnd(text, from: start)
        var afterSpaces = spaceRunEnd(text, from: end)
        if afterSpaces < text.count {
            let (scalar, length) = decode(text, at: afterSpaces)
            if DocumentNumberMatcher.isDash(Unicode.Scalar(scalar) ?? " ") || scalar == 0x2F {
                afterSpaces = spaceRunEnd(text, from: afterSpaces + length)
            }
            end = nonSpaceRunEnd(text, from: afterSpaces)
        }
        // One allocation, at most a scalar per byte: appending the window's scalars and their
        // lengths to two growing arrays took some ten allocations a number, most of the
        // thousands of instructions a call cost. The matched scalars' lengths are read again.
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: max(0, end - start)) { buffer, initialized in
            var at = start
            var count = 0
            while at < end, count < buffer.count {
                let (value, length) = decode(text, at: at)
                buffer[count] = Unicode.Scalar(value) ?? "\u{FFFD}"
                count += 1
                at += length
            }
            initialized = count
        }
        guard let matched = DocumentNumberMatcher.match(scalars, from: 0) else { return nil }
        var matchedEnd = start
        for _ in 0..<matched { matchedEnd += decode(text, at: matchedEnd).1 }
        return matchedEnd
    }

    private static func isSpaceLike(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x202F: true
        default: false
        }
    }

    private static func nonSpaceRunEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < text.count {
            let (scalar, length) = decode(text, at: index)
            if isSpaceLike(scalar) { break }
            index += length
        }
        return index
    }

    private static func spaceRunEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < text.count {
            let (scalar, length) = decode(text, at: index)
            guard DocumentNumberMatcher.isSpace(Unicode.Scalar(scalar) ?? "x") else { break }
            index += length
        }
        return index
    }
}

extension Syllables {
    /// The byte ranges of letter runs (a letter, then letters and marks): the words of
    /// `scan` plus the letter groups inside document numbers and after digits. For callers
    /// that only need words, such as coding text by a word list, without `scan`'s work on
    /// numbers.
    public static func scanLetterRuns(_ text: UnsafeBufferPointer<UInt8>, _ visit: (Range<Int>) -> Void) {
        ScalarClass.table.withUnsafeBufferPointer { table in
            var index = 0
            while index < text.count {
                let byte = text[index]
                if byte < 0x80, table[Int(byte)] & ScalarClass.letter == 0 {
                    index += 1
                    continue
                }
                let (scalar, length) = decode(text, at: index)
                guard ScalarClass.of(scalar, table) & ScalarClass.letter != 0 else {
                    index += length
                    continue
                }
                let end = runEnd(text, from: index + length, member: ScalarClass.letter | ScalarClass.mark, table)
                visit(index..<end)
                index = end
            }
        }
    }
}
