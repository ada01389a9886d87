import DecuongCore
import Foundation
import DecuongMarkdown
import Testing
@testable import DecuongStructure

/// `OrganizationScanner.scan(utf8:known:)` and the runs read without their scalars against
/// the scalar scan and the decoded runs.
@Suite struct OrganizationUTF8ScanTests {
    /// Pieces whose bytes sit next to the heads' bytes: "Ü" ends in 9C like "“", "đ" and
    /// "Đ" share C4, "ủ" and "Ủ" share E1 BB, and heads cut short.
    static let bytePieces = ["Ü", "U\u{0308}", "“", "”", "Đả", "đảng", "đ", "ủy", "Ủ", "Ủy", "Uỷ", "Bộ", "Ba", "Th", "Thà", "Tỉ", "Hộ",
                             "Sở", "Sơ", "(", " (", "((", "\u{201C}Ban", "x“Ban", "Ba\u{0300}n", "Trường", "Trung tâm", "Văn phòng"]

    static func text(_ random: inout FastPathEquivalenceTests.Random, _ maxPieces: Int) -> String {
        var out = ""
        for _ in 0..<Int(random.next() % UInt64(maxPieces + 1)) {
            let r = random.next()
            if r % 5 == 0 {
                out += bytePieces[Int((r >> 8) % UInt64(bytePieces.count))]
            } else {
                out += MentionScannerEquivalenceTests.organizationText(&random, 3)
            }
            if r % 3 == 0 { out += " " }
        }
        return out
    }

    @Test func sameAsScalarScan() {
        var random = FastPathEquivalenceTests.Random(state: 81)
        let knownLists: [[String]] = [[], [], [], ["Sở Y tế"], [""]]
        for round in 0..<8000 {
            var text = Self.text(&random, round % 7 == 0 ? 40 : 10)
            let scalars = Array(text.unicodeScalars)
            let known = knownLists[round % knownLists.count]
            let old = OrganizationScanner.scan(scalars, known: known)
            let new = text.withUTF8 { OrganizationScanner.scan(utf8: $0, known: known) }
            #expect(new.map(\.0) == old.map(\.0) && new.map(\.1) == old.map(\.1), "\(scalars)")
        }
    }

    @Test func corpusSameAsScalarScan() throws {
        let folder = try CorpusFixture.url("full")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(!names.isEmpty)
        for name in names {
            var text = try CorpusFixture.text("full/\(name)")
            let scalars = Array(text.unicodeScalars)
            let old = OrganizationScanner.scan(scalars, known: [])
            let new = text.withUTF8 { OrganizationScanner.scan(utf8: $0, known: []) }
            #expect(new.map(\.0) == old.map(\.0) && new.map(\.1) == old.map(\.1))
        }
    }

    @Test func headStartsEveryOffset() {
        // Each head at each place of two words, so that the sixteen-byte steps meet it in every lane.
        for head in OrganizationScanner.heads {
            for before in ["", " ", "(", "“", "x", "Ü", "đ"] {
                for pad in 0..<18 {
                    for after in ["", " Tỉnh", " tổ chức", "x", " và"] {
                        var text = String(repeating: "a", count: pad) + " " + before + head + after
                        let scalars = Array(text.unicodeScalars)
                        let old = OrganizationScanner.scan(scalars, known: [])
                        let new = text.withUTF8 { OrganizationScanner.scan(utf8: $0, known: []) }
                        #expect(new.map(\.0) == old.map(\.0) && new.map(\.1) == old.map(\.1), "\(text)")
                    }
                }
            }
        }
    }

    @Test func assignmentMarksFromUTF8() {
        var random = FastPathEquivalenceTests.Random(state: 83)
        let words = ["chủ trì", "Chủ trì", "CHỦ TRÌ", "chủ", "trì", "phối hợp", "Phối hợp", "PHỐI HỢP", "phối", "İ", "ß", "Σ",
                     "ǅ", "Sở Y tế", " ", ", ", "c", "p", "C", "P", "\u{212A}", "chu\u{0309} tri\u{0300}", "ch", "phố", "ợ",
                     "×", "÷", "\u{A0}", "«", "ư", "Ư", "Đảng ủy", "Ỹ", "\u{1EFA}", "\u{1E9E}", "–", "“", "\u{2060}", "abcdefg"]
        for round in 0..<12000 {
            var text = ""
            for _ in 0..<Int(random.next() % (round % 3 == 0 ? 30 : 10)) {
                text += random.next() % 2 == 0 ? words[Int(random.next() % UInt64(words.count))] : random.string(3)
            }
            let scalars = Array(text.unicodeScalars)
            let reference = AssignmentFinder.referenceMarksInPlace(scalars)
            let bytes = text.withUTF8 { AssignmentFinder.marksInPlace(utf8: $0) }
            #expect(bytes?.lead == reference?.lead && bytes?.support == reference?.support && (bytes == nil) == (reference == nil),
                    "\(scalars)")
            let scalarwise = text.withUTF8 { AssignmentFinder.scalarMarksInPlace(utf8: $0) }
            #expect(scalarwise?.lead == reference?.lead && scalarwise?.support == reference?.support
                    && (scalarwise == nil) == (reference == nil), "\(scalars)")
        }
    }

    @Test func sentencesFromUTF8() {
        var random = FastPathEquivalenceTests.Random(state: 84)
        for _ in 0..<3000 {
            var text = random.string(random.next() % 4 == 0 ? 300 : 40)
            let scalars = Array(text.unicodeScalars)
            let run = TextRun(scalars: scalars, starts: [(0, 0)])
            guard !scalars.isEmpty else { continue }
            let a = Int(random.next() % UInt64(scalars.count))
            let b = min(scalars.count, a + Int(random.next() % 20))
            let bounds = run.sentenceBounds(around: a..<b)
            let fromBytes = text.withUTF8 { run.sentence(bounds, utf8: $0) }
            #expect(fromBytes == run.sentence(bounds), "\(scalars)")
        }
    }

    @Test func byteOffsetsOfScalars() {
        var random = FastPathEquivalenceTests.Random(state: 85)
        for _ in 0..<500 {
            var text = random.string(40)
            var offsets = text.unicodeScalars.indices.map { text.utf8.distance(from: text.startIndex, to: $0) }
            offsets.append(text.utf8.count)
            text.withUTF8 { utf8 in
                for (scalar, byte) in offsets.enumerated() {
                    #expect(TextRun.byteOffset(ofScalar: scalar, in: utf8, after: (0, 0)) == byte)
                    let start = Int(random.next() % UInt64(scalar + 1))
                    #expect(TextRun.byteOffset(ofScalar: scalar, in: utf8, after: (offsets[start], start)) == byte)
                }
            }
        }
    }

    @Test func ngayGapFromScalars() {
        var random = FastPathEquivalenceTests.Random(state: 87)
        let pieces = ["n", "N", "g", "G", "à", "À", "a", "A", "\u{0300}", "y", "Y", "ý", "İ", "i", " ", ",", "ngày", "NGÀY", "Ngày",
                      "x", "\r", "\r\n"]
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<Int(random.next() % 7) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let scalars = Array(text.unicodeScalars)[...]
            let gap = MentionScanner.gap(scalars)
            let trimmed = MentionScanner.trimmedGap(scalars)
            #expect(ScalarText.string(trimmed) == gap)
            let old = gap.isEmpty || (MentionScanner.isNgay(gap) ?? (gap.lowercased() == "ngày"))
            let new = trimmed.isEmpty || (MentionScanner.isNgay(scalars: trimmed) ?? (ScalarText.string(trimmed).lowercased() == "ngày"))
            #expect(old == new, "\(scalars)")
            #expect(MentionScanner.isNgay(scalars: trimmed) == MentionScanner.isNgay(gap), "\(scalars)")
        }
    }

    @Test func lowercaseShortcuts() {
        for value in UInt32(0)...0x2100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(CitationKinds.lowercase(scalar) == CitationKinds.referenceLowercase(scalar), "\(value)")
            if value >= 0x80 {
                #expect(AssignmentFinder.lowercasesToOne(scalar) == (ScalarText.simpleLowercase(scalar) != nil), "\(value)")
            }
        }
    }

    @Test func scalarCounts() {
        var random = FastPathEquivalenceTests.Random(state: 86)
        // Long texts too, past a chunk of 255 words of eight bytes.
        for round in 0..<400 {
            var text = random.string(round % 20 == 0 ? 3000 : 60)
            let count = text.unicodeScalars.count
            text.withUTF8 { utf8 in
                guard let base = utf8.baseAddress else { return }
                #expect(TextRun.scalarCount(base, 0, utf8.count) == count)
                let from = Int(random.next() % UInt64(utf8.count + 1))
                let reference = utf8[from...].filter { $0 & 0xC0 != 0x80 }.count
                #expect(TextRun.scalarCount(base, from, utf8.count) == reference)
            }
        }
    }

    @Test func runsWithoutScalars() {
        var random = FastPathEquivalenceTests.Random(state: 82)
        for _ in 0..<1500 {
            let (lines, indices) = MentionScannerEquivalenceTests.randomLines(&random)
            let decoded = TextRun.referenceRuns(lines, indices: indices)
            var count = 0
            TextRun.forEachRun(lines, indices: indices, decoding: { _ in false }) { run, utf8 in
                guard count < decoded.count else { return }
                let reference = decoded[count]
                count += 1
                #expect(run.scalars.isEmpty)
                #expect(Array(utf8) == Array(reference.text.utf8))
                #expect(run.starts.map(\.offset) == reference.starts.map(\.offset))
                #expect(run.starts.map(\.line) == reference.starts.map(\.line))
                #expect(run.hasDigit == reference.scalars.contains(where: \.isASCIIDigit))
            }
            #expect(count == decoded.count)
        }
    }
}
