/// `inspect --format tree`: a readable outline with line numbers.
public enum OutlineTree {
    public static func render(_ document: StructuredDocument) -> String {
        var out: [String] = []
        let header = document.header
        out.append("\(header.kind ?? "(no kind)")\(header.number.map { " số \($0)" } ?? "")"
                   + "\(header.place.map { " — \($0)" } ?? "")\(header.date.map { ", \($0)" } ?? "")")
        if let issuer = header.issuer { out.append("  issuer: \(issuer)") }
        if let title = header.title { out.append("  title:  \(title)") }
        if !document.preamble.isEmpty { out.append("  preamble: \(document.preamble.count) block(s)") }
        func add(_ sections: [Section], depth: Int) {
            for section in sections {
                let indent = String(repeating: "  ", count: depth)
                let line = String(section.range.start.line)
                let pad = String(repeating: " ", count: max(0, 5 - line.count))
                out.append("\(pad)\(line)  \(indent)\(section.marker) \(section.title)  #\(section.anchor)")
                add(section.children, depth: depth + 1)
            }
        }
        add(document.sections, depth: 0)
        if !document.themes.isEmpty {
            out.append("themes: " + document.themes.map(\.number).joined(separator: ", "))
        }
        if !document.citations.isEmpty {
            out.append("citations: " + document.citations.map(\.id).joined(separator: ", "))
        }
        if !document.closing.recipients.isEmpty {
            out.append("recipients:")
            out += document.closing.recipients.map { "  - \($0)" }
        }
        if let signature = document.closing.signature {
            out.append("signature: " + [signature.authority, signature.position, signature.name].compactMap { $0 }
                .joined(separator: " / "))
        }
        for attachment in document.attachments {
            out.append("")
            out.append("attachment:")
            out.append(render(attachment).split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 }.joined(separator: "\n"))
        }
        return out.joined(separator: "\n")
    }
}
