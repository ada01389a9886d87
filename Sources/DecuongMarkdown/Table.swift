import DecuongCore

/// A GFM pipe table.
public struct Table: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable {
        case none, left, center, right
    }

    public var alignments: [Alignment]
    public var header: [TableCell]
    public var rows: [[TableCell]]
    public var headerRange: SourceRange
    public var rowRanges: [SourceRange]

    public init(alignments: [Alignment], header: [TableCell], rows: [[TableCell]],
                headerRange: SourceRange, rowRanges: [SourceRange]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.headerRange = headerRange
        self.rowRanges = rowRanges
    }
}

public struct TableCell: Sendable, Hashable {
    public var inlines: [Inline]
    public var range: SourceRange

    public init(inlines: [Inline], range: SourceRange) {
        self.inlines = inlines
        self.range = range
    }
}
