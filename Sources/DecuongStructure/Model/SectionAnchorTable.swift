/// `StructuredDocument.sectionIndex` in compact form: for each anchor (the first section
/// with it, depth first) the packed path to its section and its display number, in one
/// array of that size, found through an open-addressing table of 32-bit positions keyed by
/// the anchor's hash. A `[String: SectionIndexEntry]` per loaded document held each entry
/// in a bucket of 48 bytes at up to three buckets an entry (some 85 bytes an entry on
/// average); this holds 40 bytes an entry and 4 bytes a slot at two slots an entry or less.
struct SectionAnchorTable: Sendable {
    struct Record: Sendable, Hashable {
        var anchor: String
        var displayNumber: String
        /// `SectionIndexEntry`'s packed path; for a path too deep or too wide for the word,
        /// `overflowTag` in the low four bits and the index in `overflowPaths` above them.
        var packed: UInt64
    }

    /// In depth-first order when built from sections.
    private(set) var records: [Record]
    /// Positions in `records`, -1 for an empty slot; a power of two long (or empty).
    private var slots: [Int32]
    private var overflowPaths: [[Int]]

    /// A packed path's count is at most `SectionIndexEntry.maxPackedDepth` (6), so its low
    /// four bits never hold 15.
    static let overflowTag: UInt64 = 0xF

    init() {
        records = []
        slots = []
        overflowPaths = []
    }

    /// The first section with each anchor, depth first, as `StructuredDocument.sectionIndex(of:)`.
    init(_ sections: [Section]) {
        let count = Self.sectionCount(sections)
        records = []
        records.reserveCapacity(count)
        slots = Self.emptySlots(for: count)
        overflowPaths = []
        // The path down to the sections being added, for the rare path that does not pack.
        var path: [Int] = []
        func add(_ sections: [Section], packed: UInt64?) {
            // By index: taking each section whole copied (and retained) all it holds.
            for position in sections.indices {
                path.append(position)
                let childPacked = packed.flatMap { SectionIndexEntry.appending(position, to: $0) }
                insert(anchor: sections[position].anchor, displayNumber: sections[position].displayNumber,
                       packed: childPacked, path: path)
                add(sections[position].children, packed: childPacked)
                path.removeLast()
            }
        }
        add(sections, packed: 0)
        // Fewer records than sections when anchors repeat.
        records = ArrayFitting.fitted(records)
    }

    /// The table of a dictionary index (what `sectionIndex` is set to).
    init(_ index: [String: SectionIndexEntry]) {
        records = []
        records.reserveCapacity(index.count)
        slots = Self.emptySlots(for: index.count)
        overflowPaths = []
        for (anchor, entry) in index {
            let path = entry.path
            insert(anchor: anchor, displayNumber: entry.displayNumber, packed: SectionIndexEntry.packed(path), path: path)
        }
    }

    var count: Int { records.count }

    /// The dictionary this table stands for.
    var dictionary: [String: SectionIndexEntry] {
        var index: [String: SectionIndexEntry] = [:]
        index.reserveCapacity(records.count)
        for record in records {
            index[record.anchor] = SectionIndexEntry(path: path(of: record), displayNumber: record.displayNumber)
        }
        return index
    }

    /// The position in `records` of the anchor's record.
    func find(_ anchor: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = anchor.hashValue & mask
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if records[position].anchor == anchor { return position }
            slot = (slot + 1) & mask
        }
    }

    func displayNumber(at position: Int) -> String { records[position].displayNumber }

    /// How many levels down the record's section is.
    func depth(at position: Int) -> Int {
        let packed = records[position].packed
        if packed & 0xF == Self.overflowTag { return overflowPaths[Int(truncatingIfNeeded: packed >> 4)].count }
        return Int(truncatingIfNeeded: packed & 0xF)
    }

    /// The child index at `level` of the path to the record's section.
    func index(at position: Int, level: Int) -> Int {
        let packed = records[position].packed
        if packed & 0xF == Self.overflowTag { return overflowPaths[Int(truncatingIfNeeded: packed >> 4)][level] }
        return SectionIndexEntry.index(packed, at: level)
    }

    private func path(of record: Record) -> [Int] {
        if record.packed & 0xF == Self.overflowTag { return overflowPaths[Int(truncatingIfNeeded: record.packed >> 4)] }
        return (0..<Int(truncatingIfNeeded: record.packed & 0xF)).map { SectionIndexEntry.index(record.packed, at: $0) }
    }

    /// Adds the anchor's record unless the anchor is taken (the first section keeps it).
    private mutating func insert(anchor: String, displayNumber: String, packed: UInt64?, path: [Int]) {
        let mask = slots.count - 1
        var slot = anchor.hashValue & mask
        while slots[slot] >= 0 {
            if records[Int(slots[slot])].anchor == anchor { return }
            slot = (slot + 1) & mask
        }
        var stored: UInt64
        if let packed {
            stored = packed
        } else {
            stored = (UInt64(overflowPaths.count) << 4) | Self.overflowTag
            overflowPaths.append(path)
        }
        slots[slot] = Int32(truncatingIfNeeded: records.count)
        records.append(Record(anchor: anchor, displayNumber: displayNumber, packed: stored))
    }

    /// Slots for `count` records, at most three quarters full: a power of two at least
    /// `count * 4 / 3` (none for none). Positions are 32-bit: a document has far fewer
    /// sections than that.
    private static func emptySlots(for count: Int) -> [Int32] {
        guard count > 0 else { return [] }
        var size = 4
        while size * 3 < count * 4 { size *= 2 }
        return [Int32](repeating: -1, count: size)
    }

    private static func sectionCount(_ sections: [Section]) -> Int {
        var count = sections.count
        for index in sections.indices { count += sectionCount(sections[index].children) }
        return count
    }
}

extension SectionAnchorTable: Hashable {
    /// Equal when they index the same anchors to the same paths and numbers, whatever order
    /// the records were added in (as the dictionaries they stand for).
    static func == (lhs: SectionAnchorTable, rhs: SectionAnchorTable) -> Bool {
        guard lhs.records.count == rhs.records.count else { return false }
        for record in lhs.records {
            guard let position = rhs.find(record.anchor),
                  rhs.records[position].displayNumber == record.displayNumber,
                  rhs.path(of: rhs.records[position]) == lhs.path(of: record) else { return false }
        }
        return true
    }

    /// The count only: equal tables may hold their records in any order.
    func hash(into hasher: inout Hasher) {
        hasher.combine(records.count)
    }
}
