import DecuongCore
import DecuongMarkdown
import Foundation
import Testing

@Suite struct MarkdownParserTests {
    let parser = MarkdownParser()

    @Test func seedPlanRendersWithVietnameseIntact() throws {
        let seed = try Fixture.text("seed-ke-hoach-2023.md")
        let document = parser.parse(seed)
        let html = HTMLRenderer().render(document)
        let opening = "Thực hiện Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức Trung ương"
        #expect(html.contains("<p>\(opening)"))
        #expect(html == html.precomposedStringWithCanonicalMapping, "output must stay NFC")
        // Every paragraph of the source survives, in order.
        let paragraphs = document.blocks.compactMap { block -> String? in
            if case .paragraph = block.kind { return block.plainText }
            return nil
        }
        #expect(paragraphs.contains { $0.hasPrefix(opening) })
        #expect(paragraphs.contains("I- MỤC ĐÍCH, YÊU CẦU"))
        // "1. Đẩy mạnh…" is an ordered list to CommonMark; the recognizer sees through it later.
        let lists = document.blocks.filter { if case .list = $0.kind { true } else { false } }
        #expect(!lists.isEmpty)
        #expect(html.contains("<strong>T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ</strong>"))
        #expect(html.contains("Phạm Văn Hiếu"))
    }

    @Test func sourceRangesCountCharactersNotBytes() {
        let text = "Đề cương\n\n- Một **Đảng** viên\n+ Hai\n"
        let document = parser.parse(text)
        #expect(document.blocks.count == 3)
        let paragraph = document.blocks[0]
        // "Đề cương" is 8 characters but 11 bytes.
        #expect(paragraph.range == SourceRange(line: 1, column: 1, endLine: 1, endColumn: 8))
        guard case .list(let dashes) = document.blocks[1].kind,
              case .list(let pluses) = document.blocks[2].kind else {
            Issue.record("expected two lists, got \(document.blocks.map(\.kind))")
            return
        }
        #expect(dashes.marker == .bullet("-"))
        #expect(pluses.marker == .bullet("+"))
        #expect(dashes.items[0].range == SourceRange(line: 3, column: 1, endLine: 3, endColumn: 19))
        let inlines = dashes.items[0].blocks[0].inlines ?? []
        let strong = inlines.first { if case .strong = $0.kind { true } else { false } }
        // "- Một **Đảng**": the strong run starts at character 7 (byte 9).
        #expect(strong?.range.start == SourceLocation(line: 3, column: 7))
    }

    @Test func orderedListsKeepTheirNumbering() {
        let document = parser.parse("1.1. Không phải danh sách\n\n3) Ba\n4) Bốn\n")
        #expect(document.blocks.count == 2)
        guard case .list(let list) = document.blocks[1].kind else {
            Issue.record("expected a list")
            return
        }
        #expect(list.marker == .ordered(start: 3, delimiter: .parenthesis))
        #expect(list.items.count == 2)
        #expect(list.isTight)
    }

    @Test func tablesTasksAndFootnotesBecomeSwiftValues() {
        let text = """
            | Số | Nội dung |
            |:--|--:|
            | 1 | *Đảng* |

            - [x] xong
            - [ ] chưa

            Trích dẫn[^nq].

            [^nq]: Nghị quyết số 35-NQ/TW.
            """
        let document = parser.parse(text)
        guard case .table(let table) = document.blocks[0].kind else {
            Issue.record("expected a table first")
            return
        }
        #expect(table.alignments == [.left, .right])
        #expect(table.header.map(\.inlines.plainText) == ["Số", "Nội dung"])
        #expect(table.rows.map { $0.map(\.inlines.plainText) } == [["1", "Đảng"]])
        guard case .list(let tasks) = document.blocks[1].kind else {
            Issue.record("expected a task list")
            return
        }
        #expect(tasks.items.map(\.task) == [.checked, .unchecked])
        guard case .footnoteDefinition(let footnote) = document.blocks.last?.kind else {
            Issue.record("expected the footnote last")
            return
        }
        #expect(footnote.label == "nq")
        #expect(footnote.number == 1)
        #expect(footnote.referenceCount == 1)
    }

    @Test func invalidUTF8IsATypedErrorWithItsPlace() {
        var bytes = Array("Kế hoạch\nsố 1".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28]  // a lead byte followed by a non-continuation byte
        bytes += Array(" tiếp".utf8)
        #expect(throws: MarkdownError.invalidUTF8(byteOffset: offset, line: 2, column: 5)) {
            try parser.parse(bytes: bytes)
        }
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0x80]] {
            #expect(throws: MarkdownError.self) { try parser.parse(bytes: Array("ok ".utf8) + bad) }
        }
        let diagnostic = MarkdownError.invalidUTF8(byteOffset: 3, line: 1, column: 4).diagnostic(file: "content/a.md")
        #expect(DiagnosticFormatter().format(diagnostic).hasPrefix("content/a.md:1:4: error: "))
    }

    @Test func validBytesParseLikeText() throws {
        let text = "Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị\n"
        #expect(try parser.parse(bytes: Array(text.utf8)) == parser.parse(text))
    }

    /// Without the parser lock, cmark's shared special-character table makes concurrent
    /// parses drop autolinks and strikethroughs. 8 tasks × 200 parses must all agree.
    @Test func concurrentParsesGiveIdenticalTrees() async throws {
        let seed = try Fixture.text("seed-ke-hoach-2023.md")
        let text = seed + "\n\nXem www.example.org và https://dangcongsan.vn, ~~bỏ~~ | a |\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let reference = MarkdownParser().parse(text)
        let results = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var same = 0
                    for _ in 0..<200 where MarkdownParser().parse(text) == reference { same += 1 }
                    return same
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: 200, count: 8))
        let html = HTMLRenderer().render(reference)
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("<del>bỏ</del>"))
    }

    @Test func emptyAndOddInputsDoNotCrash() throws {
        #expect(parser.parse("").blocks.isEmpty)
        #expect(try parser.parse(bytes: []).blocks.isEmpty)
        _ = parser.parse("\u{0}\r\n\r>\t- [^x]\n[^x]:")
        _ = parser.parse(String(repeating: "> ", count: 300) + "sâu")
        _ = parser.parse(String(repeating: "[", count: 5000))
        let longLine = String(repeating: "Đảng **viên** ", count: 20_000)
        let document = parser.parse(longLine)
        let last = document.blocks.first?.inlines?.last
        #expect(last.map { $0.range.end.column > 200_000 } == true, "columns on a long line are characters")
    }
}

/// Hostile nesting must not overflow the stack of any later stage (they recurse): past
/// `MarkdownLimits.maxNesting` the containers go, the text stays.
@Suite struct MarkdownNestingTests {
    enum Case: String, CaseIterable, CustomStringConvertible {
        case quotes, lists, emphasis

        var description: String { rawValue }

        var text: String {
            switch self {
            case .quotes: String(repeating: "> ", count: 10_000) + "sâu nhất\n"
            // "- - - x" opens a list inside a list on one line: 10,000 levels in 20 KB.
            case .lists: String(repeating: "- ", count: 10_000) + "mục\n" + String(repeating: "1. ", count: 3_000) + "số\n"
            case .emphasis: String(repeating: "*a ", count: 5_000) + "lõi" + String(repeating: " a*", count: 5_000) + "\n"
            }
        }
    }

    @Test(arguments: Case.allCases)
    func deepNestingIsFlattenedNotFatal(_ input: Case) {
        let text = input.text
        let document = MarkdownParser().parse(text)
        var depth = 0
        func measure(_ blocks: [Block], _ level: Int) {
            depth = max(depth, level)
            for block in blocks { measure(block.childBlocks, level + 1) }
        }
        measure(document.blocks, 0)
        #expect(depth <= MarkdownLimits.maxNesting + 1)
        let html = HTMLRenderer().render(document)
        // List numbers become <ol> numbering, not text; every word must be there.
        let words = Set(text.split { !$0.isLetter }.map(String.init))
        for word in words { #expect(html.contains(word), "\(word) was lost") }
    }

    @Test func flatteningIsReportedWhereItStarts() {
        let document = MarkdownParser().parse("đầu\n\n" + String(repeating: "> ", count: 200) + "x\n")
        #expect(document.nestingFlattenedAt?.line == 3)
        #expect(MarkdownParser().parse("> a\n").nestingFlattenedAt == nil)
    }
}
