import DecuongCore

/// How `Block`, `Inline` and `ListItem` keep their range in fifteen bytes instead of sixteen: the end
/// line is stored as a signed 24-bit distance from the start line, in the three bytes of
/// padding after the kind's tag byte (the kinds are 17-byte enums), so that each node is
/// 32 bytes instead of 40. A site holds millions of nodes. (A list item has no tag byte,
/// but its number and task would otherwise leave it 40 bytes too.)
///
/// The two columns share one 64-bit field: with a field for each, a node had one scalar
/// more than before and was copied through its value witness instead of in line, which
/// cost 120 M more instructions building 1,000 documents.
///
/// A node more than 8,388,607 lines long (or whose end is that far before its start) has
/// its end line clamped, as `SourceLocation` clamps positions past 2³¹ − 1: only a single
/// paragraph, list or quote of over eight million lines (a file of tens of MB) reaches it.
@usableFromInline
enum PackedLineSpan {
    /// Computed, not stored: a static `let` would be read through a lazy-initialization
    /// check on every range made.
    @inlinable static var maximum: Int { (1 << 23) - 1 }
    @inlinable static var minimum: Int { -(1 << 23) }

    /// The end line's distance from the start line (high byte, low 16 bits), the start
    /// line, and the start column (low half) with the end column (high half).
    @inlinable
    static func pack(_ range: SourceRange) -> (UInt8, UInt16, Int32, UInt64) {
        let span = min(max(range.end.line - range.start.line, minimum), maximum)
        let bits = UInt32(truncatingIfNeeded: span) & 0xFF_FFFF
        let columns = UInt64(UInt32(truncatingIfNeeded: range.start.column))
            | UInt64(UInt32(truncatingIfNeeded: range.end.column)) << 32
        return (UInt8(truncatingIfNeeded: bits >> 16), UInt16(truncatingIfNeeded: bits),
                Int32(truncatingIfNeeded: range.start.line), columns)
    }

    @inlinable
    static func range(_ high: UInt8, _ low: UInt16, _ startLine: Int32, _ columns: UInt64) -> SourceRange {
        let bits = UInt32(high) << 16 | UInt32(low)
        let span = Int(Int32(bitPattern: bits << 8) >> 8)
        let startColumn = Int(Int32(truncatingIfNeeded: columns))
        let endColumn = Int(Int32(truncatingIfNeeded: columns >> 32))
        return SourceRange(line: Int(startLine), column: startColumn,
                           endLine: Int(startLine) + span, endColumn: endColumn)
    }
}
