import Testing
@testable import DecuongMarkdown

/// The escaper's eight-byte skip and the byte form of the dangerous-URL test against the
/// code they replaced.
@Suite struct EscapingFastPathTests {
    static let pieces = [
        "Kế hoạch", "thực hiện", "ệ", "👍", "a", " ", "\n", "&", "<", ">", "\"", "'", "&amp;", "<b>",
        "=", "?", "\"\"", "&&", "1234567", "12345678", "Ủy ban nhân dân tỉnh", "\u{0}", "\u{7F}", ";", ":",
        "\u{22}\u{26}\u{3C}\u{3E}", "\u{20}\u{24}\u{2E}\u{3A}\u{3D}\u{3F}", "ÿ", "\u{A2}\u{A6}\u{BC}\u{BE}",
    ]

    static func next(_ state: inout UInt64) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % 1_000_000)
    }

    @Test func escapeMatchesTheRunCopyAndTheByteLoop() {
        var state: UInt64 = 77
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(Self.next(&state) % 40) { text += Self.pieces[Self.next(&state) % Self.pieces.count] }
            var fast: [UInt8] = [], words: [UInt8] = [], runs: [UInt8] = [], bytes: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { buffer in
                HTMLEscaping.appendEscapedHTML(buffer, to: &fast)
                HTMLEscaping.appendEscapedHTMLByWords(buffer, to: &words)
                HTMLEscaping.appendEscapedHTMLByRuns(buffer, to: &runs)
            }
            HTMLEscaping.appendEscapedHTMLBytes(text.utf8, to: &bytes)
            #expect(fast == words, "\(text.debugDescription)")
            #expect(fast == runs, "\(text.debugDescription)")
            #expect(fast == bytes, "\(text.debugDescription)")
        }
    }

    /// Every byte value at every place of a word, next to each of the four.
    @Test func wordTestIsExact() {
        for byte in 0...255 {
            for place in 0..<8 {
                var word: UInt64 = 0x6161_6161_6161_6161
                word &= ~(UInt64(0xFF) << (8 * place))
                word |= UInt64(byte) << (8 * place)
                let expected = [0x22, 0x26, 0x3C, 0x3E].contains(byte)
                #expect(HTMLEscaping.holdsEscapable(word) == expected, "byte \(byte) at \(place)")
            }
        }
        #expect(HTMLEscaping.holdsEscapable(0x3E00_0000_0000_0000))
        #expect(!HTMLEscaping.holdsEscapable(0x3F3D_3B3A_2725_2321))
    }

    /// The two-word test against the one-word test of each word: every byte value at every
    /// place of either word, the other word clean or holding one of the four.
    @Test func twoWordTestIsTheOneWordTestOfEither() {
        let others: [UInt64] = [0x6161_6161_6161_6161, 0x3F3D_3B3A_2725_2321, 0x2200_0000_0000_0000,
                                0x0000_0000_0000_003C, 0xE1BB_87E1_BB87_C3A0, 0]
        for byte in 0...255 {
            for place in 0..<8 {
                var word: UInt64 = 0x6161_6161_6161_6161
                word &= ~(UInt64(0xFF) << (8 * place))
                word |= UInt64(byte) << (8 * place)
                for other in others {
                    let expected = HTMLEscaping.holdsEscapable(word) || HTMLEscaping.holdsEscapable(other)
                    #expect(HTMLEscaping.holdsEscapable(word, other) == expected, "byte \(byte) at \(place), \(other)")
                    #expect(HTMLEscaping.holdsEscapable(other, word) == expected, "byte \(byte) at \(place), \(other)")
                }
            }
        }
    }

    /// Long texts, where the sixteen-byte skip runs: the four at every offset of a 40-byte run.
    @Test func escapeOfLongRunsMatchesTheByteLoop() {
        let filler = Array("Kế hoạch thực hiện nghị quyết của ban chấp hành".utf8)
        for special in ["&", "<", ">", "\"", "'", "a"] {
            for offset in 0..<40 {
                for length in [offset + 1, 40, 57, 64] where length > offset {
                    var bytes = Array(filler.prefix(length))
                    while bytes.count < length { bytes.append(UInt8(ascii: "x")) }
                    bytes[offset] = special.utf8.first ?? 0
                    var fast: [UInt8] = [], reference: [UInt8] = []
                    bytes.withUnsafeBufferPointer { HTMLEscaping.appendEscapedHTML($0, to: &fast) }
                    HTMLEscaping.appendEscapedHTMLBytes(bytes, to: &reference)
                    #expect(fast == reference, "\(special) at \(offset) of \(length)")
                }
            }
        }
    }

    @Test func dangerousURLMatchesTheCharacterForm() {
        let heads = [
            "javascript:", "JavaScript:", "JAVASCRIPT:", "vbscript:", "VBScript:", "file:", "FILE:", "data:",
            "DATA:", "data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp", "Data:Image/PNG",
            "data:image/svg", "data:text/html", "java", "javascript", "javascript\r\n:", "data\r\n:", "data:\r\n",
            "https://", "van-ban/", "../", "#", "", "ví-dụ", "javascrİpt:", "\u{212A}", "data:\u{301}",
            "data:image/jpe\u{301}g", "jav\u{0}ascript:", "\u{FEFF}javascript:", "%6a", "javascript:\u{301}",
            "data:image/webpx", "data:image/webp\u{301}", "data:image/png\u{301}", "file\u{301}:",
        ]
        let tails = ["", "alert(1)", "x", ";base64,AAAA", "ệ", "\u{301}", "\r\n", "/a/b/c/d/e/f/g/h"]
        for head in heads {
            for tail in tails {
                let url = head + tail
                #expect(HTMLEscaping.isDangerousURL(url) == HTMLEscaping.isDangerousURLByCharacters(url),
                        "\(url.debugDescription)")
            }
        }
        var state: UInt64 = 5
        let parts = ["j", "a", "v", "s", "c", "r", "i", "p", "t", ":", "d", "A", "T", "/", "g", "e", "m", "w", "b",
                     "f", "l", "\r\n", "\u{301}", "ệ", "K", "\u{212A}", "n", "o"]
        for _ in 0..<20000 {
            var url = ""
            for _ in 0..<(Self.next(&state) % 20) { url += parts[Self.next(&state) % parts.count] }
            #expect(HTMLEscaping.isDangerousURL(url) == HTMLEscaping.isDangerousURLByCharacters(url),
                    "\(url.debugDescription)")
        }
    }
}

extension EscapingFastPathTests {
    @Test func hrefRunsMatchTheByteLoop() {
        var state: UInt64 = 99
        let parts = ["a", "Z", "0", "/", "-", "_", ".", "~", "%", "%2F", "&", "'", "\"", " ", "<", ">", "[", "]", "{",
                     "`", "^", "|", "\\", "ệ", "👍", "#", "?", "=", "\u{0}", "\u{7F}", "\n", "van-ban/35-nq-tw.html"]
        for _ in 0..<5000 {
            var url = ""
            for _ in 0..<(Self.next(&state) % 30) { url += parts[Self.next(&state) % parts.count] }
            var fast: [UInt8] = [], bytes: [UInt8] = []
            HTMLEscaping.appendEscapedHref(url.utf8, to: &fast)
            HTMLEscaping.appendEscapedHrefBytes(url.utf8, to: &bytes)
            #expect(fast == bytes, "\(url.debugDescription)")
        }
    }
}
