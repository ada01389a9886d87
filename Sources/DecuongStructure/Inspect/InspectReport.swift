import DecuongCore
import Foundation

/// The `inspect --format json` contract (DESIGN.md §6): the keys of the corpus label
/// files, plus what the recognizer found besides. Absent values are `null`, not missing.
public struct InspectReport: Encodable, Sendable {
    let document: StructuredDocument

    public init(_ document: StructuredDocument) {
        self.document = document
    }

    public static func json(_ document: StructuredDocument) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(InspectReport(document)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    enum Key: String, CodingKey {
        case file, kind, number, date, place, issuer, title, sections, attachments, signature, recipients
        case citations, themes, dates, organizations, assignments, diagnostics, attachedTo = "attached_to"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let header = document.header
        try c.encode(document.path, forKey: .file)
        try c.encode(header.kind, forKey: .kind)
        try c.encode(header.number, forKey: .number)
        try c.encode(header.date, forKey: .date)
        try c.encode(header.place, forKey: .place)
        try c.encode(header.issuer, forKey: .issuer)
        try c.encode(header.title, forKey: .title)
        try c.encode(header.attachedToNumber, forKey: .attachedTo)
        try c.encode(document.sections.map(SectionReport.init), forKey: .sections)
        try c.encode(document.attachments.map(InspectReport.init), forKey: .attachments)
        try c.encode(document.closing.signature.map(SignatureReport.init), forKey: .signature)
        // Like the label files: null when the document has no Nơi nhận at all.
        try c.encode(document.closing.recipients.isEmpty ? nil : document.closing.recipients, forKey: .recipients)
        try c.encode(document.citations.map(CitationReport.init), forKey: .citations)
        try c.encode(document.themes.map { ["number": $0.number, "title": $0.title, "anchor": $0.sectionAnchor] },
                     forKey: .themes)
        try c.encode(document.dates.map { DateReport(mention: $0) }, forKey: .dates)
        try c.encode(document.organizations.map { ["name": $0.name, "section": $0.sectionAnchor ?? "", "line": String($0.location.line)] },
                     forKey: .organizations)
        try c.encode(document.assignments.map { ["organization": $0.organization, "role": $0.role.rawValue,
                                                 "section": $0.sectionAnchor, "task": $0.task] }, forKey: .assignments)
        try c.encode(document.diagnostics.map(DiagnosticReport.init), forKey: .diagnostics)
    }
}

struct SectionReport: Encodable {
    let label: String
    let title: String
    let kind: String
    let line: Int
    let anchor: String
    let children: [SectionReport]

    init(_ section: Section) {
        label = section.label
        title = section.title
        kind = section.level.rawValue
        line = section.range.start.line
        anchor = section.anchor
        children = section.children.map(SectionReport.init)
    }
}

struct CitationReport: Encodable {
    let id: String
    let kind: String?
    let date: String?
    let line: Int
    let section: String?

    init(_ citation: Citation) {
        id = citation.id
        kind = citation.kind
        date = citation.date
        line = citation.location.line
        section = citation.sectionAnchor
    }

    enum Key: String, CodingKey { case id, kind, date, line, section }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(date, forKey: .date)
        try c.encode(line, forKey: .line)
        try c.encode(section, forKey: .section)
    }
}

struct DateReport: Encodable {
    let mention: DateMention

    enum Key: String, CodingKey { case date, end, text, line }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(mention.date, forKey: .date)
        try c.encode(mention.endDate, forKey: .end)
        try c.encode(mention.text, forKey: .text)
        try c.encode(mention.location.line, forKey: .line)
    }
}

struct DiagnosticReport: Encodable {
    let diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    enum Key: String, CodingKey { case severity, code, file, line, column, message, hint }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(diagnostic.severity.rawValue, forKey: .severity)
        try c.encode(diagnostic.code, forKey: .code)
        try c.encode(diagnostic.file, forKey: .file)
        try c.encode(diagnostic.location?.line, forKey: .line)
        try c.encode(diagnostic.location?.column, forKey: .column)
        try c.encode(diagnostic.message, forKey: .message)
        try c.encode(diagnostic.hint, forKey: .hint)
    }
}

struct SignatureReport: Encodable {
    let signature: Signature

    enum Key: String, CodingKey { case authority, position, name }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(signature.authority, forKey: .authority)
        try c.encode(signature.position, forKey: .position)
        try c.encode(signature.name, forKey: .name)
    }
}
