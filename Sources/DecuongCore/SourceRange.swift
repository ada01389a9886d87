/// A span of source text, both ends inclusive (as cmark reports them).
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    @inlinable
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    @inlinable
    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.init(start: SourceLocation(line: line, column: column),
                  end: SourceLocation(line: endLine, column: endColumn))
    }

    /// The whole of the given lines, for text that has no finer position.
    @inlinable
    public static func lines(_ first: Int, _ last: Int) -> SourceRange {
        SourceRange(line: first, column: 1, endLine: last, endColumn: 1)
    }

    @inlinable
    public func contains(_ location: SourceLocation) -> Bool {
        start <= location && location <= end
    }

    public var description: String { "\(start)-\(end)" }
}
