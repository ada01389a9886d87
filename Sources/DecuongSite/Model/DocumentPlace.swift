import DecuongCore

/// Where a citation, a date or an organization occurs: a document and one of its sections.
public struct DocumentPlace: Sendable, Hashable {
    public var documentSlug: String
    /// nil when outside any section (preamble, closing).
    public var sectionAnchor: String?
    /// The sentence around the mention.
    public var context: String
    public var location: SourceLocation

    public init(documentSlug: String, sectionAnchor: String?, context: String, location: SourceLocation) {
        self.documentSlug = documentSlug
        self.sectionAnchor = sectionAnchor
        self.context = context
        self.location = location
    }
}
