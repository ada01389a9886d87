import DecuongCore
import DecuongStructure
import Testing

/// The beginnings of six more documents, each with its own damage: they must parse
/// without error diagnostics, and their number, date and citations must be found.
@Suite struct ExcerptTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var number: String?
        var date: String?
        var citations: [String]
        var description: String { file }
    }

    static let excerpts = [
        Expectation(file: "01-haugiang-kh-14-KH-DU.KBT-2023.txt", number: "14-KH/ĐU.KBT", date: "2023-01-12",
                    citations: ["68-KH/ĐUK"]),
        Expectation(file: "02-cantho-hd-55-HD-BTGTW-2022.txt", number: "55-HD/BTGTW", date: nil,
                    citations: ["88-KL/TW"]),
        Expectation(file: "03-thuathienhue-hd-12-HD-BTGTW-2011.txt", number: "12-HD/BTGTW", date: "2011-12-07",
                    citations: ["45-CT/TW"]),
        Expectation(file: "04-nghean-kh-594-KH-UBND-2021.txt", number: "594/KH-UBND", date: "2021-10-21",
                    citations: ["19/CT-TTg"]),
        Expectation(file: "05-vinhphuc-ke-hoach-ky-niem-90-nam-2020.txt", number: nil, date: nil,
                    citations: ["1929-TB/TU", "103/KH-UBND"]),
        Expectation(file: "06-backan-bachthong-dinh-huong-tuyen-truyen-2020-07.txt", number: nil, date: nil,
                    citations: ["172-KH/TU", "157-KH/TU", "115-HD/BTGW"]),
    ]

    @Test(arguments: excerpts)
    func parsesAndFindsNumberDateAndCitations(_ expectation: Expectation) throws {
        let document = try CorpusFixture.recognize(text: CorpusFixture.excerpt(expectation.file), name: expectation.file)
        #expect(!document.diagnostics.contains { $0.severity == .error }, "\(document.diagnostics)")
        #expect(document.header.number == expectation.number)
        #expect(document.header.date == expectation.date)
        let ids = document.citations.map(\.id)
        for id in expectation.citations {
            #expect(ids.contains(id), "\(id) not among \(ids)")
        }
    }

    @Test func spacedNumberKeepsItsIssuerCode() throws {
        let document = try CorpusFixture.recognize(text: CorpusFixture.excerpt("01-haugiang-kh-14-KH-DU.KBT-2023.txt"))
        #expect(document.header.place == "Hậu Giang")
        #expect(document.header.kind == "Kế hoạch")
        #expect(document.header.title == "Tuyên truyền kỷ niệm các ngày lễ lớn và sự kiện lịch sử quan trọng trong năm 2023")
        #expect(document.sections.first?.label == "I")
        #expect(document.sections.first?.children.map(\.label).prefix(2) == ["1", "2"])
    }

    @Test func lostRomanLevelIsRecoveredFromCapitals() throws {
        let document = try CorpusFixture.recognize(text: CorpusFixture.excerpt("05-vinhphuc-ke-hoach-ky-niem-90-nam-2020.txt"))
        let first = try #require(document.sections.first)
        #expect(first.level == .section)
        #expect(first.title == "MỤC ĐÍCH YÊU CẦU")
        #expect(first.children.map(\.title) == ["Mục đích", "Yêu cầu"])
        #expect(document.diagnostics.contains { $0.code.hasPrefix("numbering.") }, "the broken numbering is reported")
    }
}
