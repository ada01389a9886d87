import DecuongCore

/// The optional YAML block at the top of a document. Fields given here override what
/// the recognizer finds in the text (DESIGN.md §2).
public struct FrontMatter: Sendable, Hashable, Codable {
    public var kind: String?
    public var number: String?
    /// ISO date `YYYY-MM-DD`.
    public var date: String?
    public var place: String?
    public var issuer: String?
    public var title: String?
    public var slug: String?
    /// The main document this one is attached to (its file name or slug).
    public var attachedTo: String?
    public var tags: [String]
    /// Where each key's value starts, for diagnostics about a field.
    public var locations: [String: SourceLocation]

    public init(kind: String? = nil, number: String? = nil, date: String? = nil, place: String? = nil,
                issuer: String? = nil, title: String? = nil, slug: String? = nil, attachedTo: String? = nil,
                tags: [String] = [], locations: [String: SourceLocation] = [:]) {
        self.kind = kind
        self.number = number
        self.date = date
        self.place = place
        self.issuer = issuer
        self.title = title
        self.slug = slug
        self.attachedTo = attachedTo
        self.tags = tags
        self.locations = locations
    }

    public static let knownKeys: Set<String> = [
        "kind", "number", "date", "place", "issuer", "title", "slug", "attached_to", "tags",
        // Hugo sites call their taxonomy `themes`; read it as tags so such files move over as they are.
        "themes",
    ]

    public var isEmpty: Bool {
        kind == nil && number == nil && date == nil && place == nil && issuer == nil && title == nil
            && slug == nil && attachedTo == nil && tags.isEmpty
    }
}
