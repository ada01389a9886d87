/// A point (or span) on the timeline: a date named in a document, or a document's own date.
public struct TimelineEntry: Sendable, Hashable {
    /// ISO `YYYY-MM-DD`.
    public var date: String
    public var endDate: String?
    /// As written (`01/01/2004 - 01/01/2024`) or the document's title for its own date.
    public var text: String
    public var context: String
    public var place: DocumentPlace
    /// True for a document's date of issue rather than a date its text names.
    public var isDocumentDate: Bool

    public init(date: String, endDate: String? = nil, text: String, context: String, place: DocumentPlace,
                isDocumentDate: Bool = false) {
        self.date = date
        self.endDate = endDate
        self.text = text
        self.context = context
        self.place = place
        self.isDocumentDate = isDocumentDate
    }
}
