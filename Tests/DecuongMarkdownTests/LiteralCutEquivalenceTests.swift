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

/// A document's text is shared by its text runs in parts of whole lines, each small enough
/// for one of the allocator's small size classes.
@Suite struct SharedTextPartsTests {
    @Test func partsAreWholeLinesWithinTheLimitAndJoinToTheText() {
        var state: UInt64 = 77
        for limit in [1, 2, 7, 64, 1000] {
            for _ in 0..<300 {
                let text = LiteralCutEquivalenceTests.document(&state)
                let parts = CMarkTreeConverter.sharedParts(of: text, limit: limit)
                #expect(parts.map(\.text.text).joined() == text)
                var start = 0
                for (index, part) in parts.enumerated() {
                    #expect(part.start == start)
                    start += part.text.utf8Count
                    let bytes = Array(part.text.text.utf8)
                    let last = index == parts.count - 1
                    // Each part but the last ends a line; a longer part is one line.
                    if !last { #expect(bytes.last == 0x0A, "\(text.debugDescription)") }
                    if bytes.count > limit { #expect(bytes.dropLast().contains(0x0A) == false, "\(text.debugDescription)") }
                }
            }
        }
    }

    /// With the text in many parts, the tree is the one parsed with the text whole and the
    /// one made from cmark's C strings, and every run still shares a part.
    @Test func treesAreTheSameWhateverTheParts() throws {
        let parser = MarkdownParser()
        var state: UInt64 = 91
        var texts = [try Fixture.text("seed-ke-hoach-2023.md")]
        for _ in 0..<500 { texts.append(LiteralCutEquivalenceTests.document(&state)) }
        for text in texts {
            let whole = parser.parse(text)
            for limit in [1, 16, 200] {
                #expect(parser.parse(text, partLimit: limit) == whole, "\(text.debugDescription)")
            }
            #expect(parser.parseCopyingLiterals(text) == whole, "\(text.debugDescription)")
        }
        var shared = 0
        var own = 0
        func count(_ inlines: [Inline]) {
            for inline in inlines {
                if case .text(let run) = inline.kind { if run.isWholeBase { own += 1 } else { shared += 1 } }
                count(inline.children)
            }
        }
        func count(_ blocks: [Block]) {
            for block in blocks {
                if let inlines = block.inlines { count(inlines) }
                count(block.childBlocks)
            }
        }
        count(parser.parse(try Fixture.text("seed-ke-hoach-2023.md"), partLimit: 200).blocks)
        #expect(shared > 50 && own * 10 <= shared, "shared \(shared), own \(own)")
    }
}
