import DecuongContent
import DecuongStructure
import Foundation

/// The real documents of `Fixtures/corpus` (copied from shared/corpus; see its README).
enum CorpusFixture {
    static func url(_ path: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures/corpus/\(path)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return url
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    static func recognize(_ path: String, organizations: [String] = []) throws -> StructuredDocument {
        try recognize(text: text(path), name: path, organizations: organizations)
    }

    static func recognize(text: String, name: String = "test.md", organizations: [String] = []) throws -> StructuredDocument {
        let source = try SourceFileLoader.load(text: text, displayPath: name)
        return Recognizer(organizations: organizations).recognize(source)
    }

    /// An excerpt without its leading `#` comment lines, which describe it and are not
    /// part of the document.
    static func excerpt(_ name: String) throws -> String {
        let lines = try text("excerpts/\(name)").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.drop { $0.hasPrefix("# ") }.joined(separator: "\n")
    }

    static func label(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url("labels/\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
