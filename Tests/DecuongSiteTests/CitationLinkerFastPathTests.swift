import DecuongCore
import DecuongMarkdown
@testable import DecuongSite
import Testing

/// `CitationLinker.mayHoldNumber` skips eight bytes at a time when they hold no digit; it must
/// answer as the byte-by-byte scan does, and the split must still match the scalar scan with
/// numbers of every length and first digit (the order of candidates is now sorted from
/// counts made once).
struct CitationLinkerFastPathTests {
    @Test func digitTestOfAWordIsExact() {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<100_000 {
            // Bytes near the digits, and anything.
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x28...0x40, using: &generator) : UInt8.random(in: 0...255, using: &generator)
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(CitationLinker.hasDigit(word) == bytes.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(bytes)")
        }
    }

    @Test func mayHoldNumberEqualsTheByteScan() {
        let linker = CitationLinker(hrefByID: ["14-KH/ĐU.KBT": "x.html", "35-NQ/TW": "y.html", "5-CT": "z.html"])
        var generator = SeededGenerator(seed: 19)
        let pieces = ["1", "3", "5", "9", "0", "a", "Z", "ư", "ấ", " ", "(", "-", "\u{301}", "năm", "kế hoạch ", "x1", "15"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(linker.mayHoldNumber(text) == linker.mayHoldNumberByBytes(text), "\(text.debugDescription)")
        }
    }

    @Test func splitEqualsTheScalarScanWithManyNumbers() {
        let ids = ["1", "12", "123-KH", "12-KH", "1-KH/TU", "2-CT/TW", "20/2023/NĐ-CP", "2023", "35-NQ/TW", "35-NQ", "9-ĐU", "9 ĐU"]
        let linker = CitationLinker(hrefByID: Dictionary(uniqueKeysWithValues: ids.map { ($0, "\($0).html") }))
        var generator = SeededGenerator(seed: 23)
        let pieces = ids + ["-", "–", "/", " ", " - ", "ư", "a", "\u{301}", "KH", "NQ", "TW", "CP", "Đ", "0", "3"]
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 2)
        for _ in 0..<10_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(linker.split(InlineText(text), range: range) == linker.splitByScalars(text, range: range), "\(text.debugDescription)")
        }
    }

    /// The scan skips sixteen bytes at a time while neither word holds a digit: numbers before,
    /// inside and after long runs without one, at every offset from the start.
    @Test func splitEqualsTheScalarScanAcrossLongRuns() {
        let ids = ["1", "12", "123-KH", "1-KH/TU", "20/2023/NĐ-CP", "35-NQ/TW", "9-ĐU"]
        let linker = CitationLinker(hrefByID: Dictionary(uniqueKeysWithValues: ids.map { ($0, "\($0).html") }))
        var generator = SeededGenerator(seed: 29)
        let pieces = ids + ["kế hoạch thực hiện nghị quyết của ", "abcdefghijklmnopq", " ", "a", "ư", "\u{301}", " - ", "(", "năm "]
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 2)
        for _ in 0..<10_000 {
            let text = String(repeating: "x", count: Int.random(in: 0...17, using: &generator))
                + (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(linker.split(InlineText(text), range: range) == linker.splitByScalars(text, range: range), "\(text.debugDescription)")
            #expect(InlineText(text).withUTF8Bytes { linker.links(inUTF8: $0) }.map(\.range) == Self.linkRanges(linker.splitByScalars(text, range: range)), "\(text.debugDescription)")
        }
    }

    /// Numbers are ordered by their scalar count, now counted on their UTF-8.
    @Test func scalarCountEqualsTheScalarView() {
        var generator = SeededGenerator(seed: 37)
        let pieces = ["1", "-", "/", "Đ", "ư", "\u{301}", "KH", "🇻🇳", "\r\n", "e\u{301}", "中", " "]
        for _ in 0..<10_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(CitationLinker.scalarCount(text) == text.unicodeScalars.count, "\(text.debugDescription)")
        }
    }

    /// The byte ranges of the links in a split text.
    private static func linkRanges(_ inlines: [Inline]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        for inline in inlines {
            switch inline.kind {
            case .text(let text): offset += text.utf8Count
            case .link(let link):
                let count = link.children.reduce(0) { total, child in
                    if case .text(let text) = child.kind { return total + text.utf8Count }
                    return total
                }
                ranges.append(offset..<offset + count)
                offset += count
            default: break
            }
        }
        return ranges
    }

    /// Linking while the HTML is written (`TextLinks`) against linking the tree first and
    /// rendering it: the same bytes, for the corpus and for text with numbers in every place
    /// the renderer treats apart (links, images, code, raw HTML, tables, footnotes, headings).
    @Test func linkingWhileWritingEqualsLinkingTheTree() throws {
        let crafted = """
        # Kế hoạch 35-NQ/TW

        Theo *Nghị quyết 35-NQ/TW* và **14-KH/ĐU.KBT**, ~~5-CT~~; xem [35-NQ/TW](a.html) và ![21-NQ/TW](i.png).
        Mã `35-NQ/TW`, <b>29-NQ/TW</b>, 135-NQ/TW, 35-NQ/TWx, 2023 năm 1 2023.

        > 01-CT/TU trích dẫn 35 - NQ/TW.

        - 21-NQ/TW
          1. 29-NQ/TW[^1]

        | 35-NQ/TW | b |
        |---|---|
        | *14-KH/ĐU.KBT* | 5-CT |

        [^1]: Xem 35-NQ/TW.

        ```
        35-NQ/TW
        ```
        """
        let texts = [crafted] + (try FixtureProject.corpusTexts()).map(\.text)
        let linker = CitationLinker(hrefByID: ["14-KH/ĐU.KBT": "x.html", "35-NQ/TW": "y.html", "21-NQ/TW": "z&1.html",
                                               "29-NQ/TW": "javascript:w", "01-CT/TU": "v.html", "5-CT": "u.html",
                                               "2023": "n.html", "1": "one.html"])
        for rawHTML in [HTMLRenderer.RawHTML.omit, .allow(tagFilter: true)] {
            let renderer = HTMLRenderer(rawHTML: rawHTML)
            for text in texts {
                let blocks = DecuongMarkdown.MarkdownParser().parse(text).blocks
                #expect(renderer.renderBytes(blocks, links: linker) == renderer.renderBytes(linker.link(blocks)))
                for block in blocks {
                    guard let inlines = block.inlines else { continue }
                    #expect(renderer.renderBytes(inlines: inlines, links: linker) == renderer.renderBytes(inlines: linker.link(inlines)))
                }
            }
        }
    }
}
