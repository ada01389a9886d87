import DecuongCore

/// A document cited by number: `Nghị quyết số 35-NQ/TW, ngày 22/10/2018`.
public struct Citation: Sendable, Hashable {
    /// Canonical number without spaces: `35-NQ/TW`, `30/2020/NĐ-CP`, `14-KH/ĐU.KBT`.
    public var id: String
    /// The kind named before the number ("Nghị quyết"), sentence case, if any.
    public var kind: String?
    /// ISO date when the text gives one right after the number.
    public var date: String?
    /// The year from the date or the number, used with `id` as the key (party numbers
    /// restart each term).
    public var year: Int?
    /// The anchor of the section that cites it (nil in the preamble, header or closing).
    public var sectionAnchor: String?
    public var location: SourceLocation
    /// The sentence around the citation, for index pages.
    public var context: String {
        @inlinable get { sentence.text }
        set { sentence = ContextSentence(newValue) }
    }
    /// `context` as it is kept: most often cut from the line's own string.
    public var sentence: ContextSentence

    public init(id: String, kind: String? = nil, date: String? = nil, year: Int? = nil, sectionAnchor: String? = nil,
                location: SourceLocation, context: String) {
        self.init(id: id, kind: kind, date: date, year: year, sectionAnchor: sectionAnchor, location: location,
                  sentence: ContextSentence(context))
    }

    public init(id: String, kind: String? = nil, date: String? = nil, year: Int? = nil, sectionAnchor: String? = nil,
                location: SourceLocation, sentence: ContextSentence) {
        self.id = id
        self.kind = kind
        self.date = date
        self.year = year
        self.sectionAnchor = sectionAnchor
        self.location = location
        self.sentence = sentence
    }

    /// The identity used to match citations with each other and with documents in the site.
    public var key: String { year.map { "\(id)@\($0)" } ?? id }
}
