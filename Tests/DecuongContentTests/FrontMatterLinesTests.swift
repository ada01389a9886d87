import DecuongCore
import Testing
@testable import DecuongContent

/// Front matter read line by line against the same text read by Yams.
@Suite struct FrontMatterLinesTests {
    static let keys = ["title", "date", "number", "themes", "tags", "kind", "place", "issuer", "slug", "attached_to",
                       "unknown", "Title", "a1", "x_y"]
    static let values = [
        "\"Kế hoạch thực hiện Nghị quyết số 145/NQ-CP\"", "2016-06-02", "2016-13-45", "\"Số 1-KH/TU\"", "Số: 160/KH-UBND",
        "[\"Công tác cán bộ\", \"Thanh niên\"]", "[]", "[ ]", "[\"a\",\"b\"]", "[ \"a\" , \"b\" ]", "[\"a\",]", "[\"a\"", "[a, b]",
        "ke-hoach-2023", "Ke Hoach", "\"\"", "\"a\\\"b\"", "\"a # b\"", "\"a: b\"", "a: b", "a #b", "a#b", "\"a\" x", "'a'",
        "- a", "a  b", "a,b", "(a) b+c", "=", "~", "null", "true", "yes", "1.5", "0x10", "\"\u{A0}a\"", "\u{A0}a", "ệ",
        "\"\u{FEFF}\"", "\"\u{2028}\"", "\"\u{85}\"", "\"tab\there\"", "a\tb", "Đảng bộ", "\"a\u{0301}\"", "a\u{0301}",
        "\"👍\"", "", " ", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x", "{a: b}", "a ", "\"a\" ",
    ]

    @Test func linesReadAsYAMLReadsThem() {
        var random = LoaderFastPathEquivalenceTests.Random(state: 31)
        var fast = 0
        for round in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<(1 + Int(random.next() % 5)) {
                let key = Self.keys[Int(random.next() % UInt64(Self.keys.count))]
                // Mostly the values real files hold, so that the line path is taken often.
                let value = round % 3 == 0 ? Self.values[Int(random.next() % UInt64(Self.values.count))]
                    : Self.values[Int(random.next() % 9)]
                let spaces = random.next() % 5 == 0 ? "  " : " "
                lines.append(key + ":" + spaces + value)
            }
            if random.next() % 10 == 0 { lines.insert("", at: Int(random.next() % UInt64(lines.count + 1))) }
            let yaml = lines.joined(separator: "\n")
            if FrontMatterLines.entries(yaml, firstLine: 2) != nil { fast += 1 }
            var newDiagnostics: [Diagnostic] = []
            var oldDiagnostics: [Diagnostic] = []
            let new = Result { () throws(DiagnosticError) in
                try SourceFileLoader.parseFrontMatter(yaml, file: "a.md", diagnostics: &newDiagnostics)
            }
            let old = Result { () throws(DiagnosticError) in
                try SourceFileLoader.parseFrontMatter(yaml, file: "a.md", diagnostics: &oldDiagnostics, usingLines: false)
            }
            switch (new, old) {
            case let (.success(a), .success(b)): #expect(a == b, "\(yaml)")
            case let (.failure(a), .failure(b)): #expect(a.diagnostic == b.diagnostic, "\(yaml)")
            default: Issue.record("outcomes differ for \(yaml): \(new) vs \(old)")
            }
            #expect(newDiagnostics == oldDiagnostics, "\(yaml)")
        }
        #expect(fast > 500)
    }
}

@Suite struct ISODateTests {
    @Test func datesAreWrittenAsByInterpolation() {
        for year in [0, 999, 1000, 1999, 2000, 2023, 2024, 2100, 9999, 10000, -5] {
            for month in -1...14 {
                for day in -1...33 {
                    #expect(ISODate.make(year: year, month: month, day: day)
                            == ISODate.makeByInterpolation(year: year, month: month, day: day), "\(year)-\(month)-\(day)")
                }
            }
        }
    }
}

@Suite struct FirstNULTests {
    @Test func nulIsFoundWhereTheSliceSearchFindsIt() {
        var random = LoaderFastPathEquivalenceTests.Random(state: 41)
        for _ in 0..<3000 {
            let count = Int(random.next() % 40)
            let bytes = (0..<count).map { _ in random.next() % 6 == 0 ? UInt8(0) : UInt8(truncatingIfNeeded: random.next() | 1) }
            for limit in [0, 1, 5, 20, 8192] {
                #expect(TextEncodingCheck.firstNUL(in: bytes, within: limit) == bytes.prefix(limit).firstIndex(of: 0), "\(bytes)")
            }
        }
    }
}
