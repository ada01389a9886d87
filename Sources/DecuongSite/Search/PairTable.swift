import CPrefetch

/// Syllable pairs (two folded key ids in one `UInt64`) to pair key ids: a site has about as
/// many pair occurrences as syllables, and `Dictionary`'s seeded hashing of each was slow.
/// A slot holds its key and value side by side, so a lookup touches one cache line.
struct PairTable: Sendable {
    private struct Slot {
        var key: UInt64
        var value: Int32
        /// The last record listed under the pair (see `list`): it shares the slot's cache line.
        var last: Int32 = -1
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init() {
        slots = Array(repeating: Slot(key: 0, value: -1, last: -1), count: 1024)
        mask = 1023
    }

    static func key(_ first: Int32, _ second: Int32) -> UInt64 { UInt64(UInt32(first)) << 32 | UInt64(UInt32(second)) }

    /// Both halves mixed into the low bits: the product's bits 20 and up (the slot before)
    /// saw only the first syllable's low bits, so pairs of frequent first syllables piled up
    /// in long probe runs, each probe a cache miss.
    @inline(__always)
    private func slot(of key: UInt64) -> Int { Self.slot(of: key, mask: mask) }

    @inline(__always)
    private static func slot(of key: UInt64, mask: Int) -> Int {
        var hash = key &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash) & mask
    }

    func value(for key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            var slot = slot(of: key)
            while slots[slot].value >= 0 {
                if slots[slot].key == key { return slots[slot].value }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// For a pair met in `record`: its value, and whether the record is new to it (records
    /// come in increasing order); nil for a pair not in the table (`insert` it with `last`).
    @inline(__always)
    mutating func list(_ key: UInt64, in record: Int32) -> (value: Int32, isNew: Bool)? {
        var slot = slot(of: key)
        let mask = mask
        return slots.withUnsafeMutableBufferPointer { slots in
            while slots[slot].value >= 0 {
                if slots[slot].key == key {
                    let isNew = slots[slot].last != record
                    slots[slot].last = record
                    return (slots[slot].value, isNew)
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// `list` for `keys[start...]` in order, handing `found` the value of each pair new to
    /// `record`, up to the first pair not in the table: its index (`keys.count` when none).
    /// The slots are borrowed once for a record's pairs: once per pair, checking that they
    /// were not shared was a good part of the lookup.
    @inline(__always)
    mutating func list(_ keys: UnsafeBufferPointer<UInt64>, from start: Int, in record: Int32, _ found: (Int32) -> Void) -> Int {
        let mask = mask
        return slots.withUnsafeMutableBufferPointer { slots in
            var index = start
            next: while index < keys.count {
                let key = keys[index]
                var slot = Self.slot(of: key, mask: mask)
                while slots[slot].value >= 0 {
                    if slots[slot].key == key {
                        if slots[slot].last != record {
                            slots[slot].last = record
                            found(slots[slot].value)
                        }
                        index += 1
                        continue next
                    }
                    slot = (slot + 1) & mask
                }
                return index
            }
            return index
        }
    }

    /// Asks the processor for the first slot of each of `keys` ahead of `list`: a record's
    /// pairs are spread over a table far larger than the caches, and one at a time each
    /// lookup waited for its own miss.
    func prefetch(_ keys: UnsafeBufferPointer<UInt64>) {
        let mask = mask
        slots.withUnsafeBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            for key in keys { decuong_prefetch(base + Self.slot(of: key, mask: mask)) }
        }
    }

    /// Stores `value` under `key`, which is not in the table yet.
    mutating func insert(_ key: UInt64, _ value: Int32, last: Int32 = -1) {
        var slot = slot(of: key)
        while slots[slot].value >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(key: key, value: value, last: last)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: -1, last: -1), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.value >= 0 {
            var slot = slot(of: entry.key)
            while slots[slot].value >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
