import DecuongCore
import Testing
@testable import DecuongStructure

/// The compact forms of the section model (numbers made a label at a time, the anchor index
/// as a table) against the arrays and the dictionary they replaced.
@Suite struct CompactSectionModelTests {
    static let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)

    /// A section's display number is made from the whole path it is given.
    @Test func aSectionIsNumberedFromItsPath() {
        let section = Section(level: .item, label: "2.1", marker: "", title: "", lead: [], isHeading: false, anchor: "a",
                              path: ["II", "2", "2.1"], range: Self.range)
        #expect(section.displayNumber == "II.2.1")
    }

    /// Numbers made a label at a time are those made from the whole path, byte for byte: labels that extend the one before them, non-ASCII and canonically
    /// equivalent labels, separators, empty labels.
    @Test func numberingALabelAtATimeMatchesTheWholePath() {
        var random = FastPathEquivalenceTests.Random(state: 103)
        let labels = ["I", "II", "IV", "1", "2", "1.1", "1.2", "1.1.1", "1.10", "1.", ".", ".1", "..", "a", "a.", "a.b", "b", "đ",
                      "đ.1", "Điều 5", "Phần thứ nhất", "1.1\u{0301}", "1\u{0301}.1", "1\u{0301}", "é", "e\u{301}", "é.1",
                      "e\u{301}.1", "", " ", "1..1", "\r", "\r.", "\r\n", "\r.\n", "1\r", "1\r.1", "\u{1F}", "\u{1E}", "a\u{1F}.1",
                      String(repeating: "9.", count: 20)]
        for _ in 0..<20000 {
            var path: [String] = []
            var numbering = SectionNumbering.top
            for _ in 0..<Int(random.next() % 7) {
                var label = labels[Int(random.next() % UInt64(labels.count))]
                if let last = path.last, random.next() % 3 == 0 { label = last + "." + label }
                path.append(label)
                numbering = numbering.appending(label)
                let shown = path.map { Array($0.unicodeScalars) }
                #expect(Array(numbering.displayNumber.utf8) == Array(Section.referenceDisplayNumber(of: path).utf8), "\(shown)")
            }
        }
    }

    /// A section holds no more than its fields need (see `Section.titlePrefixLength`).
    @Test func aSectionIsSmall() {
        #expect(MemoryLayout<Section>.size <= 128)
    }

    /// The table finds what the dictionary index found, for random trees with repeated
    /// anchors (the first section keeps one) and for trees too wide and deep to pack.
    @Test func tableMatchesTheDictionary() {
        var random = FastPathEquivalenceTests.Random(state: 102)
        let anchors = ["i", "ii", "i-1", "i-2", "muc", "muc-2", "a", "é", "e\u{301}", "K", "\u{212A}"]
        func tree(_ depth: Int, _ prefix: [String]) -> [Section] {
            (0..<Int(random.next() % (depth > 2 ? 2 : 5))).map { _ in
                let anchor = anchors[Int(random.next() % UInt64(anchors.count))]
                let path = prefix + [String(random.next() % 12 + 1)]
                return Section(level: .item, label: path.last ?? "1", marker: "1.", title: "", lead: [], isHeading: false,
                               children: depth > 3 ? [] : tree(depth + 1, path), anchor: anchor, path: path,
                               range: Self.range)
            }
        }
        for _ in 0..<2000 {
            check(tree(0, []), anchors: anchors + ["none"])
        }
        func section(_ anchor: String, _ children: [Section] = []) -> Section {
            Section(level: .item, label: "1", marker: "1.", title: anchor, lead: [], isHeading: false, children: children,
                    anchor: anchor, path: ["1"], range: Self.range)
        }
        var deep = section("deep-9")
        for level in (0..<9).reversed() { deep = section("deep-\(level)", [section("leaf-\(level)"), deep]) }
        let wide = section("wide", (0..<1100).map { section("w-\($0 % 1050)", $0 == 1049 ? [deep] : []) })
        let sections = [section("first", [deep]), wide]
        let all = StructuredDocument(path: "x.md", sections: sections).allSections.map(\.anchor)
        check(sections, anchors: all + ["none"])
    }

    private func check(_ sections: [Section], anchors: [String]) {
        let table = SectionAnchorTable(sections)
        let reference = StructuredDocument.sectionIndex(of: sections)
        #expect(table.dictionary(sections) == reference)
        #expect(table.count == reference.count)
        #expect(SectionAnchorTable(sections) == table)
        var document = StructuredDocument(path: "x.md", sections: sections)
        document.sectionTable = table
        #expect(document.sectionIndex == reference)
        // Set from the dictionary, the document answers from it.
        var fromDictionary = document
        fromDictionary.sectionIndex = reference
        #expect(fromDictionary.sectionIndex == reference)
        for anchor in anchors {
            let first = document.allSections.first { $0.anchor == anchor }
            #expect(document.displayNumber(anchor: anchor) == first?.displayNumber, "\(anchor)")
            #expect(document.section(anchor: anchor) == first, "\(anchor)")
            #expect(fromDictionary.displayNumber(anchor: anchor) == first?.displayNumber, "\(anchor)")
            #expect(fromDictionary.section(anchor: anchor) == first, "\(anchor)")
            #expect((table.section(anchor: anchor, in: sections) != nil) == (reference[anchor] != nil), "\(anchor)")
        }
    }

    /// A dictionary set as the index is answered as given, even where its paths or
    /// numbers are not the sections' (as the dictionary kept in the document was).
    @Test func givenDictionaryIsAnsweredAsGiven() {
        let sections = [Section(level: .item, label: "1", marker: "1.", title: "one", lead: [], isHeading: false,
                                anchor: "i", path: ["1"], range: Self.range),
                        Section(level: .item, label: "2", marker: "2.", title: "two", lead: [], isHeading: false,
                                anchor: "ii", path: ["2"], range: Self.range)]
        var document = StructuredDocument(path: "x.md", sections: sections)
        document.sectionIndex = ["ii": SectionIndexEntry(path: [0], displayNumber: "9"),
                                 "i": SectionIndexEntry(path: [7], displayNumber: "8")]
        #expect(document.displayNumber(anchor: "ii") == "9")
        #expect(document.displayNumber(anchor: "i") == "8")
        // The section found is checked against its anchor; the search finds the right one.
        #expect(document.section(anchor: "ii")?.title == "two")
        #expect(document.section(anchor: "i")?.title == "one")
    }

    /// A tree changed after the table was made: the table's path leads to another section,
    /// which is not taken for the anchor's; the search finds it.
    @Test func changedTreeFallsBackToTheSearch() {
        let sections = (1...5).map {
            Section(level: .item, label: "\($0)", marker: "\($0).", title: "t\($0)", lead: [], isHeading: false,
                    anchor: "a\($0)", path: ["\($0)"], range: Self.range)
        }
        var document = StructuredDocument(path: "x.md", sections: sections)
        document.sectionTable = SectionAnchorTable(sections)
        document.sections.removeFirst()
        for section in document.sections {
            #expect(document.section(anchor: section.anchor)?.title == section.title)
            #expect(document.displayNumber(anchor: section.anchor) == section.displayNumber)
        }
        #expect(document.section(anchor: "a1") == nil)
        #expect(document.displayNumber(anchor: "a1") == nil)
    }

    @Test func emptyTableFindsNothing() {
        let document = StructuredDocument(path: "x.md")
        #expect(document.displayNumber(anchor: "i") == nil)
        #expect(document.section(anchor: "i") == nil)
        #expect(document.sectionIndex.isEmpty)
        #expect(SectionAnchorTable([]) == SectionAnchorTable())
    }
}
