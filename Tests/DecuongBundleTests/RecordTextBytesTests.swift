import DecuongCore
import DecuongMarkdown
import DecuongStructure
@testable import DecuongSite
import Testing

/// `RecordTextBytes` writes the bytes of the collector's `String` texts (`ownText`,
/// `documentText`, `texts(of:)`): on the seed site, and on random blocks built to break the
/// trimming and joining (spaces of every kind at the ends, empty parts, nested markup).
@Suite struct RecordTextBytesTests {
    static let pieces: [String] = [
        "a", "Ngày", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2007}", "\u{202F}", "\u{3000}",
        "\u{2008}", "\u{200B}", "x\u{A0}", "\u{A0}y", "ệ", "đ", "35-NQ/TW", "…", "“", "\u{0301}", "👍", "*", "_", "",
    ]

    @Test func randomBlocks() {
        let collector = SearchRecordCollector(site: Seed.site, strings: UIStrings(language: Seed.site.config.language))
        var random = XorShiftRandom(state: 0x9E37_79B9_7F4A_7C15)
        var bytes = RecordTextBytes()
        for _ in 0..<20000 {
            let lead = random.inlines()
            let body = random.blocks()
            // Records one after the other in the same buffer, as the writer makes them.
            bytes.beginRecord()
            bytes.appendOwnText(lead, body)
            let expected = collector.ownText(lead, body)
            #expect(Array(bytes.bytes[bytes.recordRange]) == Array(expected.utf8), "\(lead) \(body)")
        }
    }

    /// Theme texts: a section's subtree, markers filtered of `*` and `_` (a `*` with a
    /// combining mark is a character of its own and stays), joins of joins.
    @Test func randomSubtrees() {
        let collector = SearchRecordCollector(site: Seed.site, strings: UIStrings(language: Seed.site.config.language))
        var random = XorShiftRandom(state: 0x2545_F491_4F6C_DD1D)
        var bytes = RecordTextBytes()
        for _ in 0..<5000 {
            let section = random.section()
            bytes.beginRecord()
            bytes.appendSubtreeText(section)
            #expect(Array(bytes.bytes[bytes.recordRange]) == Array(collector.subtreeText(section).utf8), "\(section)")
        }
        // Two subtrees in one record, as a theme with an outline has.
        for _ in 0..<2000 {
            let (first, second) = (random.section(), random.section())
            bytes.beginRecord()
            bytes.appendSubtreeText(first)
            bytes.appendSubtreeText(second)
            let expected = [collector.subtreeText(first), collector.subtreeText(second)].filter { !$0.isEmpty }.joined(separator: " ")
            #expect(Array(bytes.bytes[bytes.recordRange]) == Array(expected.utf8))
        }
    }

    @Test func seedSiteTexts() {
        let collector = SearchRecordCollector(site: Seed.site, strings: UIStrings(language: Seed.site.config.language))
        let documents = Seed.site.allDocuments
        for document in documents {
            var bytes = RecordTextBytes()
            bytes.beginRecord()
            bytes.appendDocumentText(document)
            #expect(bytes.bytes == Array(collector.documentText(document).utf8))
        }
        for start in [0, 1, documents.count / 2] where start <= documents.count {
            let slice = documents[start...]
            let strings = collector.texts(of: slice)
            let (bytes, ends) = collector.textBytes(of: slice)
            #expect(ends.count == strings.count)
            var from = 0
            for (text, end) in zip(strings, ends) {
                #expect(Array(bytes[from..<end]) == Array(text.utf8))
                from = end
            }
        }
    }
}

/// Random texts, inlines and blocks for these tests.
extension XorShiftRandom {
    static let markers = ["", "1.", "**1.**", "_a)_", "Điều 5.", "*Điều* 5", "*\u{0301}1.", "_\u{0300}", " ", "I- ", "ệ*", "\r\n*"]

    mutating func section(depth: Int = 0) -> Section {
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
        let children = depth > 2 ? [] : (0..<next(3)).map { _ in section(depth: depth + 1) }
        return Section(level: .item, label: "1", marker: Self.markers[next(Self.markers.count)], title: "t", lead: inlines(),
                       isHeading: false, body: blocks(), children: children, anchor: "a", path: ["1"], range: range)
    }

    mutating func text() -> String {
        var out = ""
        for _ in 0..<next(5) { out += RecordTextBytesTests.pieces[next(RecordTextBytesTests.pieces.count)] }
        return out
    }
    mutating func inlines(depth: Int = 0) -> [Inline] {
        (0..<next(4)).map { _ in
            let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
            switch next(depth > 2 ? 5 : 11) {
            case 0, 1: return Inline(.text(InlineText(text())), range: range)
            case 2: return Inline(.softBreak, range: range)
            case 3: return Inline(.lineBreak, range: range)
            case 4: return Inline(.code(text()), range: range)
            case 5: return Inline(.html("<b>"), range: range)
            case 6: return Inline(.emphasis(inlines(depth: depth + 1)), range: range)
            case 7: return Inline(.strong(inlines(depth: depth + 1)), range: range)
            case 8: return Inline(.link(Link(destination: "x", children: inlines(depth: depth + 1))), range: range)
            case 9: return Inline(.image(Link(destination: "x", children: inlines(depth: depth + 1))), range: range)
            default:
                return Inline(.footnoteReference(FootnoteReference(label: "n", number: next(30), occurrence: 1)), range: range)
            }
        }
    }
    mutating func blocks(depth: Int = 0) -> [Block] {
        (0..<next(4)).map { _ in
            let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
            switch next(depth > 1 ? 4 : 10) {
            case 0, 1: return Block(.paragraph(inlines()), range: range)
            case 2: return Block(.heading(level: 2, inlines()), range: range)
            case 3: return Block(.codeBlock(CodeBlock(info: "", literal: text(), isFenced: true)), range: range)
            case 4: return Block(.blockQuote(blocks(depth: depth + 1)), range: range)
            case 5:
                let items = (0..<next(3)).map { _ in ListItem(blocks: blocks(depth: depth + 1), range: range) }
                return Block(.list(ListBlock(marker: .bullet("-"), isTight: true, items: items)), range: range)
            case 6: return Block(.htmlBlock("<div>"), range: range)
            case 7: return Block(.thematicBreak, range: range)
            case 8:
                let row = { (random: inout XorShiftRandom) in (0..<random.next(3)).map { _ in TableCell(inlines: random.inlines(), range: range) } }
                let header = row(&self)
                let rows = (0..<next(3)).map { _ in row(&self) }
                return Block(.table(Table(alignments: [], header: header, rows: rows, headerRange: range, rowRanges: [])),
                             range: range)
            default:
                let definition = FootnoteDefinition(label: "n", number: 1, referenceCount: 1, blocks: blocks(depth: depth + 1))
                return Block(.footnoteDefinition(definition), range: range)
            }
        }
    }
}

/// Headings, URLs and trails joined by bytes are the strings appended one after the other.
@Suite struct JoinedStringTests {
    @Test func randomParts() {
        var random = XorShiftRandom(state: 0x5851_F42D_4C95_7F2D)
        for _ in 0..<5000 {
            let parts = (0..<5).map { _ in random.text() }
            let joined = SearchRecordCollector.joined(parts[0], parts[1], parts[2], parts[3], parts[4])
            #expect(joined == SearchRecordCollector.referenceJoined(parts[0], parts[1], parts[2], parts[3], parts[4]))
            #expect(Array(joined.utf8) == parts.flatMap { Array($0.utf8) })
            let three = SearchRecordCollector.joined(parts[0], parts[1], parts[2])
            #expect(Array(three.utf8) == Array((parts[0] + parts[1] + parts[2]).utf8))
        }
    }
}

/// Numbers written from a stack buffer are the numbers written in place and turned around,
/// and their decimal text.
@Suite struct JSONNumberTests {
    @Test func numbers() {
        var random = XorShiftRandom(state: 0x1234_5678_9ABC_DEF1)
        var values = [0, 1, 9, 10, 11, 99, 100, 1_000_000, -1, -10, Int.max, Int.min, Int.min + 1]
        for _ in 0..<5000 { values.append(random.next(1 << 40) - (1 << 39)) }
        for value in values {
            var fast: [UInt8] = [0x5B]
            var reference: [UInt8] = [0x5B]
            JSON.appendNumber(value, to: &fast)
            JSON.referenceAppendNumber(value, to: &reference)
            #expect(fast == reference, "\(value)")
            #expect(fast == [0x5B] + Array(String(value).utf8), "\(value)")
        }
    }
}
