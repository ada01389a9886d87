import DecuongCore
import Foundation

/// `StructuredDocument.sectionIndex` in compact form: for each anchor (the first section
/// with it, depth first) the packed path to its section, in one array of that size, found
/// through an open-addressing table of 32-bit slots keyed by the anchor's hash. The
/// anchor and the display number are read from the section itself, at the end of the path:
/// a `[String: SectionIndexEntry]` per loaded document held some 85 bytes an entry (buckets
/// of 48 bytes, up to three an entry); this holds 8 bytes an entry and 4 a slot (a position
/// and a byte of the hash), at two slots an entry or less.
///
/// A table set from a dictionary (`sectionIndex`'s setter) keeps that dictionary and
/// answers from it, as the dictionary did: it may name paths the sections do not have.
struct SectionAnchorTable: Sendable, Hashable {
    /// `SectionIndexEntry`'s packed paths, in depth-first order; for a path too deep or too
    /// wide for the word, `overflowTag` in the low four bits and the index in
    /// `overflowPaths` above them.
    private var records: [UInt64]
    /// Per slot, a position in `records` in the low 24 bits and the top byte of the hash of
    /// its anchor above them; `emptySlot` for none. A power of two long (or empty). A record
    /// whose byte differs is not the anchor's, and is passed without going down to its
    /// section (about one lookup in two went down to a section of another anchor first).
    /// Position and byte share a word: in two arrays they were two cache misses a lookup,
    /// and index pages look up a section for every place they list, each in another document.
    private var slots: [UInt32]
    private var overflowPaths: [[Int]]
    private var given: [String: SectionIndexEntry]?

    /// A packed path's count is at most `SectionIndexEntry.maxPackedDepth` (6), so its low
    /// four bits never hold 15.
    static let overflowTag: UInt64 = 0xF

    static let emptySlot = UInt32.max
    /// Records a table can hold: positions take 24 bits, and all ones is `emptySlot`'s.
    static let maxRecords = (1 << 24) - 1

    init() {
        records = []
        slots = []
        overflowPaths = []
        given = nil
    }

    /// The first section with each anchor, depth first, as `StructuredDocument.sectionIndex(of:)`.
    init(_ sections: [Section]) {
        let count = Self.sectionCount(sections)
        records = []
        slots = []
        overflowPaths = []
        given = nil
        guard count < Self.maxRecords else {
            // Far past any document the model could hold: the dictionary answers instead.
            given = StructuredDocument.sectionIndex(of: sections)
            return
        }
        records.reserveCapacity(count)
        slots = Self.emptySlots(for: count)
        // The anchors of the records while the table is built, compared at each insert
        // without going down the tree again.
        var anchors: [String] = []
        anchors.reserveCapacity(count)
        // The path down to the sections being added, for the rare path that does not pack.
        var path: [Int] = []
        func add(_ sections: [Section], packed: UInt64?) {
            // By index: taking each section whole copied (and retained) all it holds.
            for position in sections.indices {
                path.append(position)
                let childPacked = packed.flatMap { SectionIndexEntry.appending(position, to: $0) }
                insert(anchor: sections[position].anchor, packed: childPacked, path: path, anchors: &anchors)
                add(sections[position].children, packed: childPacked)
                path.removeLast()
            }
        }
        add(sections, packed: 0)
        // Fewer records than sections when anchors repeat.
        records = ArrayFitting.fitted(records)
    }

    /// A table that answers as `index` does.
    init(_ index: [String: SectionIndexEntry]) {
        self.init()
        given = index
    }

    /// The section with this anchor.
    func section(anchor: String, in sections: [Section]) -> Section? {
        if let given {
            guard let entry = given[anchor], let (array, index) = Self.locate(sections, path: entry.path),
                  array[index].anchor == anchor else { return nil }
            return array[index]
        }
        return find(anchor, in: sections, Self.section) { array, index in array[index] }
    }

    /// The display number the table gives for the anchor: the section's, or for a table
    /// set from a dictionary the dictionary's.
    func displayNumber(anchor: String, in sections: [Section]) -> String? {
        if let given { return given[anchor]?.displayNumber }
        return find(anchor, in: sections, Self.displayNumber) { array, index in array[index].displayNumber }
    }

    /// What `read` reads of the section with this anchor: each record in the anchor's
    /// chain of slots is read until its section has the anchor.
    @inline(__always)
    private func find<T>(_ anchor: String, in sections: [Section], _ read: ([Section], UInt64, Int, Int, String) -> T?,
                         at readAt: ([Section], Int) -> T) -> T? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        let hash = Self.hash(anchor)
        let tag = Self.tag(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == Self.emptySlot { return nil }
            guard entry & 0xFF00_0000 == tag else {
                slot = (slot + 1) & mask
                continue
            }
            let position = Int(entry & 0x00FF_FFFF)
            let packed = records[position]
            if packed & 0xF == Self.overflowTag {
                // A path that does not pack (rare): found as an array, then read there.
                if let (array, index) = Self.locate(sections, path: overflowPaths[Int(truncatingIfNeeded: packed >> 4)]),
                   array[index].anchor == anchor {
                    return readAt(array, index)
                }
            } else if let found = read(sections, packed, 0, Int(truncatingIfNeeded: packed & 0xF), anchor) {
                return found
            }
            slot = (slot + 1) & mask
        }
    }

    /// The display number of the section at the packed path from `level` down, if its
    /// anchor is `anchor`. Goes down through each level's children in place (a copy of
    /// each section on the way retained all it holds), without closures or generics, as
    /// index pages ask once per place.
    private static func displayNumber(_ sections: [Section], packed: UInt64, level: Int, depth: Int, anchor: String) -> String? {
        guard level < depth else { return nil }
        let index = SectionIndexEntry.index(packed, at: level)
        guard sections.indices.contains(index) else { return nil }
        if level + 1 < depth {
            return displayNumber(sections[index].children, packed: packed, level: level + 1, depth: depth, anchor: anchor)
        }
        return sections[index].anchor == anchor ? sections[index].displayNumber : nil
    }

    /// `displayNumber(_:packed:level:depth:anchor:)` for the whole section.
    private static func section(_ sections: [Section], packed: UInt64, level: Int, depth: Int, anchor: String) -> Section? {
        guard level < depth else { return nil }
        let index = SectionIndexEntry.index(packed, at: level)
        guard sections.indices.contains(index) else { return nil }
        if level + 1 < depth {
            return section(sections[index].children, packed: packed, level: level + 1, depth: depth, anchor: anchor)
        }
        return sections[index].anchor == anchor ? sections[index] : nil
    }

    /// The dictionary this table stands for, read from the sections.
    func dictionary(_ sections: [Section]) -> [String: SectionIndexEntry] {
        if let given { return given }
        var index: [String: SectionIndexEntry] = [:]
        index.reserveCapacity(records.count)
        for position in records.indices {
            let path = path(of: position)
            if let (array, at) = Self.locate(sections, path: path) {
                index[array[at].anchor] = SectionIndexEntry(path: path, displayNumber: array[at].displayNumber)
            }
        }
        return index
    }

    var count: Int { given?.count ?? records.count }

    private static func locate(_ sections: [Section], path: [Int]) -> (array: [Section], index: Int)? {
        guard !path.isEmpty else { return nil }
        var array = sections
        for level in path.indices {
            let index = path[level]
            guard array.indices.contains(index) else { return nil }
            if level + 1 == path.count { return (array, index) }
            array = array[index].children
        }
        return nil
    }

    private func path(of position: Int) -> [Int] {
        let packed = records[position]
        if packed & 0xF == Self.overflowTag { return overflowPaths[Int(truncatingIfNeeded: packed >> 4)] }
        return (0..<Int(truncatingIfNeeded: packed & 0xF)).map { SectionIndexEntry.index(packed, at: $0) }
    }

    /// Adds the anchor's record unless the anchor is taken (the first section keeps it).
    private mutating func insert(anchor: String, packed: UInt64?, path: [Int], anchors: inout [String]) {
        let mask = slots.count - 1
        let hash = Self.hash(anchor)
        let tag = Self.tag(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != Self.emptySlot {
            if slots[slot] & 0xFF00_0000 == tag, anchors[Int(slots[slot] & 0x00FF_FFFF)] == anchor { return }
            slot = (slot + 1) & mask
        }
        if let packed {
            records.append(packed)
        } else {
            records.append((UInt64(overflowPaths.count) << 4) | Self.overflowTag)
            overflowPaths.append(path)
        }
        slots[slot] = tag | UInt32(truncatingIfNeeded: anchors.count)
        anchors.append(anchor)
    }

    /// The anchor's hash: FNV-1a over its UTF-8 in NFC, mixed by a multiply so that the low
    /// bits (the slot) and the top byte (the tag) both depend on every byte. Strings equal
    /// as Swift compares them have one NFC, so they hash alike; an ASCII anchor (every one
    /// the recognizer makes) is its own NFC and is hashed as it is. The standard library's
    /// seeded hash took as long as the rest of a lookup.
    static func hash(_ anchor: String) -> UInt64 {
        let (value, isASCII) = anchor.withUTF8Bytes(fnv1a)
        let folded = isASCII ? value : anchor.precomposedStringWithCanonicalMapping.withUTF8Bytes(fnv1a).value
        return (folded ^ (folded >> 29)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// FNV-1a of `bytes`, and whether they are all ASCII.
    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt64, isASCII: Bool) {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return (value, high < 0x80)
    }

    /// The hash's top byte, where a slot keeps it: the slot comes from the low bits.
    private static func tag(_ hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 56) << 24
    }

    /// Slots for `count` records, at most three quarters full: a power of two at least
    /// `count * 4 / 3` (none for none).
    private static func emptySlots(for count: Int) -> [UInt32] {
        guard count > 0 else { return [] }
        var size = 4
        while size * 3 < count * 4 { size *= 2 }
        return [UInt32](repeating: emptySlot, count: size)
    }

    private static func sectionCount(_ sections: [Section]) -> Int {
        var count = sections.count
        for index in sections.indices { count += sectionCount(sections[index].children) }
        return count
    }

    /// Tables made from the same sections hold the same records in the same slots (the
    /// slots follow from the records).
    static func == (lhs: SectionAnchorTable, rhs: SectionAnchorTable) -> Bool {
        lhs.records == rhs.records && lhs.overflowPaths == rhs.overflowPaths && lhs.given == rhs.given
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(records.count)
        hasher.combine(given?.count)
    }
}
