/// A section as `partials/section.mustache` reads it: the keys of
/// `SectionViewBuilder.view`'s dictionary as stored fields (see `TemplateRecords`).
struct SectionView {
    let isHeading: Bool
    let level: String
    let headingLevel: Int
    /// The anchor, or nil where sections carry no `id` (`false` in the data).
    let id: String?
    let marker: String
    let leadHtml: SafeHTML
    let bodyHtml: SafeHTML
    /// nil: `false` in the data.
    let themeHref: String?
    let themeNumber: String
    let children: [SectionView]

    /// The keys in one value: each global is a `swift_once` call on every access.
    private struct Keys {
        let isHeading: TemplateKey = "isHeading"
        let level: TemplateKey = "level"
        let headingLevel: TemplateKey = "headingLevel"
        let id: TemplateKey = "id"
        let marker: TemplateKey = "marker"
        let leadHtml: TemplateKey = "leadHtml"
        let bodyHtml: TemplateKey = "bodyHtml"
        let themeHref: TemplateKey = "themeHref"
        let themeNumber: TemplateKey = "themeNumber"
        let children: TemplateKey = "children"
    }

    private static let keys = Keys()

    /// What `TemplateValue(templateData[key])` is, without the dictionary.
    func value(for key: TemplateKey) -> TemplateValue? {
        withUnsafePointer(to: self) { Self.value(of: $0, for: key) }
    }

    /// `value(for:)` of the section at `section`, reading only the field asked for.
    static func value(of section: UnsafePointer<SectionView>, for key: TemplateKey) -> TemplateValue? {
        // In the order the default section partial asks.
        if key == keys.isHeading { return .bool(section.pointee.isHeading) }
        if key == keys.level { return .string(section.pointee.level) }
        if key == keys.id { return section.pointee.id.map { .string($0) } ?? .bool(false) }
        if key == keys.headingLevel { return .int(section.pointee.headingLevel) }
        if key == keys.marker { return .string(section.pointee.marker) }
        if key == keys.leadHtml { return .html(section.pointee.leadHtml) }
        if key == keys.themeHref { return section.pointee.themeHref.map { .string($0) } ?? .bool(false) }
        if key == keys.bodyHtml { return .html(section.pointee.bodyHtml) }
        if key == keys.children { return .records(.sections(section.pointee.children)) }
        if key == keys.themeNumber { return .string(section.pointee.themeNumber) }
        return nil
    }

    /// The section as the dictionary it stands for.
    var templateData: TemplateData {
        [
            "isHeading": isHeading,
            "level": level,
            "headingLevel": headingLevel,
            "id": id.map { $0 as Any } ?? false,
            "marker": marker,
            "leadHtml": leadHtml,
            "bodyHtml": bodyHtml,
            "themeHref": themeHref.map { $0 as Any } ?? false,
            "themeNumber": themeNumber,
            "children": children,
        ]
    }
}
