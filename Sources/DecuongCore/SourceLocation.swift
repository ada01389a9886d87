/// A position in a source file. Lines and columns are 1-based; a column counts
/// Unicode scalars (code points), so `ệ` in NFC text is one column whatever its UTF-8 length.
///
/// Stored as two 32-bit numbers: every inline, block, section and mention of the site
/// model carries a `SourceRange`, and at 64 bits the ranges were over half the size of an
/// inline node. A position past 2³¹ − 1 (only in a file of more than 2 GiB) is clamped.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    @usableFromInline var storedLine: Int32
    @usableFromInline var storedColumn: Int32

    @inlinable
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    @inlinable
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    @inlinable
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    @inlinable
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }

    private enum CodingKeys: String, CodingKey {
        case line, column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}
