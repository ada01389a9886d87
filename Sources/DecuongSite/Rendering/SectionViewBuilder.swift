import DecuongCore
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
        withUnsafePointer(to: section) { record(at: $0, headingLevel: headingLevel) }
    }

    /// `record` of the section at `section`, its children read where they are: passing each
    /// child by value copied it (a dozen references retained and released) on every level.
    private func record(at section: UnsafePointer<Section>, headingLevel: Int) -> SectionView {
        let level = min(6, max(2, headingLevel))
        let childLevel = section.pointee.isHeading ? level + 1 : level
        let theme = themeLinks.isEmpty ? nil : themeLinks[section.pointee.anchor]
        var children: [SectionView] = []
        section.pointee.children.withUnsafeBufferPointer { sections in
            // Most sections have no children: no room to reserve (reserving none made a buffer).
            guard let base = sections.baseAddress, !sections.isEmpty else { return }
            children.reserveCapacity(sections.count)
            for index in sections.indices { children.append(record(at: base + index, headingLevel: childLevel)) }
        }
        return SectionView(
            isHeading: section.pointee.isHeading,
            level: section.pointee.level.rawValue,
            headingLevel: level,
            id: withIDs ? section.pointee.anchor : nil,
            // The two fields, not the section: passing `pointee` copied it.
            marker: Self.marker(section.pointee.marker, label: section.pointee.label),
            // Written when the page is, into it.
            leadHtml: SectionHTML(lead: section.pointee.lead, linker: linker),
            bodyHtml: SectionHTML(body: section.pointee.body, linker: linker),
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
        marker(section.marker, label: section.label)
    }

    static func marker(_ marker: String, label: String) -> String {
        let cleaned = cleanMarker(marker)
        return cleaned.isEmpty ? "\(label)." : cleaned
    }

    /// The marker without emphasis marks and the spaces and tabs around it. Markers are short
    /// ASCII (`I-`, `1.`, `a)`), done on bytes; Foundation's trim went through NSString.
    static func cleanMarker(_ marker: String) -> String {
        // Most markers (`1.`, `a)`, `I-`) have nothing to take away: then they are the answer
        // as they are, without a filtered copy and a new String. Asked of the bytes in place:
        // the UTF-8 view's first, last and iterator cost hundreds of instructions a marker.
        let isClean = marker.withUTF8Bytes { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: " "), first != UInt8(ascii: "\t"),
                  last != UInt8(ascii: " "), last != UInt8(ascii: "\t") else { return false }
            for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") { return false }
            return true
        }
        if isClean { return marker }
        let bytes = marker.utf8
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
