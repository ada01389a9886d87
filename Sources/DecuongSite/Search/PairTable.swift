/// Syllable pairs (two folded key ids in one `UInt64`) to pair key ids: a site has about as
/// many pair occurrences as syllables, and `Dictionary`'s seeded hashing of each was slow.
struct PairTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 1024)
        values = Array(repeating: -1, count: 1024)
        mask = 1023
    }

    static func key(_ first: Int32, _ second: Int32) -> UInt64 { UInt64(UInt32(first)) << 32 | UInt64(UInt32(second)) }

    @inline(__always)
    private func slot(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    func value(for key: UInt64) -> Int32? {
        var slot = slot(of: key)
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` under `key`, which is not in the table yet.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        var slot = slot(of: key)
        while values[slot] >= 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > values.count { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 {
            var slot = slot(of: key)
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
