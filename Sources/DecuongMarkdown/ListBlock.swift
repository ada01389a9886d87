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

    public var blocks: [Block]
    // The range packed as in Block (PackedLineSpan), with the task and whether there is a
    // written number in the byte between: 32 bytes an item instead of 40. These fields
    // must stay in this order.
    @usableFromInline var packedSpanHigh: UInt8
    @usableFromInline var packedFlags: UInt8
    @usableFromInline var packedSpanLow: UInt16
    @usableFromInline var packedStartLine: Int32
    @usableFromInline var packedColumns: UInt64
    @usableFromInline var packedNumber: Int

    @inlinable static var hasNumber: UInt8 { 4 }
    @inlinable static var taskBits: UInt8 { 3 }

    @inlinable
    public init(blocks: [Block], task: Task? = nil, writtenNumber: Int? = nil, range: SourceRange) {
        self.blocks = blocks
        (packedSpanHigh, packedSpanLow, packedStartLine, packedColumns) = PackedLineSpan.pack(range)
        packedFlags = Self.flags(task) | (writtenNumber == nil ? 0 : Self.hasNumber)
        packedNumber = writtenNumber ?? 0
    }

    @inlinable
    static func flags(_ task: Task?) -> UInt8 {
        switch task {
        case nil: 0
        case .unchecked: 1
        case .checked: 2
        }
    }

    public var range: SourceRange {
        @inlinable get {
            PackedLineSpan.range(packedSpanHigh, packedSpanLow, packedStartLine, packedColumns)
        }
        @inlinable set {
            (packedSpanHigh, packedSpanLow, packedStartLine, packedColumns) = PackedLineSpan.pack(newValue)
        }
    }

    /// The number written in front of an ordered item. CommonMark numbers items from the
    /// list's start and ignores the rest, but `1. 2. 5.` matters to the recognizer.
    public var writtenNumber: Int? {
        @inlinable get { packedFlags & Self.hasNumber != 0 ? packedNumber : nil }
        set {
            packedNumber = newValue ?? 0
            packedFlags = newValue == nil ? packedFlags & ~Self.hasNumber : packedFlags | Self.hasNumber
        }
    }

    /// Set for GFM task-list items (`- [ ]`, `- [x]`).
    public var task: Task? {
        @inlinable get {
            switch packedFlags & Self.taskBits {
            case 1: .unchecked
            case 2: .checked
            default: nil
            }
        }
        set { packedFlags = packedFlags & ~Self.taskBits | Self.flags(newValue) }
    }
}
