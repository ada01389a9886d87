import DecuongCore
import DecuongMarkdown
import DecuongStructure
import Testing

/// "Repairs never drop words": every word of the source must be somewhere in the
/// structured document (header fields, preamble, sections, epilogue, closing). Only the
/// words a header date or a `Số` line is made of may be absorbed into typed fields.
@Suite struct WordPreservationTests {
    static func words(_ text: String) -> [String] {
        // Case-insensitive: the kind line `KẾ HOẠCH` is kept as "Kế hoạch".
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    static func documentWords(_ document: StructuredDocument) -> [String: Int] {
        var texts: [String] = []
        let header = document.header
        texts += [header.issuer, header.number, header.place, header.kind, header.title, header.date, header.byline].compactMap { $0 }
        texts += header.nationalTitle
        texts += document.preamble.map(\.plainText)
        func add(_ sections: [Section]) {
            for section in sections {
                texts.append(section.marker)
                texts.append(section.lead.plainText)
                texts += section.body.map(\.plainText)
                add(section.children)
            }
        }
        add(document.sections)
        texts += document.epilogue.map(\.plainText)
        texts += document.closing.recipients
        if let signature = document.closing.signature {
            texts += [signature.authority, signature.position, signature.name].compactMap { $0 }
        }
        for attachment in document.attachments {
            for (word, count) in documentWords(attachment) { texts += Array(repeating: word, count: count) }
        }
        var counts: [String: Int] = [:]
        for text in texts { for word in words(text) { counts[word, default: 0] += 1 } }
        return counts
    }

    /// Words that typed header fields stand for, and page numbers.
    static let absorbable: Set<String> = ["ngày", "tháng", "năm", "số", "nơi", "nhận"]

    @Test(arguments: CorpusLabelTests.documents.map(\.file))
    func everySourceWordSurvives(_ file: String) throws {
        let text = try CorpusFixture.text(file)
        let document = try CorpusFixture.recognize(file)
        let found = Self.documentWords(document)
        var source: [String: Int] = [:]
        for block in MarkdownParser().parse(text).blocks {
            // The converter's HTML comment is not rendered anywhere, by design.
            if case .htmlBlock = block.kind { continue }
            for word in Self.words(block.plainText) { source[word, default: 0] += 1 }
        }
        var missing: [String] = []
        for (word, count) in source where (found[word] ?? 0) < count {
            if Self.absorbable.contains(word) || word.allSatisfy(\.isNumber) { continue }
            missing.append("\(word)×\(count - (found[word] ?? 0))")
        }
        #expect(missing.isEmpty, "\(file) lost: \(missing.sorted().prefix(30))")
    }
}
