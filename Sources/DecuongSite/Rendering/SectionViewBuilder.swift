import DecuongMarkdown
import DecuongStructure

/// Turns a section tree into the data of `partials/section.mustache`, with the document
/// numbers in its text linked and its headings numbered so that no level is skipped.
struct SectionViewBuilder {
    let linker: CitationLinker
    /// Whether sections carry their anchors as `id` (document pages) or not (theme pages,
    /// where the plan and the outline could share an anchor).
    let withIDs: Bool
    /// Section anchor → link to its theme page (document pages only).
    var themeLinks: [String: (href: String, number: String)] = [:]

    private static let renderer = HTMLRenderer(rawHTML: .omit)

    func html(_ blocks: [Block]) -> SafeHTML {
        // Most sections have no body beyond their lead: nothing to render (the renderer
        // reserved 4 KiB for its output even then).
        guard !blocks.isEmpty else { return SafeHTML(renderedBytes: []) }
        // Citations are linked as the text is written: linking first rebuilt the tree (and
        // freed it after), an eighth of a document page.
        return SafeHTML(renderedBytes: Self.renderer.renderBytes(blocks, links: linker))
    }

    /// The section as `SectionView`: what `view` gives, without a dictionary per section.
    func record(_ section: Section, headingLevel: Int) -> SectionView {
        let level = min(6, max(2, headingLevel))
        let childLevel = section.isHeading ? level + 1 : level
        let theme = themeLinks.isEmpty ? nil : themeLinks[section.anchor]
        var children: [SectionView] = []
        children.reserveCapacity(section.children.count)
        // Through a buffer: iterating the array copied every child Section (a dozen references).
        section.children.withUnsafeBufferPointer { sections in
            for index in sections.indices { children.append(record(sections[index], headingLevel: childLevel)) }
        }
        return SectionView(
            isHeading: section.isHeading,
            level: section.level.rawValue,
            headingLevel: level,
            id: withIDs ? section.anchor : nil,
            marker: Self.marker(section),
            leadHtml: SafeHTML(renderedBytes: Self.renderer.renderBytes(inlines: section.lead, links: linker)),
            bodyHtml: html(section.body),
            themeHref: theme?.href,
            themeNumber: theme?.number ?? "",
            children: children)
    }

    /// The section as a dictionary, kept as the reference `record` is tested against.
    func view(_ section: Section, headingLevel: Int) -> TemplateData {
        let level = min(6, max(2, headingLevel))
        let childLevel = section.isHeading ? level + 1 : level
        let theme = themeLinks[section.anchor]
        return [
            "isHeading": section.isHeading,
            "level": section.level.rawValue,
            "headingLevel": level,
            "id": withIDs ? section.anchor as Any : false,
            "marker": Self.marker(section),
            "leadHtml": SafeHTML(renderedBytes: Self.renderer.renderBytes(inlines: linker.link(section.lead))),
            "bodyHtml": html(section.body),
            "themeHref": theme?.href ?? false,
            "themeNumber": theme?.number ?? "",
            "children": section.children.map { view($0, headingLevel: childLevel) },
        ]
    }

    /// The label as the document writes it (`I-`, `1.`, `a)`), without Markdown emphasis.
    static func marker(_ section: Section) -> String {
        let cleaned = cleanMarker(section.marker)
        return cleaned.isEmpty ? "\(section.label)." : cleaned
    }

    /// The marker without emphasis marks and the spaces and tabs around it. Markers are short
    /// ASCII (`I-`, `1.`, `a)`), done on bytes; Foundation's trim went through NSString.
    static func cleanMarker(_ marker: String) -> String {
        let bytes = marker.utf8
        // Most markers (`1.`, `a)`, `I-`) have nothing to take away: then they are the answer
        // as they are, without a filtered copy and a new String.
        if let first = bytes.first, let last = bytes.last, first != UInt8(ascii: " "), first != UInt8(ascii: "\t"),
           last != UInt8(ascii: " "), last != UInt8(ascii: "\t"),
           bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }) {
            return marker
        }
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return marker.filter { $0 != "*" && $0 != "_" }.trimmingCharacters(in: .whitespaces)
        }
        let kept = bytes.filter { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let start = kept.firstIndex { !isSpace($0) } ?? kept.endIndex
        let end = (kept.lastIndex { !isSpace($0) }).map { $0 + 1 } ?? start
        return String(decoding: kept[start..<max(start, end)], as: UTF8.self)
    }
}
