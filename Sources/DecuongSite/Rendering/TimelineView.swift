/// An entry of a timeline page as `timeline.mustache` reads it: the keys of
/// `IndexPages.timelineRow` as stored fields (see `TemplateRecords`). A timeline shows a
/// row per dated mention, thousands of them: the id's digits and the place's label are
/// written out by the renderer, not made into Strings for each entry.
struct TimelineView {
    /// The entry's position in the whole timeline, from 1: the id is `moc-` and this.
    let number: Int
    let datetime: String
    let display: String
    /// nil: `false` in the data.
    let text: String?
    let context: String?
    /// Where the entry is; its own context is not shown.
    let place: PlaceView

    var id: String { "moc-\(number)" }

    /// A key the entry answers, as a number (see `SectionView.Field`).
    enum Field: UInt8, Sendable {
        case id, datetime, display, text, context, href, label
    }

    /// The keys in one value: each global is a `swift_once` call on every access.
    private struct Keys {
        let id: TemplateKey = "id"
        let datetime: TemplateKey = "datetime"
        let display: TemplateKey = "display"
        let text: TemplateKey = "text"
        let context: TemplateKey = "context"
        let href: TemplateKey = "href"
        let label: TemplateKey = "label"
    }

    private static let keys = Keys()

    static func field(for key: TemplateKey) -> Field? {
        if key == keys.id { return .id }
        if key == keys.datetime { return .datetime }
        if key == keys.display { return .display }
        if key == keys.text { return .text }
        if key == keys.context { return .context }
        if key == keys.href { return .href }
        if key == keys.label { return .label }
        return nil
    }

    /// What `TemplateValue(templateData[key])` is, without the dictionary.
    func value(for key: TemplateKey) -> TemplateValue? {
        withUnsafePointer(to: self) { Self.value(of: $0, for: key) }
    }

    static func value(of entry: UnsafePointer<TimelineView>, for key: TemplateKey) -> TemplateValue? {
        field(for: key).map { value(of: entry, field: $0) }
    }

    static func value(of entry: UnsafePointer<TimelineView>, field: Field) -> TemplateValue {
        switch field {
        case .id: .string(entry.pointee.id)
        case .datetime: .string(entry.pointee.datetime)
        case .display: .string(entry.pointee.display)
        case .text: entry.pointee.text.map { .string($0) } ?? .bool(false)
        case .context: entry.pointee.context.map { .string($0) } ?? .bool(false)
        case .href: .string(entry.pointee.place.href)
        case .label: .string(entry.pointee.place.label)
        }
    }

    /// The entry as the dictionary it stands for.
    var templateData: TemplateData {
        ["id": id, "datetime": datetime, "display": display, "text": text.map { $0 as Any } ?? false,
         "context": context.map { $0 as Any } ?? false, "href": place.href, "label": place.label]
    }
}
