import DecuongContent
import DecuongCore
import DecuongStructure
import Foundation

/// `decuong new outline`: the outline (đề cương) a plan announces, as a skeleton its authors
/// fill in: the title matching the plan, "(Kèm theo …)", and one section per theme with the
/// theme's number and title, a note that its text is still to be written, and the documents
/// the theme cites. The numbering follows the plan's content part, so every section matches
/// its theme by number.
public enum OutlineSkeleton {
    public static let fileName = "de-cuong.md"

    /// Writes the skeleton next to the plan; refuses to overwrite. Returns the new file.
    @discardableResult
    public static func create(forPlanAt planURL: URL, displayPath: String,
                              recognize: ContentLoader.Recognize = SiteBuilder.defaultRecognize) throws(DiagnosticError) -> URL {
        let source = try SourceFileLoader.load(contentsOf: planURL, displayPath: displayPath)
        let plan = recognize(source, [])
        guard !plan.themes.isEmpty else {
            throw DiagnosticError(.error(
                "outline.no-themes", "\(displayPath) has no themes: no numbered items under a section titled NỘI DUNG…",
                file: displayPath, hint: "check with `decuong inspect \(displayPath)` how the plan is read"))
        }
        let target = planURL.deletingLastPathComponent().appendingPathComponent(fileName)
        let targetDisplay = (displayPath as NSString).deletingLastPathComponent.isEmpty
            ? fileName : "\((displayPath as NSString).deletingLastPathComponent)/\(fileName)"
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw DiagnosticError(.error("outline.exists", "\(targetDisplay) already exists; it is not overwritten",
                                         file: targetDisplay, hint: "rename or remove it first if you want a new skeleton"))
        }
        let text = markdown(for: plan, frontMatter: source.frontMatter, planFileName: planURL.lastPathComponent)
        do {
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            throw DiagnosticError(.error("outline.write-failed", "cannot write \(targetDisplay): \(error.localizedDescription)",
                                         file: targetDisplay, hint: "check the folder's permissions"))
        }
        return target
    }

    public static func markdown(for plan: StructuredDocument, frontMatter: FrontMatter = FrontMatter(),
                                planFileName: String) -> String {
        let header = plan.header
        let summary = frontMatter.title ?? header.title ?? ""
        let planKind = frontMatter.kind ?? header.kind ?? "Kế hoạch"
        var lines: [String] = [
            "---",
            "kind: Đề cương",
            "attached_to: \(planFileName)",
            "---",
            "",
            "ĐỀ CƯƠNG",
            summary.isEmpty ? "thông tin, tuyên truyền" : summary,
            "",
        ]
        var attached = "(Kèm theo \(planKind)"
        if let number = frontMatter.number ?? header.number { attached += " số \(number)" }
        if let date = frontMatter.date ?? header.date {
            let parts = date.split(separator: "-")
            if parts.count == 3 { attached += " ngày \(Int(parts[2]) ?? 0)/\(Int(parts[1]) ?? 0)/\(parts[0])" }
        }
        if (frontMatter.number ?? header.number) == nil, !summary.isEmpty { attached += " \(summary)" }
        if let issuer = frontMatter.issuer ?? header.issuer { attached += " của \(issuer)" }
        lines += [attached + ")", ""]
        lines += [
            "> **Đây là bản khung của đề cương, chưa phải nội dung chính thức.** Bản khung do `decuong new outline` "
                + "tạo từ các chủ đề của kế hoạch; nội dung từng mục dưới đây đang chờ người soạn viết tiếp.",
            "",
        ]

        let themeAnchors = Dictionary(plan.themes.map { ($0.sectionAnchor, $0) }, uniquingKeysWith: { first, _ in first })
        var wroteContentPart = false
        var written: Set<String> = []
        func visit(_ section: Section, ancestors: [Section]) {
            if let theme = themeAnchors[section.anchor] {
                if !wroteContentPart {
                    let part = ancestors.first ?? section
                    lines += ["I- \(part.title.uppercased())", ""]
                    wroteContentPart = true
                }
                // The groups between the content part and the theme (`1. Nội dung … trọng tâm`).
                for group in ancestors.dropFirst() where !written.contains(group.anchor) {
                    lines += ["\(group.label). \(group.title)", ""]
                    written.insert(group.anchor)
                }
                lines += ["\(theme.number). \(title(of: theme, section: section))", ""]
                lines += ["*(Nội dung của chủ đề này đang được biên soạn.)*", ""]
                let anchors = ThemePage.anchors(section)
                var seen: Set<String> = []
                for citation in plan.citations where citation.sectionAnchor.map(anchors.contains) == true {
                    guard seen.insert(citation.key).inserted else { continue }
                    lines.append("- Văn bản liên quan: \(describe(citation)).")
                }
                if !seen.isEmpty { lines.append("") }
                return
            }
            for child in section.children { visit(child, ancestors: ancestors + [section]) }
        }
        for section in plan.sections { visit(section, ancestors: []) }
        return lines.joined(separator: "\n")
    }

    /// The theme's title, marked as cut when the recognizer shortened a long first sentence.
    static func title(of theme: Theme, section: Section) -> String {
        let lead = section.lead.plainText.trimmingCharacters(in: .whitespaces)
        let title = theme.title.trimmingCharacters(in: .whitespaces)
        guard lead.count > title.count + 1, let last = title.last, !".;:!?…".contains(last) else { return title }
        let next = lead.dropFirst(title.count).first
        return next.map { ".;:".contains($0) } == true ? title : title + " …"
    }

    static func describe(_ citation: Citation) -> String {
        var text = citation.kind.map { "\($0) số \(citation.id)" } ?? citation.id
        if let date = citation.date {
            let parts = date.split(separator: "-")
            if parts.count == 3 { text += " ngày \(Int(parts[2]) ?? 0)/\(Int(parts[1]) ?? 0)/\(parts[0])" }
        }
        return text
    }
}
