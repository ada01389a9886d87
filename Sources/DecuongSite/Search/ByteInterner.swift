/// Byte strings to dense ids in order of first appearance: a token is looked up by hashing
/// its bytes in the text, where a `String` key would have to be built, normalized and hashed.
struct ByteInterner: Sendable {
    /// The bytes of every entry, one after the other; entry `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int32] = [0]
    private var hashes: [UInt32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 512) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { starts.count - 1 }

    func range(of id: Int32) -> Range<Int> { Int(starts[Int(id)])..<Int(starts[Int(id) + 1]) }

    func string(_ id: Int32) -> String { String(decoding: bytes[range(of: id)], as: UTF8.self) }

    /// A multiply-mix of the bytes read 8 at a time (the last word, or for short entries two
    /// overlapping halves or three bytes, read in place): most tokens are a syllable of 2 to 7
    /// bytes, which byte-at-a-time FNV took a multiply per byte to hash. The length goes in
    /// first, so overlapping reads cannot make two entries of different lengths alike.
    @inline(__always)
    static func hash(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt32 {
        let length = end - start
        guard length > 0, let base = text.baseAddress else { return 0 }
        let bytes = UnsafeRawPointer(base + start)
        var hash = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while length - offset > 8 {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        hash = (hash ^ tail(bytes, length)) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 32
        return UInt32(truncatingIfNeeded: hash)
    }

    /// The last (up to) 8 bytes of `bytes[0..<length]`, as one number; `length` > 0.
    @inline(__always)
    private static func tail(_ bytes: UnsafeRawPointer, _ length: Int) -> UInt64 {
        if length >= 8 { return bytes.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) }
        if length >= 4 {
            return UInt64(bytes.loadUnaligned(as: UInt32.self))
                | UInt64(bytes.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)) << 32
        }
        let first = UInt64(bytes.load(fromByteOffset: 0, as: UInt8.self))
        let middle = UInt64(bytes.load(fromByteOffset: length / 2, as: UInt8.self))
        let last = UInt64(bytes.load(fromByteOffset: length - 1, as: UInt8.self))
        return first | middle << 8 | last << 16
    }

    /// Whether `length` bytes at `a` and `b` are the same, compared 8 at a time.
    @inline(__always)
    private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ length: Int) -> Bool {
        if length >= 8 {
            var offset = 0
            while length - offset > 8 {
                if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset += 8
            }
            return a.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        }
        return length == 0 || tail(a, length) == tail(b, length)
    }

    /// The id of `text[start..<end]`, added if new.
    @inline(__always)
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(text, start, end)
        if let id = lookup(text, start, end, hash: hash) { return (id, false) }
        let id = Int32(count)
        hashes.append(hash)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
        starts.append(Int32(bytes.count))
        if count * 2 > slots.count { grow() } else { place(id) }
        return (id, true)
    }

    @inline(__always)
    func lookup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
        lookup(text, start, end, hash: Self.hash(text, start, end))
    }

    @inline(__always)
    private func lookup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hash: UInt32) -> Int32? {
        let length = end - start
        let key = text.baseAddress.map { UnsafeRawPointer($0 + start) }
        let mask = mask
        return slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                starts.withUnsafeBufferPointer { starts in
                    bytes.withUnsafeBufferPointer { stored -> Int32? in
                        var slot = Int(hash) & mask
                        while true {
                            let id = Int(slots[slot])
                            if id < 0 { return nil }
                            if hashes[id] == hash {
                                let from = Int(starts[id])
                                if Int(starts[id + 1]) - from == length {
                                    if length == 0 { return Int32(id) }
                                    if let key, let base = stored.baseAddress, Self.same(UnsafeRawPointer(base + from), key, length) {
                                        return Int32(id)
                                    }
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    private mutating func place(_ id: Int32) {
        var slot = Int(hashes[Int(id)]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count { place(Int32(id)) }
    }
}
