import DecuongCore
import DecuongStructure
import Foundation
import Testing

/// Golden tests against the hand-made labels of real documents: `inspect --format json`
/// must give the values a careful reader sees (item titles compared by prefix, as the
/// corpus README says).
@Suite struct CorpusLabelTests {
    static let documents: [(label: String, file: String)] = [
        ("seed-ke-hoach-2023", "full/000_19f57703f523cddc.txt"),
        ("04-kh-160-ubnd-can-tho-giam-sat-giam-ngheo", "full/04-kh-160-ubnd-can-tho-giam-sat-giam-ngheo.md"),
        ("05-hd-37-btgdvtw-ban-tin-sinh-hoat-chi-bo", "full/05-hd-37-btgdvtw-ban-tin-sinh-hoat-chi-bo.md"),
        ("09-hd-06-tw-ban-bi-thu-thi-hanh-dieu-le-pdf", "full/09-hd-06-tw-ban-bi-thu-thi-hanh-dieu-le-pdf.md"),
        ("12-tltt-dang-csvn-do-ho-chi-minh-sang-lap", "full/12-tltt-dang-csvn-do-ho-chi-minh-sang-lap.md"),
    ]

    static func clean(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        return string.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Item titles are "first sentence or short heading": one must be a prefix of the other.
    static func titlesAgree(_ expected: String, _ actual: String) -> Bool {
        let a = clean(expected) ?? ""
        // A title cut at 120 characters ends in "…"; compare what is there.
        var b = clean(actual) ?? ""
        if b.hasSuffix("…") { b.removeLast() }
        return !b.isEmpty && (a.hasPrefix(b) || b.hasPrefix(a)) && b.count >= min(a.count, 15)
    }

    @Test(arguments: documents)
    func matchesItsLabel(_ fixture: (label: String, file: String)) throws {
        let label = try CorpusFixture.label(fixture.label)
        let document = try CorpusFixture.recognize(fixture.file)
        let report = try JSONSerialization.jsonObject(with: Data(InspectReport.json(document).utf8)) as? [String: Any] ?? [:]

        for key in ["kind", "number", "date", "place", "issuer", "title"] {
            #expect(Self.clean(report[key]) == Self.clean(label[key]), "\(fixture.label): \(key)")
        }

        let expectedSections = label["sections"] as? [[String: Any]] ?? []
        let actualSections = report["sections"] as? [[String: Any]] ?? []
        #expect(actualSections.map { $0["label"] as? String } == expectedSections.map { $0["label"] as? String },
                "\(fixture.label): top-level labels")
        for (expected, actual) in zip(expectedSections, actualSections) {
            let name = "\(fixture.label) §\(expected["label"] as? String ?? "?")"
            #expect(Self.titlesAgree(expected["title"] as? String ?? "", actual["title"] as? String ?? ""),
                    "\(name): title “\(actual["title"] ?? "")”")
            let expectedChildren = expected["children"] as? [[String: Any]] ?? []
            let actualChildren = actual["children"] as? [[String: Any]] ?? []
            #expect(actualChildren.map { $0["label"] as? String } == expectedChildren.map { $0["label"] as? String },
                    "\(name): child labels")
            for (e, a) in zip(expectedChildren, actualChildren) {
                #expect(Self.titlesAgree(e["title"] as? String ?? "", a["title"] as? String ?? ""),
                        "\(name).\(e["label"] as? String ?? "?"): “\(a["title"] ?? "")” vs “\(e["title"] ?? "")”")
            }
        }

        let expectedSignature = label["signature"] as? [String: Any]
        let actualSignature = report["signature"] as? [String: Any]
        for key in ["authority", "position", "name"] {
            #expect(Self.clean(actualSignature?[key]) == Self.clean(expectedSignature?[key]), "\(fixture.label): signature \(key)")
        }
        #expect((report["recipients"] as? [String]) == (label["recipients"] as? [String]), "\(fixture.label): recipients")

        var cited: [String] = []
        for citation in report["citations"] as? [[String: Any]] ?? [] {
            if let id = citation["id"] as? String, !cited.contains(id) { cited.append(id) }
        }
        #expect(cited == (label["citations"] as? [String] ?? []), "\(fixture.label): citations")

        if let themes = label["themes"] as? [String] {
            #expect(document.themes.map(\.number) == themes, "\(fixture.label): themes")
        }
        #expect(!document.diagnostics.contains { $0.severity == .error }, "\(fixture.label): \(document.diagnostics)")
    }

    @Test func seedHasFifteenThemesWithAnchors() throws {
        let document = try CorpusFixture.recognize("full/000_19f57703f523cddc.txt")
        #expect(document.themes.count == 15)
        #expect(document.themes.first?.sectionAnchor == "ii-1-1")
        #expect(document.themes.last?.sectionAnchor == "ii-2-9")
        #expect(document.themes.allSatisfy { document.section(anchor: $0.sectionAnchor) != nil })
    }

    @Test func seedPageBreakIsJoinedWithoutLosingWords() throws {
        let document = try CorpusFixture.recognize("full/000_19f57703f523cddc.txt")
        let item = try #require(document.section(anchor: "i-4"))
        let text = item.lead.plainText
        #expect(text.contains("Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030"))
        #expect(item.body.isEmpty, "the split paragraph is one paragraph again")
    }

    @Test func seedAssignmentsComeFromSectionIV() throws {
        let document = try CorpusFixture.recognize("full/000_19f57703f523cddc.txt")
        let lead = document.assignments.filter { $0.organization == "Ban Tổ chức Thành ủy" && $0.role == .lead }
        #expect(lead.map(\.sectionAnchor) == ["iv-2", "iv-3"])
        let support = document.assignments.filter { $0.organization == "Ban Tuyên giáo Thành ủy" && $0.role == .support }
        #expect(support.map(\.sectionAnchor) == ["iv-2", "iv-3"])
    }

    @Test func seedDatesAndCitationsCarryTheirPlace() throws {
        let document = try CorpusFixture.recognize("full/000_19f57703f523cddc.txt")
        let range = try #require(document.dates.first { $0.endDate != nil })
        #expect(range.date == "2004-01-01" && range.endDate == "2024-01-01")
        #expect(range.sectionAnchor == "ii-1-6")
        let resolution = try #require(document.citations.first { $0.id == "35-NQ/TW" })
        #expect(resolution.kind == "Nghị quyết")
        #expect(resolution.date == "2018-10-22")
        #expect(resolution.sectionAnchor == "ii-1-3")
        // Line 31 of the seed file (the fixture has no front matter).
        #expect(resolution.location.line == 31)
        let plan = try #require(document.citations.first { $0.id == "114-KH/BTCTW" })
        #expect(plan.sectionAnchor == nil, "cited in the preamble")
        #expect(plan.date == "2023-04-21")
    }
}
