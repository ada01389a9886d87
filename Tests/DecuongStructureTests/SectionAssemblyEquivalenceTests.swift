import DecuongContent
import DecuongCore
import DecuongMarkdown
import Foundation
import Testing
@testable import DecuongStructure

/// Section assembly's word-at-a-time reads and exactly sized arrays against the code they
/// replaced, on long prose (where the words are read eight bytes at a time) and on the
/// corpus documents.
@Suite struct SectionAssemblyEquivalenceTests {
    /// Prose as leads are written: words and single spaces, with now and then a stop, a
    /// double space, an emphasis marker, a no-break space or a line break.
    static func prose(_ random: inout FastPathEquivalenceTests.Random, words: Int) -> String {
        let vocabulary = ["tăng", "cường", "giám", "sát", "Đảng", "ủy", "ban", "nhân", "dân", "tỉnh", "TP.", "1.2", "số",
                          "7-KH/TU", "ngày", "02/01/2024", "(thực", "hiện)", "Kế", "hoạch", "a", "ở", "về", "ĐẢNG", "BỘ"]
        let joints = [" ", " ", " ", " ", " ", " ", " ", " ", ", ", ". ", "; ", ": ", "! ", "? ", ".\n", "  ", " *", "**",
                      "\u{A0}", "\t", "\r\n", " \u{0301}", "…", ".", " \u{1100}"]
        var out = ""
        for index in 0..<words {
            out += vocabulary[Int(random.next() % UInt64(vocabulary.count))]
            if index + 1 < words {
                out += random.next() % 4 == 0 ? joints[Int(random.next() % UInt64(joints.count))] : " "
            }
        }
        if random.next() % 3 == 0 { out += [".", ";", ":", " ", "*", "**", ". "][Int(random.next() % 7)] }
        return out
    }

    @Test func cleanAndFirstSentenceOnLongProse() {
        var random = FastPathEquivalenceTests.Random(state: 71)
        for round in 0..<3000 {
            let text = Self.prose(&random, words: Int(random.next() % (round % 5 == 0 ? 300 : 60)))
            let second = Self.prose(&random, words: Int(random.next() % 20))
            #expect(TextShape.clean(text) == TextShape.referenceClean(joining: CollectionOfOne(text)), "\(Array(text.unicodeScalars))")
            #expect(TextShape.clean(joining: [text, second]) == TextShape.referenceClean(joining: [text, second]),
                    "\(Array(text.unicodeScalars)) \(Array(second.unicodeScalars))")
            #expect(TextShape.clean(joining: [text, second]) == TextShape.clean(text + " " + second))
            #expect(SectionAssembler.firstSentence(text) == SectionAssembler.referenceFirstSentence(text),
                    "\(Array(text.unicodeScalars))")
            let cleaned = TextShape.clean(text)
            #expect(SectionAssembler.firstSentence(cleaned) == SectionAssembler.referenceFirstSentence(cleaned),
                    "\(Array(cleaned.unicodeScalars))")
        }
    }

    @Test func oneLineTitlesMatchTitlesOfTheCleanedText() {
        var random = FastPathEquivalenceTests.Random(state: 74)
        let levels: [SectionLevel] = [.part, .chapter, .section, .article, .item, .subitem, .point]
        let ends = ["", ".", ";", ". ", ".*", ".**", ";\u{A0}", ". *", "\t.", " .", ":", "…", "\u{0301}."]
        for round in 0..<4000 {
            var text = round % 3 == 0 ? random.string(80)
                : Self.prose(&random, words: Int(random.next() % (round % 4 == 0 ? 200 : 40)))
            text = UTF8Scalars.trimmed(text + ends[Int(random.next() % UInt64(ends.count))])
            if round % 7 == 0 { text = text.uppercased() }
            let level = levels[Int(random.next() % UInt64(levels.count))]
            let marked = random.next() % 8 == 0
            let fast = SectionAssembler.title(ofLine: text, level: level, marked: marked)
            let reference = SectionAssembler.title(leadText: TextShape.clean(text), level: level, marked: marked)
            #expect(fast.heading == reference.heading && fast.title == reference.title, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func lastKeptBytesAndKeptPrefixes() {
        var random = FastPathEquivalenceTests.Random(state: 75)
        for round in 0..<3000 {
            let text = round % 2 == 0 ? random.string(40)
                : Self.prose(&random, words: Int(random.next() % 60))
            let cleaned = TextShape.clean(text)
            #expect(TextShape.lastKeptByte(text) == cleaned.utf8.last, "\(Array(text.unicodeScalars))")
            let bytes = Array(text.utf8)
            let cleanBytes = Array(cleaned.utf8)
            for through in [0, 1, 7, 8, 9, 30, bytes.count / 2, bytes.count - 1, bytes.count] where through >= 0 {
                let keeps = TextShape.cleanKeepsPrefix(text, through: through)
                if keeps {
                    // What it promises: the cleaned text begins with the bytes up to `through`.
                    let prefix = bytes.prefix(through + 1)
                    #expect(cleanBytes.starts(with: prefix), "\(Array(text.unicodeScalars)) \(through)")
                    if through >= bytes.count { #expect(cleaned == text) }
                }
            }
        }
    }

    @Test func firstAndLastScalarsFromBytes() {
        var random = FastPathEquivalenceTests.Random(state: 76)
        for _ in 0..<6000 {
            let text = random.string(6)
            #expect(UTF8Scalars.first(text) == text.unicodeScalars.first, "\(Array(text.unicodeScalars))")
            #expect(UTF8Scalars.last(text) == text.unicodeScalars.last, "\(Array(text.unicodeScalars))")
        }
        for value in [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "a" + String(scalar)
            #expect(UTF8Scalars.last(text) == scalar)
            #expect(UTF8Scalars.first(String(scalar) + "a") == scalar)
        }
    }

    @Test func labelPrefixesAndDStrokeOnBytes() {
        var random = FastPathEquivalenceTests.Random(state: 77)
        let labels = ["1", "1.1", "1.1.1", "1.10", "11", "1.", "1..1", "a", "đ", "d", "dd", "đ\u{0301}", "d\u{0335}", "I",
                      "II", "1.1\u{0301}", "1\r", "1\r.1", "Điều 5", "", ".", "1.1 ", "\u{0111}"]
        for _ in 0..<4000 {
            let label = labels[Int(random.next() % UInt64(labels.count))] + (random.next() % 3 == 0 ? random.string(2) : "")
            let last = labels[Int(random.next() % UInt64(labels.count))]
            #expect(AnchorParts.extends(label, last) == AnchorParts.referenceExtends(label, last), "\(label) \(last)")
            #expect(AnchorParts.isDStroke(label) == (label == "đ"), "\(Array(label.unicodeScalars))")
        }
    }

    @Test func uppercaseRatiosFromBytes() {
        var random = FastPathEquivalenceTests.Random(state: 78)
        for round in 0..<4000 {
            var text = round % 2 == 0 ? random.string(30) : Self.prose(&random, words: Int(random.next() % 30))
            if round % 3 == 0 { text = text.uppercased() }
            #expect(TextShape.uppercaseRatio(text) == TextShape.referenceUppercaseRatio(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func plainTextOfOneRunIsTheRun() {
        var random = FastPathEquivalenceTests.Random(state: 79)
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
        for _ in 0..<3000 {
            var inlines: [Inline] = []
            for _ in 0..<Int(random.next() % 3) {
                let text = random.string(6)
                switch random.next() % 4 {
                case 0: inlines.append(Inline(.code(text), range: range))
                case 1: inlines.append(Inline(.strong([Inline(.text(InlineText(text)), range: range)]), range: range))
                default: inlines.append(Inline(.text(InlineText(text)), range: range))
                }
            }
            #expect(InlineEditing.plainText(inlines) == inlines.plainText)
            #expect(Array(InlineEditing.plainText(inlines).utf8) == Array(inlines.plainText.utf8))
        }
    }

    @Test func firstSentenceAroundItsLimits() {
        // Sentences that end, or are cut, near the 120th and 400th scalars, in ASCII and in
        // two- and three-byte letters, so that words straddle each limit.
        for letter in ["a", "ă", "ệ"] {
            for length in 100..<140 {
                for stop in ["", ".", ". x", ": x", "!", ".\nx"] {
                    for spaced in [false, true] {
                        var text = ""
                        for index in 0..<length { text += spaced && index % 7 == 6 ? " " : letter }
                        text += stop
                        #expect(SectionAssembler.firstSentence(text) == SectionAssembler.referenceFirstSentence(text), "\(length) \(stop)")
                        let long = text + String(repeating: letter + " ", count: 160) + stop
                        #expect(SectionAssembler.firstSentence(long) == SectionAssembler.referenceFirstSentence(long), "\(length) \(stop)")
                    }
                }
            }
        }
    }

    @Test func joinedLinesMatchTheJoinOfTheirArrays() throws {
        var random = FastPathEquivalenceTests.Random(state: 72)
        for text in try Self.corpusTexts() {
            let lines = LineExtractor.lines(of: MarkdownParser().parse(text))
            guard !lines.isEmpty else { continue }
            for _ in 0..<200 {
                let start = Int(random.next() % UInt64(lines.count))
                let indices = Array(start..<min(lines.count, start + Int(random.next() % 6)))
                #expect(InlineEditing.join(lines, indices) == InlineEditing.join(indices.map { lines[$0].inlines }.filter { !$0.isEmpty }))
            }
        }
    }

    @Test func rebuiltBlocksMatchTheOldRebuilder() throws {
        var random = FastPathEquivalenceTests.Random(state: 73)
        var compared = 0
        for text in try Self.corpusTexts() {
            let lines = LineExtractor.lines(of: MarkdownParser().parse(text))
            var builder = SectionBuilder(lines: lines, file: "test.md")
            builder.build(range: 0..<lines.count)
            let rebuilder = BlockRebuilder(lines: builder.lines, consumed: builder.consumedListItems)
            let reference = ReferenceBlockRebuilder(lines: builder.lines, consumed: builder.consumedListItems)
            var groups = builder.nodes.map(\.bodyLines) + [builder.preamble, Array(builder.lines.indices)]
            // Runs and scattered picks of lines, which cut lists and paragraphs anywhere.
            for _ in 0..<100 where !builder.lines.isEmpty {
                let start = Int(random.next() % UInt64(builder.lines.count))
                let run = Array(start..<min(builder.lines.count, start + Int(random.next() % 40)))
                groups.append(run)
                groups.append(run.filter { _ in random.next() % 3 != 0 })
            }
            for group in groups {
                #expect(rebuilder.blocks(group) == reference.blocks(group), "\(group)")
                compared += 1
            }
        }
        #expect(compared > 500)
    }

    /// The corpus documents and excerpts, and generated documents with nested lists, quotes
    /// and list items that become sections.
    static func corpusTexts() throws -> [String] {
        let base = try CorpusFixture.url("full")
        let excerpts = try CorpusFixture.url("excerpts")
        var texts: [String] = []
        for folder in [base, excerpts] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            for name in names where name.hasSuffix(".md") || name.hasSuffix(".txt") {
                texts.append(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            }
        }
        texts.append("""
        I. MỤC ĐÍCH

        1. Thứ nhất
           dòng tiếp

           - gạch một
           - gạch hai
             > trích dẫn
             > tiếp

        2. Thứ hai

        > 3. Trong trích dẫn
        > dòng

        II. NỘI DUNG

        1. **Đậm** và *nghiêng*
        2.
        3. Mục ba
           1. con một
           2. con hai

        ```
        mã
        ```

        | a | b |
        |---|---|
        | 1 | 2 |

        a) điểm a
        b) điểm b
        """)
        return texts
    }
}

/// `BlockRebuilder` as it was before its arrays were counted first: verbatim but for the name.
struct ReferenceBlockRebuilder {
    let lines: [TextLine]
    let consumed: Set<SectionBuilder.ContainerKey>

    func blocks(_ indices: [Int]) -> [Block] {
        let entries = indices.map { index -> (Int, [LineContainer]) in
            let containers = lines[index].containers.filter { container in
                guard let item = container.itemIndex else { return true }
                return !consumed.contains(SectionBuilder.ContainerKey(id: container.id, item: item))
            }
            return (index, containers)
        }
        return build(entries[...], depth: 0)
    }

    private func build(_ entries: ArraySlice<(Int, [LineContainer])>, depth: Int) -> [Block] {
        var out: [Block] = []
        var i = entries.startIndex
        while i < entries.endIndex {
            let (index, containers) = entries[i]
            if containers.count > depth {
                let container = containers[depth]
                var j = i
                while j < entries.endIndex, entries[j].1.count > depth, entries[j].1[depth].id == container.id { j += 1 }
                out.append(containerBlock(container, entries[i..<j], depth: depth))
                i = j
                continue
            }
            // By index: a copy of the line retained all it holds.
            if let atomic = lines[index].atomic {
                out.append(atomic)
                i += 1
                continue
            }
            let groupParagraph = lines[index].paragraph
            var j = i
            var group: [Int] = []
            while j < entries.endIndex, entries[j].1.count == depth, lines[entries[j].0].atomic == nil,
                  lines[entries[j].0].paragraph == groupParagraph {
                group.append(entries[j].0)
                j += 1
            }
            if let block = paragraph(group) { out.append(block) }
            i = max(j, i + 1)
        }
        return out
    }

    private func containerBlock(_ container: LineContainer, _ entries: ArraySlice<(Int, [LineContainer])>,
                                depth: Int) -> Block {
        let first = lines[entries.first?.0 ?? 0].range.start
        let last = lines[entries.last?.0 ?? 0].range.end
        let range = SourceRange(start: first, end: last)
        switch container.kind {
        case .quote:
            return Block(.blockQuote(build(entries, depth: depth + 1)), range: range)
        case .listItem(let marker, _, let tight, _):
            var items: [ListItem] = []
            var i = entries.startIndex
            var firstIndex: Int?
            var firstNumber: Int?
            while i < entries.endIndex {
                let item = entries[i].1[depth]
                var j = i
                while j < entries.endIndex, entries[j].1[depth] == item { j += 1 }
                if firstIndex == nil, case .listItem(_, let index, _, let number) = item.kind {
                    firstIndex = index
                    firstNumber = number
                }
                items.append(ListItem(blocks: build(entries[i..<j], depth: depth + 1), range: item.itemRange))
                i = j
            }
            var listMarker = marker
            if case .ordered(let start, let delimiter) = marker {
                listMarker = .ordered(start: firstNumber ?? start + (firstIndex ?? 0), delimiter: delimiter)
            }
            return Block(.list(ListBlock(marker: listMarker, isTight: tight, items: items)), range: range)
        }
    }

    func paragraph(_ group: [Int]) -> Block? {
        // One line (most groups) is its own content: no arrays to join it from.
        let content = group.count == 1 ? lines[group[0]].inlines
            : InlineEditing.join(group.map { lines[$0].inlines }.filter { !$0.isEmpty })
        guard !content.isEmpty, let first = group.first, let last = group.last else { return nil }
        let range = SourceRange(start: lines[first].range.start, end: lines[last].range.end)
        if let level = lines[first].headingLevel { return Block(.heading(level: level, content), range: range) }
        return Block(.paragraph(content), range: range)
    }
}
