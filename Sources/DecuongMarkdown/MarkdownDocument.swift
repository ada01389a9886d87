import DecuongCore

/// A parsed Markdown document: immutable Swift values, no C memory behind them.
public struct MarkdownDocument: Sendable, Hashable {
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}
