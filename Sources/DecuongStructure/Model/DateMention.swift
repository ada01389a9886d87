import DecuongCore

/// A date, or a date range, named in the text.
public struct DateMention: Sendable, Hashable {
    /// ISO `YYYY-MM-DD`.
    public var date: String
    /// The end of a range such as `(01/01/2004 - 01/01/2024)`.
    public var endDate: String?
    /// As written.
    public var text: String
    public var sectionAnchor: String?
    public var location: SourceLocation
    /// The sentence around it.
    public var context: String {
        @inlinable get { sentence.text }
        set { sentence = ContextSentence(newValue) }
    }
    /// `context` as it is kept: most often cut from the line's own string.
    public var sentence: ContextSentence

    public init(date: String, endDate: String? = nil, text: String, sectionAnchor: String? = nil,
                location: SourceLocation, context: String) {
        self.init(date: date, endDate: endDate, text: text, sectionAnchor: sectionAnchor, location: location,
                  sentence: ContextSentence(context))
    }

    public init(date: String, endDate: String? = nil, text: String, sectionAnchor: String? = nil,
                location: SourceLocation, sentence: ContextSentence) {
        self.date = date
        self.endDate = endDate
        self.text = text
        self.sectionAnchor = sectionAnchor
        self.location = location
        self.sentence = sentence
    }
}
