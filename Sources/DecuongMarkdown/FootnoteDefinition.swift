/// A footnote's text. cmark moves the definitions that are referenced to the end of the
/// document, numbered in order of first reference, and drops the ones never referenced.
public struct FootnoteDefinition: Sendable, Hashable {
    /// The label as written in `[^label]:`.
    public var label: String
    /// 1-based number in order of first reference.
    public var number: Int
    /// How many references point here (each gets its own back-link).
    public var referenceCount: Int
    public var blocks: [Block]

    public init(label: String, number: Int, referenceCount: Int, blocks: [Block]) {
        self.label = label
        self.number = number
        self.referenceCount = referenceCount
        self.blocks = blocks
    }
}
