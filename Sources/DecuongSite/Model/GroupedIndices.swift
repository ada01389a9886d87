/// Positions in one of a `Site`'s arrays, grouped by a key: what `[Key: [Int]]` held, in one
/// table of keys and one array of positions. A dictionary of arrays gave every key an array
/// of its own (a heap object, its header and its spare room); here a key costs its slot
/// number and each position four bytes. (Sections, a key of two strings with hundreds of
/// thousands of them, have `SectionGroups`.)
public struct GroupedIndices<Key: Hashable & Sendable>: Sendable, Hashable {
    /// Key → its group's number.
    private var slots: [Key: Int32] = [:]
    /// Group `g` is `positions[starts[g]..<starts[g + 1]]`.
    private var starts: [Int32] = [0]
    private var positions: [Int32] = []

    public init() {}

    /// The groups of `pairs` (key, position), each group's positions in the order given.
    init(_ pairs: some Sequence<(Key, Int)>) {
        var builder = Builder()
        for (key, position) in pairs { builder.add(key, position) }
        self = builder.finish()
    }

    /// Collects (key, position) pairs; `finish` groups them.
    struct Builder {
        private var slots: [Key: Int32] = [:]
        private var slotOfPair: [Int32] = []
        private var positionOfPair: [Int32] = []
        private var counts: [Int32] = []
        private var last: [Int32] = []

        init() {}

        /// Adds `position` to `key`'s group; a position repeated right after itself in a
        /// group is kept once (the lookups answer sets, and a section citing a document
        /// twice gave it twice).
        mutating func add(_ key: Key, _ position: Int) {
            let value = Int32(truncatingIfNeeded: position)
            let slot: Int32
            if let known = slots[key] {
                slot = known
                if last[Int(slot)] == value { return }
            } else {
                slot = Int32(truncatingIfNeeded: counts.count)
                slots[key] = slot
                counts.append(0)
                last.append(0)
            }
            counts[Int(slot)] += 1
            last[Int(slot)] = value
            slotOfPair.append(slot)
            positionOfPair.append(value)
        }

        func finish() -> GroupedIndices {
            var grouped = GroupedIndices()
            var starts = [Int32](repeating: 0, count: counts.count + 1)
            for (slot, count) in counts.enumerated() { starts[slot + 1] = starts[slot] + count }
            // Each group's next free place, then the positions written there, in one array
            // of exactly their count.
            var next = Array(starts.dropLast())
            // None: the empty array as it is. Made with no room, the array writes its count
            // into the storage every empty array shares, which races with a reader of another
            // empty array on another thread (ThreadSanitizer reports it).
            guard !slotOfPair.isEmpty else {
                grouped.starts = starts
                grouped.slots = slots
                return grouped
            }
            grouped.positions = [Int32](unsafeUninitializedCapacity: slotOfPair.count) { buffer, initialized in
                for (pair, slot) in slotOfPair.enumerated() {
                    buffer.initializeElement(at: Int(next[Int(slot)]), to: positionOfPair[pair])
                    next[Int(slot)] += 1
                }
                initialized = slotOfPair.count
            }
            grouped.starts = starts
            grouped.slots = slots
            return grouped
        }
    }

    /// The positions grouped under `key`, nil when there are none.
    public subscript(key: Key) -> Positions? {
        guard let slot = slots[key] else { return nil }
        return Positions(positions[Int(starts[Int(slot)])..<Int(starts[Int(slot) + 1])])
    }

    /// The positions of one group, read as `Int`s.
    public struct Positions: RandomAccessCollection, Sendable {
        let stored: ArraySlice<Int32>

        init(_ stored: ArraySlice<Int32>) { self.stored = stored }

        public var startIndex: Int { stored.startIndex }
        public var endIndex: Int { stored.endIndex }
        public subscript(position: Int) -> Int { Int(stored[position]) }
    }
}
