import DecuongCore
/// Measures of how a piece of text looks, used to tell headings from prose.
enum TextShape {
    /// The share of letters that are capitals (1 for `MỤC ĐÍCH`, 0 for `mục đích`).
    static func uppercaseRatio(_ text: String) -> Double {
        // From the bytes: ASCII by value, other scalars decoded (a String's UTF-8 is
        // valid) and asked as before; the scalar view's iterator cost more than the tests.
        let (letters, upper) = text.withUTF8Bytes { bytes -> (Int, Int) in
            var letters = 0
            var upper = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = bytes[i]
                if b0 < 0x80 {
                    if b0 &- 0x41 < 26 {
                        letters += 1
                        upper += 1
                    } else if b0 &- 0x61 < 26 {
                        letters += 1
                    }
                    i += 1
                    continue
                }
                let (value, length) = Syllables.decode(bytes, at: i)
                i += length
                guard let scalar = Unicode.Scalar(value) else { continue }
                if scalar.isUppercaseFast {
                    letters += 1
                    upper += 1
                } else if scalar.isLowercaseFast {
                    letters += 1
                }
            }
            return (letters, upper)
        }
        return letters == 0 ? 0 : Double(upper) / Double(letters)
    }

    /// `uppercaseRatio` over the scalar view, as first written: the reference for the tests.
    static func referenceUppercaseRatio(_ text: String) -> Double {
        var letters = 0
        var upper = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII fast path: the Unicode property tables are slow to consult.
                if value >= 0x41 && value <= 0x5A { letters += 1; upper += 1 } else if value >= 0x61 && value <= 0x7A { letters += 1 }
            } else if scalar.isUppercaseFast {
                letters += 1
                upper += 1
            } else if scalar.isLowercaseFast {
                letters += 1
            }
        }
        return letters == 0 ? 0 : Double(upper) / Double(letters)
    }

    static func isMostlyUppercase(_ text: String) -> Bool {
        uppercaseRatio(text) >= 0.75
    }

    static func startsLowercase(_ text: String) -> Bool {
        simpleStartsLowercase(text) ?? referenceStartsLowercase(text)
    }

    /// `startsLowercase` as first written, on characters: the reference for the tests, and
    /// the path for text the scalars do not settle.
    static func referenceStartsLowercase(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace && !"*_\"“(".contains($0) }) else { return false }
        return first.isLowercase
    }

    static func endsSentence(_ text: String) -> Bool {
        simpleEndsSentence(text) ?? referenceEndsSentence(text)
    }

    /// `endsSentence` as first written: the reference for the tests, and the path for text
    /// the scalars do not settle.
    static func referenceEndsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !$0.isWhitespace && !"*_\"”’)".contains($0) }) else { return true }
        return ".:;!?…".contains(last)
    }

    /// `startsLowercase` read from the UTF-8, scalar by scalar, while each scalar read and
    /// the one after it stand alone (`ScalarText.isSimple`, CR excluded): then each is a
    /// character, and the character tests are the scalar's. Nil otherwise. Walking
    /// characters and searching the skipped ones in a string for each cost some 3,000
    /// instructions a line.
    static func simpleStartsLowercase(_ text: String) -> Bool? {
        text.withUTF8Bytes { bytes -> Bool? in
            guard let base = bytes.baseAddress else { return false }
            let n = bytes.count
            var i = 0
            while i < n {
                guard let (scalar, length) = simpleScalar(base, n, at: i) else { return nil }
                let next = i &+ length
                if next < n, simpleScalar(base, n, at: next) == nil { return nil }
                switch scalar.value {
                case 0x2A, 0x5F, 0x22, 0x201C, 0x28:
                    i = next
                    continue
                default:
                    if ScalarText.isWhitespace(scalar) {
                        i = next
                        continue
                    }
                }
                return scalar.value < 0x80 ? scalar.value &- 0x61 < 26 : Character(scalar).isLowercase
            }
            return false
        }
    }

    /// `endsSentence` read from the UTF-8 backwards, as `simpleStartsLowercase` reads it
    /// forwards: each scalar read and the one before it must stand alone.
    static func simpleEndsSentence(_ text: String) -> Bool? {
        text.withUTF8Bytes { bytes -> Bool? in
            guard let base = bytes.baseAddress else { return true }
            let n = bytes.count
            @inline(__always) func leadBefore(_ end: Int) -> Int {
                var k = end &- 1
                while k > 0, base[k] & 0xC0 == 0x80 { k &-= 1 }
                return k
            }
            var end = n
            while end > 0 {
                let start = leadBefore(end)
                guard let (scalar, _) = simpleScalar(base, n, at: start) else { return nil }
                if start > 0, simpleScalar(base, n, at: leadBefore(start)) == nil { return nil }
                switch scalar.value {
                case 0x2A, 0x5F, 0x22, 0x201D, 0x2019, 0x29:
                    end = start
                    continue
                case 0x2E, 0x3A, 0x3B, 0x21, 0x3F, 0x2026:
                    return true
                default:
                    if ScalarText.isWhitespace(scalar) {
                        end = start
                        continue
                    }
                    return false
                }
            }
            return true
        }
    }

    /// The scalar at byte `i` of valid UTF-8 and its length, when it stands alone as a
    /// character whatever surrounds it (`ScalarText.isSimple`, and not CR); nil otherwise.
    @inline(__always)
    private static func simpleScalar(_ base: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> (Unicode.Scalar, Int)? {
        let byte = base[i]
        if byte < 0x80 { return byte == 0x0D ? nil : (Unicode.Scalar(byte), 1) }
        let (scalar, length) = OrganizationScanner.scalar(base, at: i)
        return ScalarText.isSimple(scalar) ? (scalar, length) : nil
    }

    /// Collapses white space and drops Markdown emphasis markers left in text.
    static func clean(_ text: String) -> String {
        clean(joining: CollectionOfOne(text))
    }

    /// `clean(parts.joined(separator: " "))`, without the joined copy.
    ///
    /// Emphasis markers CommonMark could not pair (`**Tiêu đề. **`) are left as text. The
    /// result is the runs of the parts between the bytes dropped (`*`, white space, U+00A0),
    /// one space between runs; a run may hold single spaces. The runs are slices of
    /// strings already validated, so nothing is validated again, and a part that is one
    /// run (a trimmed line without `*`: nearly every lead) is returned as it is.
    static func clean<C: Collection>(joining parts: C) -> String where C.Element == String {
        clean(joining: parts, wordAtATime: true)
    }

    /// `clean(joining:)` a byte at a time, as it was before words were read eight bytes at
    /// a time: the reference for the tests.
    static func referenceClean<C: Collection>(joining parts: C) -> String where C.Element == String {
        clean(joining: parts, wordAtATime: false)
    }

    @inline(__always)
    private static func clean<C: Collection>(joining parts: C, wordAtATime: Bool) -> String where C.Element == String {
        var out = ""
        var only: String?
        var runs = 0
        for part in parts {
            part.withUTF8Bytes { bytes in
                forEachRun(bytes, wordAtATime: wordAtATime) { start, end in
                    runs += 1
                    if runs == 1, start == 0, end == bytes.count {
                        only = part
                        return
                    }
                    if runs == 2 {
                        // Room for all the parts at once: `out` grew by copying as runs
                        // of many parts (a section's text) were appended.
                        out.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count + 1 })
                    }
                    if let whole = only {
                        out.append(whole)
                        only = nil
                    }
                    if runs > 1 { out.append(" ") }
                    let utf8 = part.utf8
                    out.append(contentsOf: Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]))
                }
            }
        }
        return only ?? out
    }

    /// Calls `body` with the byte range of each run of `clean`: text between dropped bytes,
    /// single spaces between kept bytes included. Every byte dropped is ASCII or part of
    /// U+00A0 (C2 A0), and no byte of another scalar equals one of them.
    @inline(__always)
    private static func forEachRun(_ bytes: UnsafeBufferPointer<UInt8>, wordAtATime: Bool, _ body: (Int, Int) -> Void) {
        let n = bytes.count
        var i = 0
        while i < n {
            let skip = dropped(bytes, i)
            if skip > 0 {
                i += skip
                continue
            }
            let start = i
            i = runEnd(bytes, from: start, past: n, wordAtATime: wordAtATime)
            body(start, i)
        }
    }

    /// How many bytes `clean` drops at `i`: 1 for `*` and ASCII white space, 2 for U+00A0.
    @inline(__always)
    private static func dropped(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        // `*`, space, tab, LF and CR as bits of one word: one test for the bytes below 40.
        let droppedASCII: UInt64 = 1 << 0x2A | 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D
        let byte = bytes[i]
        if byte < 0x40 { return Int(truncatingIfNeeded: (droppedASCII >> UInt64(byte)) & 1) }
        return byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? 2 : 0
    }

    /// The end of the run that starts at the kept byte `start`, or, once the run is known
    /// to reach past `target`, some offset past it inside the run.
    @inline(__always)
    private static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, past target: Int, wordAtATime: Bool) -> Int {
        let n = bytes.count
        var i = start + 1
        while i < n, i <= target {
            // Eight bytes at a time over plain words: a lead is a whole paragraph, and a
            // byte at a time this was the assembler's largest cost.
            if wordAtATime, n &- i >= 8, let base = bytes.baseAddress, keepsWord(base + i) {
                i &+= 8
            } else if dropped(bytes, i) == 0 {
                i += 1
            } else if bytes[i] == 0x20, i + 1 < n, dropped(bytes, i + 1) == 0 {
                i += 2
            } else {
                break
            }
        }
        return i
    }

    /// Whether `clean(text)` begins with `text[...through]` (all of `text` when `through`
    /// is past its end): the first run starts at the first byte and holds that one. Only
    /// the bytes up to it are read.
    static func cleanKeepsPrefix(_ text: String, through last: Int) -> Bool {
        return text.withUTF8Bytes { bytes in
            let n = bytes.count
            guard n > 0 else { return true }
            guard dropped(bytes, 0) == 0 else { return false }
            let target = min(last, n - 1)
            return runEnd(bytes, from: 0, past: target, wordAtATime: true) > target
        }
    }

    /// The last byte of `clean(text)`, read from the end without cleaning: the last byte
    /// that is not dropped (every kept byte is in a run, and a run ends in a kept byte).
    static func lastKeptByte(_ text: String) -> UInt8? {
        return text.withUTF8Bytes { bytes in
            var i = bytes.count - 1
            while i >= 0 {
                let byte = bytes[i]
                if byte == 0x2A || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    i -= 1
                } else if byte == 0xA0, i > 0, bytes[i - 1] == 0xC2 {
                    i -= 2
                } else {
                    return byte
                }
            }
            return nil
        }
    }

    /// Whether the run goes on through the eight bytes at `p` (read from inside a run):
    /// none of them is dropped but single spaces, and a space is followed by a kept byte of
    /// the word. False sends the word to the byte-wise steps, which decide it exactly: any
    /// byte below 20 or `C2` (U+00A0's lead, and others') does, as does a space at its end.
    @inline(__always)
    static func keepsWord(_ p: UnsafePointer<UInt8>) -> Bool {
        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // Some byte below 20 (tab, LF, CR): the borrow test, exact for "any".
        if (word &- 0x20 &* ones) & ~word & high != 0 { return false }
        let star = word ^ (0x2A &* ones)
        if (star &- ones) & ~star & high != 0 { return false }
        let nbsp = word ^ (0xC2 &* ones)
        if (nbsp &- ones) & ~nbsp & high != 0 { return false }
        // Spaces, one bit a byte (no borrow between lanes): none may follow another, nor end the word.
        let space = word ^ (0x20 &* ones)
        let spaces = ~(((space & low7) &+ low7) | space) & high
        return spaces & (spaces &>> 8) == 0 && spaces &>> 63 == 0
    }

    /// `looksLikeName` for text whose every scalar is a character of its own, on its UTF-8:
    /// the spaces are the bytes 20, ASCII is tested by value and any other scalar as the
    /// `Character` it is. Splitting into words and breaking them into characters cost some
    /// 16,000 instructions a line.
    private static func simpleLooksLikeName(_ text: String) -> Bool {
        return text.withUTF8Bytes { bytes in
            let n = bytes.count
            var words = 0
            var inWord = false
            for byte in bytes {
                if byte == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                }
            }
            guard (2...6).contains(words) else { return false }
            var i = 0
            while i < n {
                if bytes[i] == 0x20 {
                    i += 1
                    continue
                }
                var count = 0
                var letters = true
                var lowerAfterFirst = false
                while i < n, bytes[i] != 0x20 {
                    let (value, length) = Syllables.decode(bytes, at: i)
                    i += length
                    count += 1
                    let isLetter: Bool
                    let isUpper: Bool
                    let isLower: Bool
                    if value < 0x80 {
                        isUpper = value &- 0x41 < 26
                        isLower = value &- 0x61 < 26
                        isLetter = isUpper || isLower
                    } else {
                        guard let scalar = Unicode.Scalar(value) else { return false }
                        let character = Character(scalar)
                        isLetter = character.isLetter
                        isUpper = count == 1 && character.isUppercase
                        isLower = count > 1 && character.isLowercase
                    }
                    if count == 1, !isUpper { return false }
                    if !isLetter { letters = false }
                    if count > 1, isLower { lowerAfterFirst = true }
                }
                guard letters && lowerAfterFirst || count == 1 else { return false }
            }
            return true
        }
    }

    /// Capitalized words without digits, like a person's name: `Phạm Văn Hiếu`.
    static func looksLikeName(_ text: String) -> Bool {
        // The length first, read no further than 51 characters: the lines asked are often
        // whole paragraphs, which splitting into words cost far more than the answer.
        guard ScalarText.hasAtMostCharacters(text, 50) else { return false }
        if ScalarText.isSimple(text) { return simpleLooksLikeName(text) }
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter } && word.dropFirst().contains { $0.isLowercase } || word.count == 1
        }
    }
}

import Foundation
