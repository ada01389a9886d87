import DecuongCore
import DecuongMarkdown
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

    @Test func simplePrefixes() {
        var random = FastPathEquivalenceTests.Random(state: 93)
        for _ in 0..<6000 {
            let text = random.string(20)
            let characters = 1 + Int(random.next() % 12)
            if let (offset, count) = UTF8Scalars.simplePrefix(text, characters: characters) {
                let prefix = String(text.prefix(characters))
                #expect(count == prefix.count, "\(Array(text.unicodeScalars))")
                #expect(offset == prefix.utf8.count, "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func lowercaseOfSingleScalarsMatchesTheTables() {
        for value in UInt32(0)..<0x2100 {
            guard let scalar = Unicode.Scalar(value), let lower = ScalarText.simpleLowercase(scalar) else { continue }
            #expect(Array(scalar.properties.lowercaseMapping.unicodeScalars) == [lower], "\(value)")
        }
    }

    @Test func assignmentMarksMatchTheLowercasedSearch() {
        var random = FastPathEquivalenceTests.Random(state: 94)
        let words = ["chủ trì", "Chủ trì", "CHỦ TRÌ", "chủ", "trì", "phối hợp", "Phối hợp", "PHỐI HỢP", "phối", "İ", "ß", "Σ",
                     "ǅ", "Sở Y tế", " ", ", "]
        func firstOffset(_ needle: String, _ haystack: [Unicode.Scalar]) -> Int? {
            let pattern = Array(needle.unicodeScalars)
            guard haystack.count >= pattern.count else { return nil }
            for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<(start + pattern.count)]) == pattern {
                return start
            }
            return nil
        }
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(random.next() % 8) {
                text += random.next() % 2 == 0 ? words[Int(random.next() % UInt64(words.count))] : random.string(3)
            }
            let lower = ScalarText.lowercasedScalars(text)
            let marks = AssignmentFinder.marks(Array(text.unicodeScalars), text: text)
            #expect(marks.lead == firstOffset("chủ trì", lower), "\(Array(text.unicodeScalars))")
            #expect(marks.support == firstOffset("phối hợp", lower), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func assignmentMarksMatchTheScalarByScalarSearch() {
        var random = FastPathEquivalenceTests.Random(state: 96)
        let words = ["chủ trì", "Chủ trì", "CHỦ TRÌ", "chủ", "trì", "phối hợp", "Phối hợp", "PHỐI HỢP", "phối", "İ", "ß", "Σ",
                     "ǅ", "Sở Y tế", " ", ", ", "c", "p", "C", "P", "\u{212A}"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(random.next() % 10) {
                text += random.next() % 2 == 0 ? words[Int(random.next() % UInt64(words.count))] : random.string(3)
            }
            let scalars = Array(text.unicodeScalars)
            let fast = AssignmentFinder.marksInPlace(scalars)
            let reference = AssignmentFinder.referenceMarksInPlace(scalars)
            #expect(fast?.lead == reference?.lead && fast?.support == reference?.support && (fast == nil) == (reference == nil),
                    "\(scalars)")
        }
    }

    @Test func namesMatchTheCharacterSplit() {
        func reference(_ text: String) -> Bool {
            let words = text.split(separator: " ")
            guard (2...6).contains(words.count), text.count <= 50 else { return false }
            return words.allSatisfy { word in
                guard let first = word.first, first.isUppercase else { return false }
                return word.allSatisfy { $0.isLetter } && word.dropFirst().contains { $0.isLowercase } || word.count == 1
            }
        }
        var random = FastPathEquivalenceTests.Random(state: 95)
        let words = ["Phạm", "Văn", "Hiếu", "A", "B.", "NGUYỄN", "Thị", "x", "1", " ", "  ", "\u{0301}", " \u{0301}", "Đ", "\r", "\t",
                     "Đỗ", "Ánh", "ǅa", "ǈ", "ßa", "Σσ", "Ωmega", "Ⅻ", "ª", "Ǆ", "Ŋa", "Ēa"]
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<Int(random.next() % 9) {
                text += random.next() % 3 == 0 ? random.string(2) : words[Int(random.next() % UInt64(words.count))] + " "
            }
            #expect(TextShape.looksLikeName(text) == reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func contentTitlesMatchTheFoldedPrefix() {
        var random = FastPathEquivalenceTests.Random(state: 96)
        let heads = ["NỘI DUNG", "Nội dung", "nội dung", "NOI DUNG", "Nội  dung", "Nội dung\u{0301}", "No\u{0323}\u{0302}i dung",
                     "II. NỘI DUNG", "Nội", "", " NỘI DUNG", "ＮỘI DUNG"]
        for _ in 0..<4000 {
            let title = heads[Int(random.next() % UInt64(heads.count))] + random.string(6)
            #expect(ThemeFinder.isContentTitle(title) == VietnameseText.fold(title).hasPrefix("noi dung"), "\(Array(title.unicodeScalars))")
        }
    }

    @Test func oneLineParagraphsSplitAsBefore() {
        func reference(_ inlines: [Inline]) -> [[Inline]] {
            var lines: [[Inline]] = [[]]
            for inline in inlines {
                switch inline.kind {
                case .softBreak, .lineBreak:
                    lines.append([])
                case .emphasis, .strong, .strikethrough, .link:
                    let parts = reference(inline.children)
                    for (index, part) in parts.enumerated() {
                        if index > 0 { lines.append([]) }
                        if !part.isEmpty { lines[lines.count - 1].append(inline.replacingChildren(part)) }
                    }
                default:
                    lines[lines.count - 1].append(inline)
                }
            }
            return lines
        }
        var random = FastPathEquivalenceTests.Random(state: 97)
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
        func make(_ depth: Int) -> [Inline] {
            (0..<Int(random.next() % 4)).map { _ in
                switch random.next() % 7 {
                case 0: Inline(.softBreak, range: range)
                case 1 where random.next() % 4 == 0: Inline(.lineBreak, range: range)
                case 2 where depth < 3: Inline(.strong(make(depth + 1)), range: range)
                case 3 where depth < 3: Inline(.emphasis(make(depth + 1)), range: range)
                case 4 where depth < 3: Inline(.link(Link(destination: "x", children: make(depth + 1))), range: range)
                case 5: Inline(.code(random.string(3)), range: range)
                default: Inline(.text(InlineText(random.string(4))), range: range)
                }
            }
        }
        for _ in 0..<4000 {
            let inlines = make(0)
            #expect(InlineEditing.splitLines(inlines) == reference(inlines), "\(inlines)")
        }
    }
}
