import DecuongStructure

/// A place in a document as `partials/places.mustache` reads it: the keys of
/// `PageContext.placeLink`'s dictionary as stored fields (see `TemplateRecords`). The label is
/// kept in its parts, which the renderer writes one after the other: index pages show tens of
/// thousands of places, and joining each label into a String of its own was most of a place.
struct PlaceView {
    /// Where the place links to. Index pages keep the link's parts, which the renderer puts
    /// together as it writes them: making each href a String of its own (validated, then
    /// freed with the page) was most of the cost of a link.
    let link: Link
    /// The document's title, which is the whole label without a section.
    let title: String
    /// With a section, the label goes on with `, `, this word, a space and the section's number.
    let sectionWord: String
    let sectionNumber: String?
    /// nil: `false` in the data. Kept as the mention keeps it and made into a string only as
    /// it is written: a page listing tens of thousands of places held a copy of each sentence.
    let context: ContextSentence?

    enum Link {
        /// An href as it is.
        case text(String)
        /// `RelativeURL.from(page, toDocument: slug, anchor: anchor)`.
        case document(page: String, slug: String, anchor: String?)
    }

    init(href: String, title: String, sectionWord: String, sectionNumber: String?, context: String?) {
        self.init(link: .text(href), title: title, sectionWord: sectionWord, sectionNumber: sectionNumber, context: context)
    }

    init(link: Link, title: String, sectionWord: String, sectionNumber: String?, context: String?) {
        self.init(link: link, title: title, sectionWord: sectionWord, sectionNumber: sectionNumber,
                  sentence: context.map { ContextSentence($0) })
    }

    init(link: Link, title: String, sectionWord: String, sectionNumber: String?, sentence context: ContextSentence?) {
        self.link = link
        self.title = title
        self.sectionWord = sectionWord
        self.sectionNumber = sectionNumber
        self.context = context
    }

    var href: String {
        switch link {
        case .text(let href): href
        case .document(let page, let slug, let anchor): RelativeURL.from(page, toDocument: slug, anchor: anchor)
        }
    }

    /// "Kế hoạch …, mục II.1.3".
    var label: String {
        sectionNumber.map { PageContext.joined(title, ", ", sectionWord, " ", $0) } ?? title
    }

    /// A key the place answers, as a number (see `SectionView.Field`).
    enum Field: UInt8, Sendable {
        case href, label, context
    }

    /// The keys in one value: each global is a `swift_once` call on every access.
    private struct Keys {
        let href: TemplateKey = "href"
        let label: TemplateKey = "label"
        let context: TemplateKey = "context"
    }

    private static let keys = Keys()

    static func field(for key: TemplateKey) -> Field? {
        if key == keys.href { return .href }
        if key == keys.label { return .label }
        if key == keys.context { return .context }
        return nil
    }

    /// What `TemplateValue(templateData[key])` is, without the dictionary.
    func value(for key: TemplateKey) -> TemplateValue? {
        withUnsafePointer(to: self) { Self.value(of: $0, for: key) }
    }

    static func value(of place: UnsafePointer<PlaceView>, for key: TemplateKey) -> TemplateValue? {
        field(for: key).map { value(of: place, field: $0) }
    }

    static func value(of place: UnsafePointer<PlaceView>, field: Field) -> TemplateValue {
        switch field {
        case .href: .string(place.pointee.href)
        case .label: .string(place.pointee.label)
        case .context: place.pointee.context.map { .string($0.text) } ?? .bool(false)
        }
    }

    /// The place as the dictionary it stands for.
    var templateData: TemplateData {
        ["href": href, "label": label, "context": context.map { $0.text as Any } ?? false]
    }
}
