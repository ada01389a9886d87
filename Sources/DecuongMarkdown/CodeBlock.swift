/// A fenced or indented code block.
public struct CodeBlock: Sendable, Hashable {
    /// The info string after the opening fence (empty for indented blocks).
    public var info: String
    public var literal: String
    public var isFenced: Bool

    public init(info: String, literal: String, isFenced: Bool) {
        self.info = info
        self.literal = literal
        self.isFenced = isFenced
    }

    /// The first word of the info string, used as the language class.
    public var language: String? {
        let word = info.prefix { !$0.isWhitespace }
        return word.isEmpty ? nil : String(word)
    }
}
