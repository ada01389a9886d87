/// Where a section sits in its document's tree (child indices from the top) and its display
/// number (`II.1.3`), kept by anchor in `StructuredDocument.sectionIndex`.
public struct SectionIndexEntry: Sendable, Hashable {
    /// The path packed into one word when it fits (nearly always: a few levels, each under
    /// 1,024 children): an array per section was an allocation each, held by every loaded
    /// document. The count is in the low four bits, each index in ten bits above it.
    /// `unpacked` marks a path kept in `overflow` instead; a path fitting the word is
    /// always packed, so equal paths are equal entries.
    private var packed: UInt64
    private var overflow: [Int]
    public var displayNumber: String

    static let unpacked = UInt64.max
    static let maxPackedDepth = 6
    static let indexBits = 10
    static let indexLimit = 1 << indexBits

    public init(path: [Int], displayNumber: String) {
        (packed, overflow) = Self.pack(path)
        self.displayNumber = displayNumber
    }

    /// An entry for a path already packed (`appending(_:to:)`).
    init(packed: UInt64, displayNumber: String) {
        self.packed = packed
        overflow = []
        self.displayNumber = displayNumber
    }

    public var path: [Int] {
        get {
            guard packed != Self.unpacked else { return overflow }
            return (0..<depth).map { index(at: $0) }
        }
        set { (packed, overflow) = Self.pack(newValue) }
    }

    /// How many levels down the section is (the count of `path`).
    var depth: Int {
        packed == Self.unpacked ? overflow.count : Int(truncatingIfNeeded: packed & 0xF)
    }

    /// `path[level]`, read in place.
    func index(at level: Int) -> Int {
        guard packed != Self.unpacked else { return overflow[level] }
        return Self.index(packed, at: level)
    }

    /// `path[level]` of a packed path.
    static func index(_ packed: UInt64, at level: Int) -> Int {
        Int(truncatingIfNeeded: (packed >> UInt64(4 + indexBits * level)) & UInt64(indexLimit - 1))
    }

    /// The path packed into a word, or nil when it does not fit.
    static func packed(_ path: [Int]) -> UInt64? {
        let (packed, _) = pack(path)
        return packed == unpacked ? nil : packed
    }

    /// The packed path one level below `parent` (a packed path, the empty one being 0), or
    /// nil when it does not fit.
    static func appending(_ index: Int, to parent: UInt64) -> UInt64? {
        let depth = Int(truncatingIfNeeded: parent & 0xF)
        guard parent != unpacked, depth < maxPackedDepth, index >= 0, index < indexLimit else { return nil }
        return (parent + 1) | (UInt64(index) << UInt64(4 + indexBits * depth))
    }

    private static func pack(_ path: [Int]) -> (UInt64, [Int]) {
        var packed: UInt64 = 0
        for index in path {
            guard let next = appending(index, to: packed) else { return (unpacked, path) }
            packed = next
        }
        return (packed, [])
    }
}
