import DecuongCore

/// A bullet or ordered list. The recognizer needs the marker as written (`-`, `+`, `*`,
/// `1.`, `1)`) because Vietnamese documents use it to signal the nesting level.
public struct ListBlock: Sendable, Hashable {
    public enum Marker: Sendable, Hashable {
        case bullet(Character)
        case ordered(start: Int, delimiter: Delimiter)
    }

    public enum Delimiter: Sendable, Hashable {
        case period, parenthesis
    }

    public var marker: Marker
    /// Tight lists render their paragraphs without `<p>`.
    public var isTight: Bool
    public var items: [ListItem]

    public init(marker: Marker, isTight: Bool, items: [ListItem]) {
        self.marker = marker
        self.isTight = isTight
        self.items = items
    }

    public var isOrdered: Bool {
        if case .ordered = marker { return true }
        return false
    }
}

public struct ListItem: Sendable, Hashable {
    public enum Task: Sendable, Hashable {
        case unchecked, checked
    }

    // Stored in this order (array, range, optional number, task) so that the one-byte
    // fields share the padding after the number: 40 bytes an item instead of 48.
    public var blocks: [Block]
    public var range: SourceRange
    /// The number written in front of an ordered item. CommonMark numbers items from the
    /// list's start and ignores the rest, but `1. 2. 5.` matters to the recognizer.
    public var writtenNumber: Int?
    /// Set for GFM task-list items (`- [ ]`, `- [x]`).
    public var task: Task?

    public init(blocks: [Block], task: Task? = nil, writtenNumber: Int? = nil, range: SourceRange) {
        self.blocks = blocks
        self.task = task
        self.writtenNumber = writtenNumber
        self.range = range
    }
}
