@testable import DecuongSite
import Testing

/// `WordCoder.append` (letter runs found inline, short words looked up in `ShortWordTable`,
/// written into one buffer) against `appendReference` (the scanner's callback, the interner,
/// `JSON.appendEscaped`), on random text built to hit every branch: coded words of every
/// length (short and long codes, past 8 bytes), implied spaces, characters of the code ranges
/// and the escape, JSON and `<script>` escapes, U+2028, marks, and words at the very end.
@Suite struct WordCoderFastPathTests {
    static let words: [String] = [
        "a", "và", "các", "của", "trường", "nghiêng", "người", "Nghị", "quyết", "xây", "dựng", "ab", "abc",
        "abcdefgh", "abcdefghi", "Thànhphố", "Đảngbộtỉnh", "e\u{0301}", "ươ\u{0323}ng", "ͱ", "x", "KH", "NQ",
    ]
    static let others: [String] = [
        " ", " ", " ", "  ", ", ", ".", "\n", "\t", "\r", "\"", "\\", "<", "</script>", "\u{2028}", "\u{2029}", "\u{2027}",
        "\u{01}", "\u{1F}", "\u{0B}", "\u{A0}", "35", "-", "/", "\u{0370}", "\u{0371}", "\u{07FF}", "\u{0800}", "\u{E000}",
        "\u{F8FF}", "\u{F900}", "\u{FFFD}", "\u{0340}", "\u{0301}", "👍", "…", "“", "",
    ]

    @Test func sameBytesAsTheReference() {
        var random = XorShiftRandom(state: 11)
        // Word counts from a sample of the vocabulary, so that some words get codes (short
        // and long: more words than short codes) and some do not.
        var interner = ByteInterner(capacity: 16)
        var counts: [Int32] = []
        func add(_ word: String, _ count: Int32) {
            var word = word
            word.withUTF8 { bytes in
                let (id, isNew) = interner.intern(bytes, 0, bytes.count)
                if isNew { counts.append(0) }
                counts[Int(id)] += count
            }
        }
        for (rank, word) in Self.words.enumerated() where rank % 5 != 4 { add(word, Int32(1000 - rank)) }
        // Enough filler words to use up the short codes, so that later ones get long codes or none.
        for number in 0..<1400 { add("w\(String(number, radix: 26))q", Int32(2 + number % 7)) }
        let coder = WordCoder(words: interner, counts: counts)
        #expect(coder.words.count > WordCoder.shortCodes.count)

        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<random.next(24) {
                switch random.next(3) {
                case 0: text += Self.others[random.next(Self.others.count)]
                case 1: text += "w\(String(random.next(1500), radix: 26))q"
                default: text += Self.words[random.next(Self.words.count)]
                }
            }
            var fast: [UInt8] = [0x7B]
            var reference: [UInt8] = [0x7B]
            text.withUTF8 { bytes in
                coder.append(bytes, to: &fast)
                coder.appendReference(bytes, to: &reference)
            }
            #expect(fast == reference, "\(text.debugDescription)")
        }
    }

    @Test func shortWordTableKeysReadOnlyTheWord() {
        // At the end of a buffer the key is assembled byte by byte; inside, read as a word
        // and masked: both give the same number.
        let bytes = Array("xyzabcdefghij".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for length in 1...8 {
                let inside = ShortWordTable.key(buffer, 3, 3 + length)
                let tail = Array(bytes[3..<(3 + length)])
                tail.withUnsafeBufferPointer { #expect(ShortWordTable.key($0, 0, length) == inside) }
            }
        }
    }
}
