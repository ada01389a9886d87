/// Words of up to 8 bytes to a number, each kept in its slot as one zero-padded `UInt64`:
/// a lookup is a multiply and, mostly, one slot, where `ByteInterner` reads the slot, the
/// entry's hash, its bounds and its bytes from four arrays. Vietnamese syllables are 1 to 8
/// bytes in UTF-8, so nearly every word of a text is looked up here.
struct ShortWordTable: Sendable {
    static let maxLength = 8

    private struct Slot {
        var key: UInt64 = 0
        var value: Int32 = 0
        /// 0: an empty slot.
        var length: Int32 = 0
    }

    private var slots: [Slot]
    /// `slots.count - 1`, kept: reading the array's count was a call per lookup.
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 512) {
        var bits: UInt64 = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = Array(repeating: Slot(), count: 1 << bits)
        mask = (1 << bits) - 1
        shift = 64 - bits
    }

    /// The bytes `text[start..<end]` (1 to 8 of them) as a little-endian number, zero-padded.
    @inline(__always)
    static func key(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        let length = end &- start
        guard let base = text.baseAddress else { return 0 }
        if start &+ 8 <= text.count {
            let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
            // Masking shifts: below 8 bytes the count is under 64, and `<<` checked it anyway.
            return length >= 8 ? word : word & ((1 &<< UInt64(truncatingIfNeeded: length &* 8)) &- 1)
        }
        // Near the end of the text: a whole word would read past it.
        var key: UInt64 = 0
        var index = end
        while index > start {
            index -= 1
            key = key << 8 | UInt64(base[index])
        }
        return key
    }

    /// The words kept here hold no zero byte (letters, digits, marks, document numbers), so
    /// the zero-padded key alone tells two words apart, their lengths included: neither the
    /// hash nor the comparison reads the length (a slot's length only marks it taken).
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        // `shift` is 64 minus the table's bits (4 or more), so a masking shift is the same.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// The value of the word `key` of `length` bytes (none of them zero), or nil.
    @inline(__always)
    func value(_ key: UInt64, length: Int) -> Int32? {
        let mask = mask
        return slots.withUnsafeBufferPointer { slots in
            var slot = slot(of: key)
            while true {
                let entry = slots[slot]
                if entry.length == 0 { return nil }
                if entry.key == key { return entry.value }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// `value` comparing lengths too: the reference for words that may hold zero bytes
    /// (`ShortWordTableTests` checks the two agree on words without them).
    func referenceValue(_ key: UInt64, length: Int) -> Int32? {
        var slot = slot(of: key)
        while true {
            let entry = slots[slot]
            if entry.length == 0 { return nil }
            if entry.key == key && Int(entry.length) == length { return entry.value }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for a word (of no zero byte) not in the table yet.
    mutating func insert(_ key: UInt64, length: Int, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        place(Slot(key: key, value: value, length: Int32(length)))
        count += 1
    }

    private mutating func place(_ entry: Slot) {
        var slot = slot(of: entry.key)
        while slots[slot].length != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        shift -= 1
        for entry in old where entry.length != 0 { place(entry) }
    }
}
