import DecuongCore
import Testing
@testable import DecuongStructure

/// The byte paths of line extraction and section assembly against the code they replaced.
@Suite struct SectionsFastPathTests {
    @Test func scalarArraysTrimmingAndClosingMarks() {
        var random = FastPathEquivalenceTests.Random(state: 91)
        let ends = ["", "./.", "./. ", "\u{0600}./.", "\u{0301}./.", "a./.", "ệ./.", "\r./.", " ", "\u{A0}", "\u{2007}",
                    "\u{202F}", "\u{3000}", "\t", "\n", "\r\n", "…", "“", "\u{2008}"]
        for _ in 0..<6000 {
            let start = ends[Int(random.next() % UInt64(ends.count))]
            let end = ends[Int(random.next() % UInt64(ends.count))]
            let text = start + random.string(12) + end
            let scalars = Array(text.unicodeScalars)
            #expect(UTF8Scalars.array(text) == scalars, "\(scalars)")
            #expect(UTF8Scalars.trimmed(text) == text.trimmed(), "\(scalars)")
            #expect(LineExtractor.endsWithClosingMark(text) == text.hasSuffix("./."), "\(scalars)")
        }
    }

    @Test func anchorPartsMatchTheWholePathReading() {
        var random = FastPathEquivalenceTests.Random(state: 92)
        let labels = ["I", "II", "IV", "1", "2", "1.1", "1.2", "1.1.1", "1.10", "a", "b", "d", "đ", "dd", "Điều 5", "Phần thứ nhất",
                      "Chương II", "1.1\u{0301}", "1.\u{0301}", "A", "x-y", "", " ", "1..1", "1.1.", String(repeating: "9.", count: 50)]
        for _ in 0..<4000 {
            var path: [String] = []
            var parts = AnchorParts()
            for _ in 0..<(1 + Int(random.next() % 5)) {
                let label = labels[Int(random.next() % UInt64(labels.count))]
                path.append(label)
                parts = parts.appending(label)
                let reference = AnchorParts.reference(path)
                #expect(parts.parts == reference, "\(path)")
                #expect(parts.slug == Slug.make(reference.joined(separator: "-")), "\(path)")
            }
        }
    }
}
