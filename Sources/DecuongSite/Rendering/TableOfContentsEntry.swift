import DecuongStructure

/// An entry of a document's table of contents as `partials/toc-entry.mustache` reads it:
/// the keys of `DocumentPage.tableOfContents`'s dictionaries as stored fields (see
/// `TemplateRecords`).
struct TableOfContentsEntry {
    /// The section's anchor: `href` is `#` and the anchor, made when a template asks.
    let anchor: String
    let number: String
    let title: String
    let children: [TableOfContentsEntry]

    /// Headings and items down to three levels (`II.1.3`), as `DocumentPage.tableOfContents`.
    static func entries(_ sections: [Section], depth: Int) -> [TableOfContentsEntry] {
        var out: [TableOfContentsEntry] = []
        out.reserveCapacity(sections.count)
        // Through a buffer: `map` copied every Section (a dozen references) to read four fields.
        sections.withUnsafeBufferPointer { sections in
            guard let base = sections.baseAddress else { return }
            for index in sections.indices {
                out.append(TableOfContentsEntry(
                    anchor: sections[index].anchor, number: sections[index].displayNumber, title: Section.title(at: base + index),
                    children: depth < 3 ? entries(sections[index].children, depth: depth + 1) : []))
            }
        }
        return out
    }

    /// The keys in one value: each global is a `swift_once` call on every access.
    private struct Keys {
        let href: TemplateKey = "href"
        let number: TemplateKey = "number"
        let title: TemplateKey = "title"
        let hasChildren: TemplateKey = "hasChildren"
        let children: TemplateKey = "children"
    }

    private static let keys = Keys()

    private var href: String { "#" + anchor }

    /// What `TemplateValue(templateData[key])` is, without the dictionary.
    func value(for key: TemplateKey) -> TemplateValue? {
        withUnsafePointer(to: self) { Self.value(of: $0, for: key) }
    }

    /// A key the entry answers, as a number (see `SectionView.Field`).
    enum Field: UInt8, Sendable {
        case href, number, title, hasChildren, children
    }

    /// The field `key` names; nil for a key the entry does not have.
    static func field(for key: TemplateKey) -> Field? {
        if key == keys.href { return .href }
        if key == keys.number { return .number }
        if key == keys.title { return .title }
        if key == keys.hasChildren { return .hasChildren }
        if key == keys.children { return .children }
        return nil
    }

    /// `value(for:)` of the entry at `entry`, reading only the field asked for.
    static func value(of entry: UnsafePointer<TableOfContentsEntry>, for key: TemplateKey) -> TemplateValue? {
        field(for: key).map { value(of: entry, field: $0) }
    }

    static func value(of entry: UnsafePointer<TableOfContentsEntry>, field: Field) -> TemplateValue {
        switch field {
        case .href: .string(entry.pointee.href)
        case .number: .string(entry.pointee.number)
        case .title: .string(entry.pointee.title)
        case .hasChildren: .bool(!entry.pointee.children.isEmpty)
        case .children: .records(.tableOfContents(entry.pointee.children))
        }
    }

    /// The entry as the dictionary it stands for.
    var templateData: TemplateData {
        ["href": href, "number": number, "title": title, "hasChildren": !children.isEmpty, "children": children]
    }
}
