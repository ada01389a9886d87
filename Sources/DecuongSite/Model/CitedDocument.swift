import DecuongCore

/// An entry of the cited-documents index: one document number (with its year), every place
/// that cites it, and the document in the site when it is there.
public struct CitedDocument: Sendable, Hashable {
    /// `Citation.key`: `35-NQ/TW@2018`.
    public var key: String
    public var id: String
    public var kind: String?
    public var date: String?
    /// The anchor of its entry on its page of the index (`van-ban/index.html`, `van-ban/trang-2.html`).
    public var anchor: String
    /// Which page of the index shows it (see `IndexPaging`); set when the site is linked.
    public var indexPage: Int = 0
    /// The slug of the document in the site with this number, if any.
    public var documentSlug: String?
    public var places: [DocumentPlace]

    public init(key: String, id: String, kind: String? = nil, date: String? = nil, anchor: String,
                documentSlug: String? = nil, places: [DocumentPlace] = []) {
        self.key = key
        self.id = id
        self.kind = kind
        self.date = date
        self.anchor = anchor
        self.documentSlug = documentSlug
        self.places = places
    }

    /// "Nghị quyết số 35-NQ/TW" or the bare number.
    public var displayName: String {
        kind.map { "\($0) số \(id)" } ?? id
    }
}
