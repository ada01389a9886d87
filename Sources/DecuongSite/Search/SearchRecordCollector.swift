import Foundation
import DecuongCore
import DecuongMarkdown
import DecuongStructure

/// Gathers the search records of a site from the same rendering the pages use, so the index
/// holds what a reader can see and nothing else (raw HTML, which pages omit, stays out).
struct SearchRecordCollector {
    let site: Site
    let strings: UIStrings

    static let separator = " › "

    func records() -> [SearchRecord] {
        var out: [SearchRecord] = []
        for document in site.allDocuments {
            out.append(documentRecord(document))
            collect(document.structure.sections, of: document, trail: [document.displayTitle], into: &out)
        }
        for theme in site.themes { if let record = themeRecord(theme) { out.append(record) } }
        return out
    }

    private func documentRecord(_ document: SiteDocument) -> SearchRecord {
        let structure = document.structure
        var parts: [String] = []
        if let issuer = document.issuer { parts.append(issuer) }
        if let number = document.number { parts.append(number) }
        parts.append(text(structure.preamble))
        parts.append(text(structure.epilogue))
        parts += structure.closing.recipients
        if let signature = structure.closing.signature {
            parts += [signature.authority, signature.position, signature.name].compactMap { $0 }
        }
        let breadcrumb = document.attachedTo.flatMap { site.document($0) }?.displayTitle ?? ""
        return SearchRecord(kind: .document, title: document.displayTitle, breadcrumb: breadcrumb,
                            url: DocumentPage.path(document), text: join(parts))
    }

    private func collect(_ sections: [Section], of document: SiteDocument, trail: [String], into out: inout [SearchRecord]) {
        for section in sections {
            let heading = "\(section.displayNumber). \(section.title)"
            let own = join([inlineText(section.lead), text(section.body)])
            out.append(SearchRecord(kind: .section, title: heading, breadcrumb: trail.joined(separator: Self.separator),
                                    url: "\(DocumentPage.path(document))#\(section.anchor)", text: own))
            let short = section.title.count > 60 ? String(section.title.prefix(57)) + "…" : section.title
            collect(section.children, of: document, trail: trail + ["\(section.displayNumber). \(short)"], into: &out)
        }
    }

    private func themeRecord(_ theme: SiteTheme) -> SearchRecord? {
        guard let plan = site.document(theme.documentSlug) else { return nil }
        var parts: [String] = []
        if let section = plan.structure.section(anchor: theme.theme.sectionAnchor) { parts.append(subtreeText(section)) }
        if let match = theme.outline, let outline = site.document(match.documentSlug),
           let section = outline.structure.section(anchor: match.sectionAnchor) {
            parts.append(subtreeText(section))
        }
        return SearchRecord(kind: .theme, title: "\(strings["theme"]) \(theme.theme.number). \(theme.theme.title)",
                            breadcrumb: plan.displayTitle, url: theme.pagePath, text: join(parts))
    }

    private func subtreeText(_ section: Section) -> String {
        join([section.marker.filter { $0 != "*" && $0 != "_" }, inlineText(section.lead), text(section.body)]
            + section.children.map(subtreeText))
    }

    /// What a reader sees of the blocks, straight from the tree: the same text the safe
    /// renderer shows (raw HTML is not text there either), without rendering and stripping.
    private func text(_ blocks: [Block]) -> String { blocks.map(\.plainText).joined(separator: " ") }

    private func inlineText(_ inlines: [Inline]) -> String { inlines.plainText }

    private func join(_ parts: [String]) -> String {
        parts.map { $0.trimmed() }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
