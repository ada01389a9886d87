import Foundation
import Testing
@testable import DecuongMarkdown

/// Literals cut from the parsed text against literals made from cmark's C strings (the
/// code they replaced): the whole tree, ranges included, must be equal.
@Suite struct LiteralCutEquivalenceTests {
    static let pieces = [
        "Kế hoạch", "thực hiện", "Ủy ban nhân dân", "ệ", "👍", "a", " ", "  ", "\n", "\n\n", "\r\n", "\r",
        "*", "**", "_", "~~", "`", "``", "[", "]", "(", ")", "<", ">", "&amp;", "&#x1EC7;", "&#0;", "&bogus;",
        "\\*", "\\\\", "\\", "# ", "## ", "- ", "+ ", "* ", "1. ", "2) ", "> ", "    ", "\t", "```\n", "~~~ info\n",
        "| a | b |\n|---|:-:|\n", "| ", " |", "[^1]", "[^1]: ", "[^ghi chú]", "- [ ] ", "- [x] ", "https://ví.dụ/a",
        "www.example.com", "<b>", "</b>", "<!-- x -->", "[liên kết](/đích \"tiêu đề\")", "![ảnh](a.png)",
        "[ref]", "[ref]: /url\n", "---\n", "***\n", "===\n", "\u{00A0}", "\u{FEFF}", "\0",
    ]

    static func document(_ state: inout UInt64) -> String {
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_000)
        }
        var text = ""
        for _ in 0..<(next() % 120) { text += pieces[next() % pieces.count] }
        return text
    }

    @Test func randomDocuments() {
        let parser = MarkdownParser()
        var state: UInt64 = 2024
        for _ in 0..<3000 {
            let text = Self.document(&state)
            #expect(parser.parse(text) == parser.parseCopyingLiterals(text), "\(text.debugDescription)")
        }
    }

    @Test func specExamplesAndFixture() throws {
        let parser = MarkdownParser()
        var texts = [try Fixture.text("seed-ke-hoach-2023.md")]
        for file in CommonMarkSuiteTests.files {
            texts += try SpecExample.load(file).map(\.markdown)
        }
        for text in texts {
            #expect(parser.parse(text) == parser.parseCopyingLiterals(text), "\(text.debugDescription)")
        }
    }

    @Test func bytesParseLikeText() throws {
        let parser = MarkdownParser()
        let text = try Fixture.text("seed-ke-hoach-2023.md")
        #expect(try parser.parse(bytes: Array(text.utf8)) == parser.parseCopyingLiterals(text))
    }
}
