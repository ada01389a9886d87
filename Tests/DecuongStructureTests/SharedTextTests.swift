import DecuongCore
import DecuongMarkdown
import Testing
@testable import DecuongStructure

/// Text the model keeps once: a run-in title as a length into its lead, a mention's sentence
/// as a cut of its line's string. Each reads back as the string it stands for.
@Suite struct SharedTextTests {
    static let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)

    static func section(title: String, lead: [Inline]) -> Section {
        Section(level: .item, label: "1", marker: "1.", title: title, lead: lead, isHeading: false, anchor: "i-1",
                path: ["I", "1"], range: range)
    }

    static func text(_ string: String) -> Inline { Inline(.text(InlineText(string)), range: range) }

    @Test func aRunInTitleIsKeptAsALengthIntoItsLead() {
        let lead = "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị. Các chi bộ báo cáo trước ngày 15/12/2026."
        let title = "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị"
        let section = Self.section(title: title, lead: [Self.text(lead)])
        #expect(section.titlePrefixLength == UInt32(title.utf8.count))
        #expect(Array(section.title.utf8) == Array(title.utf8))
        #expect(withUnsafePointer(to: section) { Section.title(at: $0) } == title)
        #expect(Section.title(of: [Self.section(title: "Khác", lead: []), section], at: 1) == title)
        #expect(section == Self.section(title: title, lead: [Self.text(lead)]))
        #expect(section.hashValue == Self.section(title: title, lead: [Self.text(lead)]).hashValue)
        #expect(section != Self.section(title: title + ".", lead: [Self.text(lead)]))

        // A new lead does not change the title; a new title is kept as given.
        var changed = section
        changed.lead = [Self.text("Khác hẳn")]
        #expect(changed.title == title && changed.titlePrefixLength == 0)
        changed.lead = [Self.text(lead)]
        #expect(changed == section)
        changed.title = "Thực hiện Nghị quyết số 35-NQ/TW"
        #expect(changed.title == "Thực hiện Nghị quyết số 35-NQ/TW" && changed.titlePrefixLength > 0)
        changed.title = "Không phải phần đầu của đoạn"
        #expect(changed.title == "Không phải phần đầu của đoạn" && changed.titlePrefixLength == 0)
    }

    /// A title that is all of its lead's one text is kept as a length too: the lead's text is
    /// a part of its document's, and the title would otherwise be a copy of it.
    @Test func aTitleEqualToItsLeadIsKeptAsALength() {
        let lead = "Tuyên truyền sâu rộng trong cán bộ, đảng viên"
        let section = Self.section(title: lead, lead: [Self.text(lead)])
        #expect(section.titlePrefixLength == UInt32(lead.utf8.count))
        #expect(section.title == lead)
        #expect(withUnsafePointer(to: section) { Section.title(at: $0) } == lead)
    }

    /// Titles that are not a prefix of a lead of one text, or too short to have storage of
    /// their own, keep their own string.
    @Test func otherTitlesKeepTheirOwnString() {
        let lead = "Tuyên truyền sâu rộng trong cán bộ, đảng viên"
        let cases: [(String, [Inline])] = [
            ("Tuyên truyền", [Self.text(lead)]),
            ("Tuyên truyền sâu rộng", [Self.text(lead), Self.text(" và nhân dân")]),
            ("Tuyên truyền sâu rộng", [Inline(.strong([Self.text(lead)]), range: Self.range)]),
            ("Tuyên truyền sâu rộng", []),
            ("Tuyên truyền sâu rộng trong cán bộ, đảng viên và nhân dân", [Self.text(lead)]),
            ("Tuyên truyền sâu rộng", [Self.text("Tuyen truyen sau rong trong can bo")]),
            ("", [Self.text(lead)]),
        ]
        for (title, inlines) in cases {
            let section = Self.section(title: title, lead: inlines)
            #expect(section.titlePrefixLength == 0, "\(title)")
            #expect(Array(section.title.utf8) == Array(title.utf8), "\(title)")
            #expect(withUnsafePointer(to: section) { Section.title(at: $0) } == title, "\(title)")
        }
    }

    /// Any cut of any string, with either mark, reads back as the string it was cut to; a
    /// sentence is equal to, and hashes as, the same text kept whole.
    @Test func aCutSentenceReadsBackAsItsText() {
        var random = FastPathEquivalenceTests.Random(state: 131)
        for _ in 0..<2000 {
            let base = random.string(16)
            let scalars = Array(base.unicodeScalars)
            let a = Int(random.next() % UInt64(scalars.count + 1))
            let b = a + Int(random.next() % UInt64(scalars.count - a + 1))
            let prefix = random.next() % 2 == 0
            let suffix = random.next() % 2 == 0
            let from = String(String.UnicodeScalarView(scalars[..<a])).utf8.count
            let to = String(String.UnicodeScalarView(scalars[..<b])).utf8.count
            let expected = (prefix ? "…" : "") + String(String.UnicodeScalarView(scalars[a..<b])) + (suffix ? "…" : "")
            let cut = ContextSentence(cutFrom: InlineText(base), bytes: from..<to, prefix: prefix, suffix: suffix)
            #expect(Array(cut.text.utf8) == Array(expected.utf8), "\(scalars) \(a)..<\(b)")
            #expect(cut == ContextSentence(expected) && cut.hashValue == ContextSentence(expected).hashValue)
            #expect(cut.isEmpty == expected.isEmpty)
        }
        // Offsets outside the string are clamped, not trusted.
        #expect(ContextSentence(cutFrom: "abc", bytes: 1..<9, prefix: true, suffix: false).text == "…bc")
        #expect(ContextSentence(cutFrom: "abc", bytes: 0..<3, prefix: false, suffix: false).text == "abc")
        #expect(ContextSentence("é") == ContextSentence(cutFrom: "xe\u{301}", bytes: 1..<4, prefix: false, suffix: false))
        // Two cuts compare by their text, wherever they are cut from: the same bytes from
        // different lines, different bytes, different marks, and canonically equivalent bytes.
        let sentence = "Thực hiện Nghị quyết số 35-NQ/TW."
        let length = sentence.utf8.count
        let line = sentence + " Tổ chức học tập."
        let other = "Mở đầu. " + sentence + " Khác."
        let start = "Mở đầu. ".utf8.count
        let first = ContextSentence(cutFrom: InlineText(line), bytes: 0..<length, prefix: false, suffix: true)
        let second = ContextSentence(cutFrom: InlineText(other), bytes: start..<start + length, prefix: false, suffix: true)
        #expect(first.isCut && second.isCut && first == second && first.hashValue == second.hashValue)
        #expect(first != ContextSentence(cutFrom: InlineText(other), bytes: start..<start + length, prefix: true, suffix: true))
        #expect(first != ContextSentence(cutFrom: InlineText(other), bytes: 0..<length, prefix: false, suffix: true))
        #expect(ContextSentence(cutFrom: "xé!", bytes: 1..<3, prefix: true, suffix: false)
                == ContextSentence(cutFrom: "e\u{301}?", bytes: 0..<3, prefix: true, suffix: false))
        // As small as the string it replaces with its cut, so that a place is no larger.
        #expect(MemoryLayout<ContextSentence>.size == 24)
    }
}
