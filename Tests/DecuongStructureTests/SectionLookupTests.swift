import DecuongStructure
import Foundation
import Testing

/// `displayNumber(anchor:)` reads the number in place; it must be the number of the section
/// that `section(anchor:)` finds, for every section of every corpus document.
@Suite struct SectionLookupTests {
    @Test func displayNumberByAnchorEqualsTheSectionsNumber() throws {
        let folder = try CorpusFixture.url("full")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(!names.isEmpty)
        var checked = 0
        for name in names {
            let document = try CorpusFixture.recognize("full/\(name)")
            for section in document.allSections {
                #expect(document.displayNumber(anchor: section.anchor) == document.section(anchor: section.anchor)?.displayNumber,
                        "\(name) \(section.anchor)")
                checked += 1
            }
            #expect(document.displayNumber(anchor: "khong-co-muc-nay") == nil)
            // A tree changed after recognition: the index points elsewhere, the search still finds it.
            var changed = document
            if let first = changed.sections.first, let last = document.allSections.last, last.anchor != first.anchor {
                changed.sections.removeFirst()
                #expect(changed.displayNumber(anchor: last.anchor) == changed.section(anchor: last.anchor)?.displayNumber)
            }
        }
        #expect(checked > 100)
    }
}
