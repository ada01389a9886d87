/// A section of a document, as the theme pages ask for what is cited or named there.
public struct SectionKey: Sendable, Hashable {
    public var document: String
    public var anchor: String

    public init(document: String, anchor: String) {
        self.document = document
        self.anchor = anchor
    }
}
