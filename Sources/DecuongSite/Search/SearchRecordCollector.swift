import Dispatch
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

    /// Records of a run of documents, numbered from 0, and the records of each section's
    /// subtree by document and anchor, for the themes.
    private struct Run: Sendable {
        var records: [SearchRecord] = []
        var subtrees: [String: [String: Range<Int>]] = [:]
    }

    func records() -> [SearchRecord] {
        // Documents on all cores, joined in site order.
        let documents = site.allDocuments
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, documents.count / 8))
        let size = (documents.count + chunks - 1) / chunks
        let results = ChunkResults<Run>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var run = Run()
            for document in documents[min(documents.count, chunk * size)..<min(documents.count, (chunk + 1) * size)] {
                let id = run.records.count
                run.records.append(documentRecord(document))
                collect(document.structure.sections, of: document, parent: id, trail: document.displayTitle,
                        into: &run.records, subtrees: &run.subtrees[document.slug, default: [:]])
            }
            results.set(chunk, run)
        }
        var out: [SearchRecord] = []
        var subtrees: [String: [String: Range<Int>]] = [:]
        for run in results.values {
            let offset = out.count
            out += run.records.map { record in
                var record = record
                record.parent = record.parent.map { $0 + offset }
                return record
            }
            for (slug, ranges) in run.subtrees {
                subtrees[slug] = ranges.mapValues { ($0.lowerBound + offset)..<($0.upperBound + offset) }
            }
        }
        for theme in site.themes {
            if let record = themeRecord(theme, subtrees: subtrees) { out.append(record) }
        }
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

    private func collect(_ sections: [Section], of document: SiteDocument, parent: Int, trail: String,
                         into out: inout [SearchRecord], subtrees: inout [String: Range<Int>]) {
        let page = DocumentPage.path(document)
        for section in sections {
            let heading = "\(section.displayNumber). \(section.title)"
            let own = join([inlineText(section.lead), text(section.body)])
            let id = out.count
            out.append(SearchRecord(kind: .section, title: heading, breadcrumb: trail,
                                    url: "\(page)#\(section.anchor)", text: own, parent: parent))
            // Counting characters walks grapheme clusters; a title of at most 60 bytes is short.
            let long = section.title.utf8.count > 60 && section.title.count > 60
            let short = long ? String(section.title.prefix(57)) + "…" : section.title
            collect(section.children, of: document, parent: id, trail: trail + Self.separator + "\(section.displayNumber). \(short)",
                    into: &out, subtrees: &subtrees)
            subtrees[section.anchor] = id..<out.count
        }
    }

    private func themeRecord(_ theme: SiteTheme, subtrees: [String: [String: Range<Int>]]) -> SearchRecord? {
        guard let plan = site.document(theme.documentSlug) else { return nil }
        var parts: [String] = []
        var ranges: [Range<Int>] = []
        if let section = plan.structure.section(anchor: theme.theme.sectionAnchor) {
            parts.append(subtreeText(section))
            if let range = subtrees[plan.slug]?[section.anchor] { ranges.append(range) }
        }
        if let match = theme.outline, let outline = site.document(match.documentSlug),
           let section = outline.structure.section(anchor: match.sectionAnchor) {
            parts.append(subtreeText(section))
            if let range = subtrees[outline.slug]?[section.anchor] { ranges.append(range) }
        }
        return SearchRecord(kind: .theme, title: "\(strings["theme"]) \(theme.theme.number). \(theme.theme.title)",
                            breadcrumb: plan.displayTitle, url: theme.pagePath, text: join(parts), sections: ranges)
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
