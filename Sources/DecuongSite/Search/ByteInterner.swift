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

    @inline(__always)
    static func hash(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for index in start..<end {
            hash = (hash ^ UInt32(text[index])) &* 0x0100_0193
        }
        return hash
    }

    /// The id of `text[start..<end]`, added if new.
    @inline(__always)
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (id: Int32, isNew: Bool) {
        if let id = lookup(text, start, end) { return (id, false) }
        let id = Int32(count)
        hashes.append(Self.hash(text, start, end))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
        starts.append(Int32(bytes.count))
        if count * 2 > slots.count { grow() } else { place(id) }
        return (id, true)
    }

    @inline(__always)
    func lookup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
        let hash = Self.hash(text, start, end)
        let length = end - start
        var slot = Int(hash) & mask
        return bytes.withUnsafeBufferPointer { stored -> Int32? in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if hashes[Int(id)] == hash {
                    let from = Int(starts[Int(id)])
                    if Int(starts[Int(id) + 1]) - from == length {
                        var same = true
                        for offset in 0..<length where stored[from + offset] != text[start + offset] {
                            same = false
                            break
                        }
                        if same { return id }
                    }
                }
                slot = (slot + 1) & mask
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
