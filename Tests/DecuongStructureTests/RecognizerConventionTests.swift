import DecuongCore
import DecuongMarkdown
import DecuongStructure
import Testing

/// The conventions the recognizer follows, each on a small made-up document, so that a
/// change that only fits the corpus files shows up here.
@Suite struct RecognizerConventionTests {
    func recognize(_ text: String) throws -> StructuredDocument {
        try CorpusFixture.recognize(text: text)
    }

    @Test func interleavedPartyHeader() throws {
        let document = try recognize("""
            THÀNH ỦY CẦN THƠ
            ĐẢNG CỘNG SẢN VIỆT NAM
            *
            Số 114-KH/TU
            Cần Thơ, ngày 10 tháng 5 năm 2023

            KẾ HOẠCH
            tuyên truyền kỷ niệm
            ngày thành lập Đảng

            I- MỤC ĐÍCH

            1. Một.
            """)
        let header = document.header
        #expect(header.issuer == "THÀNH ỦY CẦN THƠ")
        #expect(header.nationalTitle == ["ĐẢNG CỘNG SẢN VIỆT NAM"])
        #expect(header.number == "114-KH/TU")
        #expect(header.place == "Cần Thơ")
        #expect(header.date == "2023-05-10")
        #expect(header.kind == "Kế hoạch")
        #expect(header.title == "tuyên truyền kỷ niệm ngày thành lập Đảng")
        #expect(header.isPartyDocument)
        #expect(document.sections.map(\.label) == ["I"])
    }

    @Test func stateHeaderWithColonNumber() throws {
        let document = try recognize("""
            ỦY BAN NHÂN DÂN
            TỈNH NGHỆ AN
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc

            Số: 594/KH-UBND
            Nghệ An, ngày 21 tháng 10 năm 2021

            **KẾ HOẠCH**

            Thực hiện chỉ thị.
            """)
        #expect(document.header.number == "594/KH-UBND")
        #expect(document.header.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
        #expect(!document.header.isPartyDocument)
        #expect(document.header.title == nil)
        #expect(document.preamble.map(\.plainText) == ["Thực hiện chỉ thị."])
    }

    @Test func wrappedLinesThatStartWithNumbersStayText() throws {
        let document = try recognize("""
            I- MỤC ĐÍCH
            1. Mục một có nội dung dài được ngắt dòng khi đến cuối trang giấy và tiếp tục ở dòng sau với
            2020 - 2025 là giai đoạn và tiếp đến
            5. tháng sau sẽ tổng kết
            2. Mục hai
            """)
        let section = try #require(document.sections.first)
        #expect(section.children.map(\.label) == ["1", "2"])
        #expect(section.children[0].lead.plainText.contains("5. tháng sau sẽ tổng kết"))
    }

    @Test func romanLettersInProseAreNotSections() throws {
        let document = try recognize("""
            I. MỤC ĐÍCH

            C. Mác và Ph. Ăngghen đã chỉ ra điều đó.

            V. I. Lênin cũng vậy.

            II. YÊU CẦU
            """)
        #expect(document.sections.map(\.label) == ["I", "II"])
        #expect(document.sections[0].body.count == 2)
    }

    @Test func labelAloneOnItsLineTakesTheNextLineAsTitle() throws {
        let document = try recognize("""
            **II.**

            NỘI DUNG

            1.

            Tuyên truyền thường xuyên
            """)
        let section = try #require(document.sections.first)
        #expect(section.label == "II" && section.title == "NỘI DUNG")
        #expect(section.children.first?.title == "Tuyên truyền thường xuyên")
    }

    @Test func pointsFollowTheVietnameseAlphabet() throws {
        let document = try recognize("""
            1. Nhiệm vụ

            a) một; b) không phải nhãn

            b) hai

            c) ba

            d) bốn

            đ) năm

            e) sáu

            g) bảy
            """)
        let item = try #require(document.sections.first)
        #expect(item.children.map(\.label) == ["a", "b", "c", "d", "đ", "e", "g"])
        #expect(Set(item.children.map(\.anchor)).count == 7, "đ and d keep different anchors")
    }

    @Test func numberingGapsAndDuplicatesAreReportedWithTheirPlace() throws {
        let document = try recognize("""
            1. Mục

            1.1. Một

            1.3. Ba

            1.3. Ba nữa
            """)
        let codes = document.diagnostics.map(\.code)
        #expect(codes.contains("numbering.gap"))
        #expect(codes.contains("numbering.duplicate"))
        let gap = try #require(document.diagnostics.first { $0.code == "numbering.gap" })
        #expect(gap.location == SourceLocation(line: 5, column: 1))
        #expect(gap.file == "test.md")
        #expect(gap.hint != nil)
    }

    @Test func closingWithInterleavedColumnsAndPageNumber() throws {
        let document = try recognize("""
            1. Nội dung.

            Nơi nhận:
            T/M BAN THƯỜNG VỤ

            12

            - Ban Tổ chức Trung ương,
            - Các quận ủy, huyện ủy, đảng ủy
            trực thuộc Thành ủy,
            - Lưu Văn phòng.

            PHÓ BÍ THƯ

            Phạm Văn Hiếu
            """)
        #expect(document.closing.recipients == ["Ban Tổ chức Trung ương", "Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy",
                                               "Lưu Văn phòng"])
        #expect(document.closing.signature == Signature(authority: "T/M BAN THƯỜNG VỤ", position: "PHÓ BÍ THƯ",
                                                        name: "Phạm Văn Hiếu"))
        #expect(document.sections.count == 1)
    }

    @Test func attachedOutlineInTheSameFileIsItsOwnDocument() throws {
        let document = try recognize("""
            KẾ HOẠCH
            tuyên truyền năm 2023

            I- NỘI DUNG

            1. Chủ đề một.

            Nơi nhận:
            - Lưu.

            T/M BAN THƯỜNG VỤ
            BÍ THƯ

            Nguyễn Văn A

            ĐỀ CƯƠNG
            tuyên truyền năm 2023
            (Kèm theo Kế hoạch số 114-KH/TU ngày 10/5/2023)

            I- NỘI DUNG

            1. Chủ đề một được triển khai như sau.
            """)
        #expect(document.attachments.count == 1)
        let outline = try #require(document.attachments.first)
        #expect(outline.header.kind == "Đề cương")
        #expect(outline.header.attachedToNumber == "114-KH/TU")
        #expect(outline.sections.first?.children.first?.label == "1")
        #expect(document.closing.signature?.name == "Nguyễn Văn A")
        #expect(document.themes.map(\.number) == ["1"])
    }

    @Test func citationsInAllTheirForms() throws {
        let document = try recognize("""
            Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; Công văn số 14 - KH/ĐU.KBT;
            Nghị quyết số 35-NQ/TW, ngày 22/10/2018 và Chỉ thị 19/CT-TTg ngày 16 tháng 7 năm 2021.
            """)
        let byID = Dictionary(document.citations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byID["30/2020/NĐ-CP"]?.kind == "Nghị định")
        #expect(byID["30/2020/NĐ-CP"]?.date == "2020-03-05")
        #expect(byID["30/2020/NĐ-CP"]?.year == 2020)
        #expect(byID["14-KH/ĐU.KBT"]?.kind == "Công văn")
        #expect(byID["35-NQ/TW"]?.date == "2018-10-22")
        #expect(byID["35-NQ/TW"]?.location == SourceLocation(line: 2, column: 15))
        #expect(byID["19/CT-TTg"]?.date == "2021-07-16")
        #expect(document.citations.count == 4)
    }

    @Test func impossibleDatesAreReported() throws {
        let document = try recognize("Theo Kế hoạch số 12-KH/TU ngày 31/4/2023 của Ban Thường vụ.\n")
        #expect(document.diagnostics.contains { $0.code == "citation.impossible-date" })
        #expect(document.citations.first?.date == nil)
    }

    @Test func frontMatterOverridesTheText() throws {
        let document = try recognize("""
            ---
            number: 99-KH/TU
            date: 2024-02-03
            title: Tiêu đề riêng
            ---
            KẾ HOẠCH
            tiêu đề trong văn bản

            I- MỤC ĐÍCH
            """)
        #expect(document.header.number == "99-KH/TU")
        #expect(document.header.date == "2024-02-03")
        #expect(document.header.title == "Tiêu đề riêng")
        #expect(document.sections.first?.range.start.line == 9, "line numbers are the file's, front matter included")
    }

    @Test func repairsKeepEveryWord() throws {
        let document = try recognize("""
            1. Thực hiện việc tuyên truyền trong toàn thành phố và

            7

            các địa phương trực thuộc./.
            """)
        let item = try #require(document.sections.first)
        #expect(item.lead.plainText == "Thực hiện việc tuyên truyền trong toàn thành phố và các địa phương trực thuộc.")
    }

    /// The recognizer is total: whatever the input, a document and no crash.
    @Test func arbitraryInputNeverCrashes() throws {
        var generator = SplitMix64(seed: 42)
        let pieces = ["I- ", "II. ", "1. ", "1.1. ", "a) ", "đ) ", "- ", "+ ", "**", "*", "Nơi nhận:", "T/M BAN", "KẾ HOẠCH",
                      "Số 1-KH/TU", "ngày 31 tháng 2 năm 2023", "\n", "\n\n", "|", "---", "> ", "Phần thứ hai", "Điều 3.",
                      "chữ", "ĐẢNG", "35-NQ/TW", "(", ")", "./.", "12", "```", "[^1]", "<b>", "\t", "Chương V"]
        for _ in 0..<300 {
            let count = Int(generator.next() % 60)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let document = try recognize(text)
            _ = InspectReport.json(document)
            _ = OutlineTree.render(document)
        }
    }
}

/// A small deterministic generator, so the arbitrary-input test is the same every run.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RecognizerLimitTests {
    @Test func deepNestingGivesAWarningNotACrash() throws {
        let text = "I- MỤC ĐÍCH\n\n" + String(repeating: "- ", count: 10_000) + "ý\n\n" + String(repeating: "> ", count: 10_000) + "trích\n"
        let document = try CorpusFixture.recognize(text: text)
        #expect(document.diagnostics.contains { $0.code == "markdown.too-deep" })
        #expect(document.sections.first?.body.isEmpty == false)
    }

    @Test func longSingleLineAndEmptyFiles() throws {
        // A 1 MB line, as a PDF export without line breaks gives.
        let line = String(repeating: "xây dựng Đảng và hệ thống chính trị ", count: 25_000)
            + "theo Nghị quyết số 35-NQ/TW ngày 22/10/2018."
        #expect(line.utf8.count > 1_000_000)
        let document = try CorpusFixture.recognize(text: line)
        #expect(document.citations.map(\.id) == ["35-NQ/TW"])
        #expect(try CorpusFixture.recognize(text: "").sections.isEmpty)
        #expect(try CorpusFixture.recognize(text: "\n\n\n").preamble.isEmpty)
    }

    @Test func onlyAHeaderOrNoContentSection() throws {
        let header = try CorpusFixture.recognize(text: "THÀNH ỦY CẦN THƠ\n\nSố 1-KH/TU\n\nKẾ HOẠCH\ntuyên truyền\n")
        #expect(header.header.number == "1-KH/TU")
        #expect(header.diagnostics.contains { $0.code == "structure.no-sections" })
        let noContent = try CorpusFixture.recognize(text: "KẾ HOẠCH\nx\n\nI- MỤC ĐÍCH\n\n1. Một.\n")
        #expect(noContent.themes.isEmpty)
    }
}
