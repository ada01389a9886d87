@testable import DecuongSite
import Foundation
import Testing

/// `TemplateValue.init` takes values out of their existential without a dynamic cast; it must
/// classify every value exactly as the cast-based reference does, Optionals and near-miss
/// types (Substring, `[String: Any]`, `[Int]`) included, which must stay `.other`.
struct TemplateValueClassificationTests {
    private final class Object {}

    private static func signature(_ value: TemplateValue) -> String {
        switch value {
        case .string(let string): "string:\(string)"
        case .bool(let bool): "bool:\(bool)"
        case .int(let int): "int:\(int)"
        case .html(let html): "html:\(html.bytes)"
        case .dictionary(let dictionary):
            "dictionary:" + dictionary.map { "\($0.key.name)=\(signature(TemplateValue.classifiedByCasting($0.value)))" }.sorted().joined(separator: ",")
        case .stringDictionary(let dictionary): "stringDictionary:\(dictionary.sorted { $0.key < $1.key })"
        case .list(let list): "list:" + list.map { signature(.dictionary($0)) }.joined(separator: ";")
        case .stringList(let list): "stringList:\(list)"
        case .records(let records): "records:" + records.templateData.map { signature(.dictionary($0)) }.joined(separator: ";")
        case .record(let records, let index): "record:" + signature(.dictionary(records.templateData(at: index)))
        case .rows(let rows): "rows:" + rows.map { signature(.dictionary($0.templateData)) }.joined(separator: ";")
        case .row(let row): "row:" + signature(.dictionary(row.templateData))
        case .other(let object): "other:\(type(of: object)):\(String(describing: object))"
        }
    }

    private static func randomString(_ generator: inout SystemRandomNumberGenerator) -> String {
        let alphabet = Array("aăâbcdđeêghiklmnoôơpqrstuưvxy <>&\"' 0123456789\n")
        let count = Int.random(in: 0...40, using: &generator)
        return String((0..<count).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
    }

    private static func randomValue(_ generator: inout SystemRandomNumberGenerator, depth: Int = 0) -> Any {
        let string = randomString(&generator)
        switch Int.random(in: 0..<24, using: &generator) {
        case 0: return string
        case 1: return Bool.random(using: &generator)
        case 2: return Int.random(in: -1000...1000, using: &generator)
        case 3: return SafeHTML(rendered: string)
        case 4:
            var data: TemplateData = [:]
            if depth < 2 {
                for index in 0..<Int.random(in: 0...4, using: &generator) {
                    data[TemplateKey("k\(index)")] = randomValue(&generator, depth: depth + 1)
                }
            }
            return data
        case 5: return depth < 2 ? [["a": randomValue(&generator, depth: depth + 1)] as TemplateData] : [TemplateData]()
        case 6: return [string, randomString(&generator)]
        case 7: return ["x": string]
        case 8: return Optional(string) as Any
        case 9: return String?.none as Any
        case 10: return Substring(string)
        case 11: return Double(string.count) / 3
        case 12: return [string.count]
        case 13: return ["x": string] as [String: Any]
        case 14: return NSNull()
        case 15: return Object()
        case 16: return Optional(true) as Any
        case 17: return TableOfContentsEntry(anchor: string, number: "1", title: string, children: [])
        case 18: return [TableOfContentsEntry(anchor: string, number: "2", title: "t", children: [])]
        case 19: return [SectionView(isHeading: true, level: "muc", headingLevel: 2, id: nil, marker: "1.",
                                     leadHtml: SafeHTML(rendered: string), bodyHtml: SafeHTML(rendered: ""),
                                     themeHref: string, themeNumber: "3", children: [])]
        case 20: return Optional([TableOfContentsEntry]()) as Any
        case 21: return TemplateRow(keys: ["a", "b"], values: [.string(string), .bool(false)])
        case 22: return [TemplateRow(keys: ["href"], values: [.string(string)])]
        default: return AnyHashable(string)
        }
    }

    @Test func classificationMatchesTheCastingReference() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let value = Self.randomValue(&generator)
            let fast = Self.signature(TemplateValue(value))
            let reference = Self.signature(TemplateValue.classifiedByCasting(value))
            #expect(fast == reference)
        }
    }

    @Test func optionalsAndNearMissesStayOther() {
        let values: [Any] = [Optional("a") as Any, Substring("a"), ["a": 1] as [String: Any], [1], 1.5, Int8(1)]
        for value in values {
            if case .other = TemplateValue(value) { continue }
            Issue.record("\(type(of: value)) was classified as a known kind")
        }
    }
}
