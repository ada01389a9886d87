import DecuongCore
import Testing
import Yams
@testable import DecuongContent

/// Front matter read without Yams must give exactly what Yams gives (values and places),
/// and must decline whatever it cannot read that way.
@Suite struct SimpleFrontMatterTests {
    static let keys = ["title", "date", "number", "kind", "themes", "tags", "slug", "attached_to", "place", "Title", "x-y", "a b"]
    static let values = [
        "\"Kế hoạch thực hiện Nghị quyết số 145/NQ-CP\"", "\"\"", "\"a: b # c\"", "\"it's\"", "\"  spaced  \"",
        "\"tab\there\"", "\"esc\\\"aped\"", "\"unterminated", "2016-06-02", "Số 1-KH/TU", "ke-hoach-2023", "Hà Nội",
        "true", "null", "~", "12", "a  b", "trailing ", "-1", "- item", "a: b", "a #c", "#c", "'single'", "&anchor x",
        "*alias", "!tag x", "|", ">", "[\"a\", \"b\"]", "[\"Công tác cán bộ\", \"Thanh niên\"]", "[]", "[ \"a\" ]",
        "[\"a\",\"b\"]", "[a, b]", "{a: b}", "\"x\" # c", "Đảng bộ (tỉnh)", "x\u{2028}y", "\"x\u{0085}y\"", "\u{FEFF}x",
        "a\u{00A0}b", "\"\u{1F600}\"", "2023-13-45", "1.5", "x/y.z_w",
    ]

    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    @Test func matchesYams() throws {
        var random = Random(state: 99)
        var read = 0
        for _ in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<(1 + random.next(5)) {
                let key = Self.keys[random.next(Self.keys.count)]
                let separator = [": ", ": ", ": ", ":  ", ":"][random.next(5)]
                lines.append(key + separator + Self.values[random.next(Self.values.count)])
            }
            if random.next(10) == 0 { lines.insert(["# comment", "", "  indented: x"][random.next(3)], at: random.next(lines.count + 1)) }
            let yaml = lines.joined(separator: "\n")
            guard let simple = SourceFileLoader.simpleFrontMatterValues(yaml, firstLine: 2) else { continue }
            read += 1
            let block = try YAMLBlock(yaml: yaml, file: "f.md", firstLine: 2)
            #expect(simple.count == block.values.count, "\(yaml)")
            for (fast, slow) in zip(simple, block.values) {
                #expect(fast.key == slow.key, "\(yaml)")
                #expect(fast.location == slow.location, "\(yaml)")
                #expect(fast.value.scalar?.string == slow.value.scalar?.string, "\(yaml)")
                #expect(fast.value.sequence?.map(\.string) == slow.value.sequence?.map(\.string), "\(yaml)")
            }
        }
        // Enough samples take the fast path for the comparison to mean something.
        #expect(read > 80)
    }
}

extension SimpleFrontMatterTests {
    @Test func readsTheUsualFrontMatter() throws {
        let yaml = """
            title: "Kế hoạch thực hiện Nghị quyết số 145/NQ-CP về đẩy mạnh cải cách hành chính"
            date: 2016-06-02
            number: "Số 1-KH/TU"
            themes: ["Công tác cán bộ", "Hạ tầng giao thông", "Thanh niên"]
            """
        let simple = try #require(SourceFileLoader.simpleFrontMatterValues(yaml, firstLine: 2))
        let block = try YAMLBlock(yaml: yaml, file: "f.md", firstLine: 2)
        #expect(simple.map(\.key) == block.values.map(\.key))
        #expect(simple.map(\.location) == block.values.map(\.location))
        #expect(simple.map { $0.value.scalar?.string } == block.values.map { $0.value.scalar?.string })
        #expect(simple.map { $0.value.sequence?.map(\.string) } == block.values.map { $0.value.sequence?.map(\.string) })
    }
}
