/// A section as `partials/section.mustache` reads it: the keys of
/// `SectionViewBuilder.view`'s dictionary as stored fields (see `TemplateRecords`).
struct SectionView {
    let isHeading: Bool
    let level: String
    let headingLevel: Int
    /// The anchor, or nil where sections carry no `id` (`false` in the data).
    let id: String?
    let marker: String
    let leadHtml: SectionHTML
    let bodyHtml: SectionHTML
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

    /// A key the section answers, as a number: the compiled templates find each name's once,
    /// so a lookup inside a section reads its field without comparing keys.
    enum Field: UInt8, Sendable {
        case isHeading, level, id, headingLevel, marker, leadHtml, themeHref, bodyHtml, children, themeNumber
    }

    /// The field `key` names; nil for a key the section does not have.
    static func field(for key: TemplateKey) -> Field? {
        // In the order the default section partial asks.
        if key == keys.isHeading { return .isHeading }
        if key == keys.level { return .level }
        if key == keys.id { return .id }
        if key == keys.headingLevel { return .headingLevel }
        if key == keys.marker { return .marker }
        if key == keys.leadHtml { return .leadHtml }
        if key == keys.themeHref { return .themeHref }
        if key == keys.bodyHtml { return .bodyHtml }
        if key == keys.children { return .children }
        if key == keys.themeNumber { return .themeNumber }
        return nil
    }

    /// `value(for:)` of the section at `section`, reading only the field asked for.
    static func value(of section: UnsafePointer<SectionView>, for key: TemplateKey) -> TemplateValue? {
        field(for: key).map { value(of: section, field: $0) }
    }

    static func value(of section: UnsafePointer<SectionView>, field: Field) -> TemplateValue {
        switch field {
        case .isHeading: .bool(section.pointee.isHeading)
        case .level: .string(section.pointee.level)
        case .id: section.pointee.id.map { .string($0) } ?? .bool(false)
        case .headingLevel: .int(section.pointee.headingLevel)
        case .marker: .string(section.pointee.marker)
        case .leadHtml: .html(section.pointee.leadHtml.safeHTML)
        case .themeHref: section.pointee.themeHref.map { .string($0) } ?? .bool(false)
        case .bodyHtml: .html(section.pointee.bodyHtml.safeHTML)
        case .children: .records(.sections(section.pointee.children))
        case .themeNumber: .string(section.pointee.themeNumber)
        }
    }

    /// The section as the dictionary it stands for.
    var templateData: TemplateData {
        [
            "isHeading": isHeading,
            "level": level,
            "headingLevel": headingLevel,
            "id": id.map { $0 as Any } ?? false,
            "marker": marker,
            "leadHtml": leadHtml.safeHTML,
            "bodyHtml": bodyHtml.safeHTML,
            "themeHref": themeHref.map { $0 as Any } ?? false,
            "themeNumber": themeNumber,
            "children": children,
        ]
    }
}

extension SectionView {
    /// A view with its HTML made beforehand (the tests' views).
    init(isHeading: Bool, level: String, headingLevel: Int, id: String?, marker: String, leadHtml: SafeHTML,
         bodyHtml: SafeHTML, themeHref: String?, themeNumber: String, children: [SectionView]) {
        self.init(isHeading: isHeading, level: level, headingLevel: headingLevel, id: id, marker: marker,
                  leadHtml: SectionHTML(leadHtml), bodyHtml: SectionHTML(bodyHtml), themeHref: themeHref,
                  themeNumber: themeNumber, children: children)
    }
}
