import Mustache

/// A value of the data a page is rendered from, its kind found once with one comparison of
/// its dynamic type rather than a chain of protocol casts. The kinds are what decuong's page
/// contexts hold; anything else is `.other` and follows swift-mustache's rules the slow way.
enum TemplateValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    case html(SafeHTML)
    case dictionary(TemplateData)
    case stringDictionary([String: String])
    case list([TemplateData])
    case stringList([String])
    /// Sections or table-of-contents entries: a list of `TemplateData` to the templates.
    case records(TemplateRecords)
    /// One of them, as a context pushed by a section: a `TemplateData` to the templates.
    case record(TemplateRecords, Int)
    /// Index entries with fixed keys: a list of `TemplateData` to the templates.
    case rows([TemplateRow])
    /// One of them: a `TemplateData` to the templates.
    case row(TemplateRow)
    /// Boxed: an `Any` in place made the whole enum address-only, so every switch on a value
    /// copied it and every copy went through the runtime's generic witnesses.
    indirect case other(Any)

    init(_ value: Any) {
        // Passing the `Any` to a generic parameter opens it (SE-0352), so `classify` gets the
        // value as its own type: the exact type is one metadata comparison and taking the value
        // out is a copy, where an `as?` was a `swift_dynamicCast` of ~250 instructions on every
        // lookup of a page. (`_openExistential` with a generic function crashes Swift 6.3's SILGen.)
        self = Self.classify(value)
    }

    /// The value of an exact type, found without a dynamic cast. Exact types only: an `as?` to
    /// a collection type converts element by element, and a cast to `String` would see through
    /// an Optional that swift-mustache treats otherwise.
    private static func classify<T>(_ value: T) -> TemplateValue {
        if T.self == String.self {
            return .string(unsafeBitCast(value, to: String.self))
        } else if T.self == Bool.self {
            return .bool(unsafeBitCast(value, to: Bool.self))
        } else if T.self == TemplateData.self {
            return .dictionary(unsafeBitCast(value, to: TemplateData.self))
        } else if T.self == SafeHTML.self {
            return .html(unsafeBitCast(value, to: SafeHTML.self))
        } else if T.self == [TemplateData].self {
            return .list(unsafeBitCast(value, to: [TemplateData].self))
        } else if T.self == [String].self {
            return .stringList(unsafeBitCast(value, to: [String].self))
        } else if T.self == Int.self {
            return .int(unsafeBitCast(value, to: Int.self))
        } else if T.self == [String: String].self {
            return .stringDictionary(unsafeBitCast(value, to: [String: String].self))
        } else if T.self == [SectionView].self {
            return .records(.sections(unsafeBitCast(value, to: [SectionView].self)))
        } else if T.self == [TableOfContentsEntry].self {
            return .records(.tableOfContents(unsafeBitCast(value, to: [TableOfContentsEntry].self)))
        } else if T.self == [TimelineView].self {
            return .records(.timeline(unsafeBitCast(value, to: [TimelineView].self)))
        } else if T.self == [PlaceView].self {
            return .records(.places(unsafeBitCast(value, to: [PlaceView].self)))
        } else if T.self == [TemplateRow].self {
            return .rows(unsafeBitCast(value, to: [TemplateRow].self))
        } else if T.self == TemplateRow.self {
            return .row(unsafeBitCast(value, to: TemplateRow.self))
        } else if T.self == SectionView.self {
            // A theme page's single section.
            return .record(.sections([unsafeBitCast(value, to: SectionView.self)]), 0)
        } else if T.self == TableOfContentsEntry.self {
            return .record(.tableOfContents([unsafeBitCast(value, to: TableOfContentsEntry.self)]), 0)
        } else if T.self == PlaceView.self {
            return .record(.places([unsafeBitCast(value, to: PlaceView.self)]), 0)
        } else if T.self == TimelineView.self {
            return .record(.timeline([unsafeBitCast(value, to: TimelineView.self)]), 0)
        }
        return .other(value)
    }

    /// The cast-based classification `init` replaced, kept as the reference its equivalence
    /// test compares against.
    static func classifiedByCasting(_ value: Any) -> TemplateValue {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Self.stringType, let string = value as? String {
            return .string(string)
        } else if type == Self.boolType, let bool = value as? Bool {
            return .bool(bool)
        } else if type == Self.dictionaryType, let dictionary = value as? TemplateData {
            return .dictionary(dictionary)
        } else if type == Self.htmlType, let html = value as? SafeHTML {
            return .html(html)
        } else if type == Self.listType, let list = value as? [TemplateData] {
            return .list(list)
        } else if type == Self.stringListType, let list = value as? [String] {
            return .stringList(list)
        } else if type == Self.intType, let int = value as? Int {
            return .int(int)
        } else if type == Self.stringDictionaryType, let dictionary = value as? [String: String] {
            return .stringDictionary(dictionary)
        } else if type == ObjectIdentifier([SectionView].self), let sections = value as? [SectionView] {
            return .records(.sections(sections))
        } else if type == ObjectIdentifier([TableOfContentsEntry].self), let entries = value as? [TableOfContentsEntry] {
            return .records(.tableOfContents(entries))
        } else if type == ObjectIdentifier([TimelineView].self), let entries = value as? [TimelineView] {
            return .records(.timeline(entries))
        } else if type == ObjectIdentifier([PlaceView].self), let places = value as? [PlaceView] {
            return .records(.places(places))
        } else if type == ObjectIdentifier([TemplateRow].self), let rows = value as? [TemplateRow] {
            return .rows(rows)
        } else if type == ObjectIdentifier(TemplateRow.self), let row = value as? TemplateRow {
            return .row(row)
        } else if type == ObjectIdentifier(SectionView.self), let section = value as? SectionView {
            return .record(.sections([section]), 0)
        } else if type == ObjectIdentifier(TableOfContentsEntry.self), let entry = value as? TableOfContentsEntry {
            return .record(.tableOfContents([entry]), 0)
        } else if type == ObjectIdentifier(PlaceView.self), let place = value as? PlaceView {
            return .record(.places([place]), 0)
        } else if type == ObjectIdentifier(TimelineView.self), let entry = value as? TimelineView {
            return .record(.timeline([entry]), 0)
        }
        return .other(value)
    }

    private static let stringType = ObjectIdentifier(String.self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)
    private static let htmlType = ObjectIdentifier(SafeHTML.self)
    private static let dictionaryType = ObjectIdentifier(TemplateData.self)
    private static let stringDictionaryType = ObjectIdentifier([String: String].self)
    private static let listType = ObjectIdentifier([TemplateData].self)
    private static let stringListType = ObjectIdentifier([String].self)

    /// The value as swift-mustache holds it, for the rare paths that describe it.
    var any: Any {
        switch self {
        case .string(let value): value
        case .bool(let value): value
        case .int(let value): value
        case .html(let value): value
        case .dictionary(let value): Self.mustacheValue(value)
        case .stringDictionary(let value): value
        case .list(let value): Self.mustacheValue(value)
        case .stringList(let value): value
        case .records(let records): Self.mustacheValue(records.templateData)
        case .record(let records, let index): Self.mustacheValue(records.templateData(at: index))
        case .rows(let rows): Self.mustacheValue(rows.map(\.templateData))
        case .row(let row): Self.mustacheValue(row.templateData)
        case .other(let value): value
        }
    }

    /// Page data as swift-mustache reads it: `TemplateKey` dictionaries become `[String: Any]`
    /// at every depth (swift-mustache only looks into String-keyed ones).
    static func mustacheValue(_ value: Any) -> Any {
        if let dictionary = value as? TemplateData {
            var converted: [String: Any] = [:]
            converted.reserveCapacity(dictionary.count)
            for (key, inner) in dictionary { converted[key.name] = mustacheValue(inner) }
            return converted
        }
        if let list = value as? [TemplateData] {
            return list.map { mustacheValue($0) as Any }
        }
        switch TemplateValue(value) {
        case .records(let records): return mustacheValue(records.templateData)
        case .record(let records, let index): return mustacheValue(records.templateData(at: index))
        case .rows(let rows): return mustacheValue(rows.map(\.templateData))
        case .row(let row): return mustacheValue(row.templateData)
        default: return value
        }
    }

    /// swift-mustache's `_getImmediateChild`: a dictionary's entry, a stored property found by
    /// reflection, nil when there is none. `.other` values that are lambdas are the caller's.
    func child(named key: TemplateKey) -> TemplateValue? {
        let name = key.name
        switch self {
        case .dictionary(let dictionary):
            guard let value = dictionary[key] else { return nil }
            return TemplateValue(value)
        case .stringDictionary(let dictionary):
            guard let value = dictionary[name] else { return nil }
            return .string(value)
        case .html(let html):
            // A struct: Mirror finds its stored properties by label.
            guard Self.htmlLabels.contains(name) else { return nil }
            return Self.reflectedChild(of: html, named: name)
        case .record(let records, let index):
            return records.value(at: index, for: key)
        case .row(let row):
            return row.value(for: key)
        case .string, .bool, .int, .list, .stringList, .records, .rows:
            // Their mirrors have no labelled children.
            return nil
        case .other(let value):
            let object: Any?
            if let custom = value as? MustacheCustomRepresentation {
                object = custom.representation
            } else {
                object = value
            }
            guard let object else { return nil }
            if let parent = object as? MustacheParent {
                return parent.child(named: name).map(TemplateValue.init)
            }
            return Self.reflectedChild(of: object, named: name)
        }
    }

    private static let htmlLabels = Set(Mirror(reflecting: SafeHTML(rendered: "")).children.compactMap(\.label))

    /// swift-mustache's `Mirror.getValue(forKey:)`: the first child with the label, an
    /// Optional child unwrapped (nil when empty).
    private static func reflectedChild(of object: Any, named name: String) -> TemplateValue? {
        guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return TemplateValue(matched.value) }
        return mirror.children.first.map { TemplateValue($0.value) }
    }

    /// Whether the value is `.other`: asked of a value in place, which a pattern copies.
    var isOther: Bool {
        if case .other = self { return true }
        return false
    }

    /// What swift-mustache does to a looked-up value before using it: a custom representation
    /// replaces it (`NSNull` becomes nothing).
    var represented: TemplateValue? {
        guard case .other(let value) = self, let custom = value as? MustacheCustomRepresentation else { return self }
        return custom.representation.map(TemplateValue.init)
    }

    /// `String(describing:)` of the value with one level of Optional taken off, as
    /// swift-mustache prints a value that is neither text nor custom-rendered.
    var described: String {
        let value = any
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional, let wrapped = mirror.children.first?.value {
            return String(describing: wrapped)
        }
        return String(describing: value)
    }

    /// The elements when swift-mustache iterates the value in a section (an Array, a Set…).
    static func elements(of value: Any) -> [Any]? {
        guard let sequence = value as? any MustacheSequence else { return nil }
        return collect(sequence)
    }

    private static func collect<S: Sequence>(_ sequence: S) -> [Any] {
        sequence.map { $0 as Any }
    }
}
