import DecuongCore

/// A parsed Markdown document: immutable Swift values, no C memory behind them.
public struct MarkdownDocument: Sendable, Hashable {
    public var blocks: [Block]
    /// Where nesting went deeper than the converter keeps (lists or quotes inside each
    /// other dozens of levels deep): below that point containers were dropped, text kept.
    public var nestingFlattenedAt: SourceLocation?

    public init(blocks: [Block], nestingFlattenedAt: SourceLocation? = nil) {
        self.blocks = blocks
        self.nestingFlattenedAt = nestingFlattenedAt
    }
}
