import DecuongCore
import Testing
@testable import DecuongStructure

/// The fast paths of a section's display number and of the anchor index against the
/// code they replaced.
@Suite struct SectionIndexEquivalenceTests {
    @Test func bytePathMatchesTheStringReading() {
        var random = FastPathEquivalenceTests.Random(state: 93)
        let labels = ["I", "II", "IV", "1", "2", "1.1", "1.2", "1.1.1", "1.10", "1.", ".", ".1", "..", "a", "a.", "a.b", "b", "đ",
                      "đ.1", "Điều 5", "Phần thứ nhất", "1.1\u{0301}", "1\u{0301}.1", "1\u{0301}", "A", "x-y", "", " ", "1..1",
                      "1.1.", "\r", "\r.", "\r\n", "\r.\n", "1\r", "1\r.\n", "1\r.1", String(repeating: "9.", count: 20),
                      String(repeating: "9.", count: 20) + "9"]
        for _ in 0..<20000 {
            var path: [String] = []
            for _ in 0..<Int(random.next() % 7) {
                var label = labels[Int(random.next() % UInt64(labels.count))]
                // A label that extends the one before it, as sub-items do.
                if let last = path.last, random.next() % 3 == 0 { label = last + "." + label }
                path.append(label)
            }
            #expect(Section.displayNumber(of: path) == Section.referenceDisplayNumber(of: path), "\(path)")
        }
    }

    @Test func sectionPathsMatchTheFirstReading() {
        var random = FastPathEquivalenceTests.Random(state: 94)
        // Few anchors, so that trees repeat them and the first path must win.
        let anchors = ["i", "ii", "i-1", "i-2", "muc", "muc-2", "a"]
        func tree(_ depth: Int) -> [Section] {
            (0..<Int(random.next() % (depth > 2 ? 2 : 4))).map { _ in
                let anchor = anchors[Int(random.next() % UInt64(anchors.count))]
                return Section(level: .item, label: "1", marker: "1.", title: "", lead: [], isHeading: false,
                               children: depth > 3 ? [] : tree(depth + 1), anchor: anchor, path: ["1"],
                               range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1))
            }
        }
        for _ in 0..<3000 {
            let sections = tree(0)
            #expect(StructuredDocument.sectionIndex(of: sections).mapValues(\.path)
                        == StructuredDocument.referenceSectionPaths(of: sections))
        }
    }

    /// Paths packed into a word and paths too deep or too wide for it (kept as arrays) read
    /// back as they were given, and equal paths make equal entries.
    @Test func packedPathsReadBackAsGiven() {
        var random = FastPathEquivalenceTests.Random(state: 97)
        let indices = [0, 1, 2, 9, 254, 255, 256, 1022, 1023, 1024, 1025, 5000]
        for _ in 0..<20000 {
            let path = (0..<Int(random.next() % 10)).map { _ in indices[Int(random.next() % UInt64(indices.count))] }
            let entry = SectionIndexEntry(path: path, displayNumber: "1")
            #expect(entry.path == path, "\(path)")
            #expect(entry.depth == path.count)
            for level in path.indices { #expect(entry.index(at: level) == path[level]) }
            var changed = SectionIndexEntry(path: [7], displayNumber: "1")
            changed.path = path
            #expect(changed == entry, "\(path)")
        }
    }

    /// The index of trees with a level of more than 1,024 sections and a branch nine levels
    /// deep (past what a packed path holds) finds every first section, as the walk does.
    @Test func wideAndDeepTreesAreIndexed() {
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
        func section(_ anchor: String, _ children: [Section] = []) -> Section {
            Section(level: .item, label: "1", marker: "1.", title: anchor, lead: [], isHeading: false, children: children,
                    anchor: anchor, path: ["1"], range: range)
        }
        var deep = section("deep-9")
        for level in (0..<9).reversed() { deep = section("deep-\(level)", [section("leaf-\(level)"), deep]) }
        let wide = section("wide", (0..<1100).map { section("w-\($0 % 1050)", $0 == 1049 ? [deep] : []) })
        var document = StructuredDocument(path: "x.md", sections: [section("first", [deep]), wide])
        document.sectionIndex = StructuredDocument.sectionIndex(of: document.sections)
        #expect(document.sectionIndex.mapValues(\.path) == StructuredDocument.referenceSectionPaths(of: document.sections))
        for anchor in document.sectionIndex.keys {
            #expect(document.section(anchor: anchor)?.title == document.allSections.first { $0.anchor == anchor }?.title,
                    "\(anchor)")
        }
    }

    /// The index gives the number of the first section with the anchor, depth first, as
    /// looking through every section does; repeated anchors included.
    @Test func sectionNumbersMatchTheWalk() {
        var random = FastPathEquivalenceTests.Random(state: 96)
        let anchors = ["i", "ii", "i-1", "i-2", "muc", "muc-2", "a"]
        func tree(_ depth: Int, _ prefix: [String]) -> [Section] {
            (0..<Int(random.next() % (depth > 2 ? 2 : 4))).map { _ in
                let anchor = anchors[Int(random.next() % UInt64(anchors.count))]
                let path = prefix + [String(random.next() % 12 + 1)]
                return Section(level: .item, label: path.last ?? "1", marker: "1.", title: "", lead: [], isHeading: false,
                               children: depth > 3 ? [] : tree(depth + 1, path), anchor: anchor, path: path,
                               range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1))
            }
        }
        for _ in 0..<2000 {
            var document = StructuredDocument(path: "x.md", sections: tree(0, []))
            document.sectionIndex = StructuredDocument.sectionIndex(of: document.sections)
            for anchor in anchors + ["none"] {
                #expect(document.displayNumber(anchor: anchor)
                            == document.allSections.first { $0.anchor == anchor }?.displayNumber, "\(anchor)")
            }
        }
    }

    @Test func headingTitleMatchesTheCharacterReading() {
        var random = FastPathEquivalenceTests.Random(state: 95)
        let ends = ["", ":", ".", "..", ":.", " :", ". ", "\u{0600}.", "\u{0301}", ".\u{0301}", ":\u{0301}", "\r\n", " ", "\u{A0}",
                    "\u{3000}", "…", "\t", "\u{2007}"]
        for _ in 0..<6000 {
            let text = ends[Int(random.next() % UInt64(ends.count))] + random.string(6) + ends[Int(random.next() % UInt64(ends.count))]
                + ends[Int(random.next() % UInt64(ends.count))]
            #expect(SectionAssembler.headingTitle(text) == SectionAssembler.referenceHeadingTitle(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func asciiSlugMatchesTheByteArrayReading() {
        var random = FastPathEquivalenceTests.Random(state: 96)
        let parts = ["I", "IV", "1", "1.1", "a", "dd", "x-y", "", " ", "-", "..", "Điều 5", "A B", "a_b", "Z9", "é",
                     String(repeating: "9.", count: 30), String(repeating: "ab", count: 40)]
        for _ in 0..<6000 {
            let path = (0..<Int(random.next() % 6)).map { _ in parts[Int(random.next() % UInt64(parts.count))] }
            #expect(AnchorParts.asciiSlug(path) == AnchorParts.referenceASCIISlug(path), "\(path)")
        }
    }
}
