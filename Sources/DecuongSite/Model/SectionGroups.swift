/// Positions in one of a `Site`'s arrays grouped by section (document slug, section anchor):
/// each document's anchors sorted in one array, found by binary search, and every group's
/// positions in one array of `Int32`. Keyed by (slug, anchor) in one dictionary, a section
/// cost a 32-byte key and its slot in a table kept at most three quarters full, and a large
/// site has hundreds of thousands of sections that cite or name something.
public struct SectionGroups: Sendable, Hashable {
    /// Document slug → its anchors' range in `anchors`.
    private var documents: [String: Range<Int32>] = [:]
    /// Each document's anchors, sorted (String `<`), one after another.
    private var anchors: [String] = []
    /// The positions of `anchors[a]` are `positions[starts[a]..<starts[a + 1]]`.
    private var starts: [Int32] = [0]
    private var positions: [Int32] = []

    public init() {}

    /// The positions grouped under the section, each once and in increasing order; nil
    /// when there are none.
    public subscript(document: String, anchor: String) -> GroupedIndices<String>.Positions? {
        guard let range = documents[document] else { return nil }
        var low = Int(range.lowerBound)
        var high = Int(range.upperBound)
        while low < high {
            let middle = (low + high) / 2
            if anchors[middle] < anchor { low = middle + 1 } else { high = middle }
        }
        guard low < Int(range.upperBound), anchors[low] == anchor else { return nil }
        return GroupedIndices<String>.Positions(positions[Int(starts[low])..<Int(starts[low + 1])])
    }

    /// Collects (document, anchor, position) triples; `finish` sorts and groups them.
    struct Builder {
        private struct Pair {
            var document: Int32
            var position: Int32
            var anchor: String
        }

        private var slugs: [String] = []
        private var slotOfSlug: [String: Int32] = [:]
        private var pairs: [Pair] = []
        /// The last pair's document, to skip the lookup while a run of pairs stays in one.
        private var lastSlug: String?
        private var lastSlot: Int32 = 0

        init() {}

        mutating func add(document: String, anchor: String, position: Int) {
            let slot: Int32
            if document == lastSlug {
                slot = lastSlot
            } else if let known = slotOfSlug[document] {
                slot = known
            } else {
                slot = Int32(truncatingIfNeeded: slugs.count)
                slotOfSlug[document] = slot
                slugs.append(document)
            }
            (lastSlug, lastSlot) = (document, slot)
            pairs.append(Pair(document: slot, position: Int32(truncatingIfNeeded: position), anchor: anchor))
        }

        func finish() -> SectionGroups {
            // The pairs in order of document (a counting sort), then each document's pairs
            // sorted by anchor and position, repeats dropped.
            var firstOfDocument = [Int](repeating: 0, count: slugs.count + 1)
            for pair in pairs { firstOfDocument[Int(pair.document) + 1] += 1 }
            for slot in slugs.indices { firstOfDocument[slot + 1] += firstOfDocument[slot] }
            var next = firstOfDocument
            var order = [Int32](repeating: 0, count: pairs.count)
            for (index, pair) in pairs.enumerated() {
                order[next[Int(pair.document)]] = Int32(truncatingIfNeeded: index)
                next[Int(pair.document)] += 1
            }
            var grouped = SectionGroups()
            grouped.documents.reserveCapacity(slugs.count)
            var anchors: [String] = []
            var starts: [Int32] = [0]
            var positions: [Int32] = []
            positions.reserveCapacity(pairs.count)
            for slot in slugs.indices {
                var members = order[firstOfDocument[slot]..<firstOfDocument[slot + 1]].map { pairs[Int($0)] }
                members.sort { ($0.anchor, $0.position) < ($1.anchor, $1.position) }
                let first = Int32(truncatingIfNeeded: anchors.count)
                for (index, member) in members.enumerated() {
                    if index > 0, members[index - 1].anchor == member.anchor {
                        if members[index - 1].position == member.position { continue }
                    } else {
                        if index > 0 { starts.append(Int32(truncatingIfNeeded: positions.count)) }
                        anchors.append(member.anchor)
                    }
                    positions.append(member.position)
                }
                if !members.isEmpty { starts.append(Int32(truncatingIfNeeded: positions.count)) }
                grouped.documents[slugs[slot]] = first..<Int32(truncatingIfNeeded: anchors.count)
            }
            // Kept to the end of the build: copied into arrays of exactly their count.
            grouped.anchors = anchors.withUnsafeBufferPointer { Array($0) }
            grouped.starts = starts.withUnsafeBufferPointer { Array($0) }
            grouped.positions = positions.withUnsafeBufferPointer { Array($0) }
            return grouped
        }
    }
}
