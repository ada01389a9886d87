import DecuongCore
import DecuongStructure

/// Where a citation, a date or an organization occurs: a document and one of its sections.
public struct DocumentPlace: Sendable, Hashable {
    public var documentSlug: String
    /// nil when outside any section (preamble, closing).
    public var sectionAnchor: String?
    /// The sentence around the mention.
    public var context: String {
        @inlinable get { sentence.text }
        set { sentence = ContextSentence(newValue) }
    }
    /// `context` as the mention keeps it (see `ContextSentence`): a place holds no copy.
    public var sentence: ContextSentence
    public var location: SourceLocation

    public init(documentSlug: String, sectionAnchor: String?, context: String, location: SourceLocation) {
        self.init(documentSlug: documentSlug, sectionAnchor: sectionAnchor, sentence: ContextSentence(context), location: location)
    }

    public init(documentSlug: String, sectionAnchor: String?, sentence: ContextSentence, location: SourceLocation) {
        self.documentSlug = documentSlug
        self.sectionAnchor = sectionAnchor
        self.sentence = sentence
        self.location = location
    }
}
