/// The records holding a key, in increasing order, kept as the characters `search.js` reads:
/// each record number as its distance from the previous one less one, in base 32, most
/// significant digit first, digits `A`–`f` ending a number and `g`–`_` continuing it.
/// Records arrive in order, so the list is built by appending and never sorted; a common
/// word's list is mostly one character per record.
struct PostingList: Sendable, Hashable {
    /// Starts a list written as a bitmap (see `bitmap`).
    static let bitmapMark: UInt8 = 0x7E

    private(set) var bytes: [UInt8] = []
    private(set) var first: Int32 = -1
    private(set) var last: Int32 = -1
    private(set) var count: Int32 = 0

    @inline(__always)
    mutating func append(_ id: Int32) {
        Self.appendNumber(UInt32(id - last - 1), to: &bytes)
        if count == 0 { first = id }
        last = id
        count += 1
    }

    /// Appends later records, in increasing order, coding them in `scratch` first so that
    /// `bytes` grows once per batch instead of once per record.
    mutating func append(_ ids: UnsafeBufferPointer<Int32>, scratch: inout [UInt8]) {
        guard let firstID = ids.first else { return }
        // Most lists a batch touches get one record (the site's rarer keys): appended in
        // place, without the scratch buffer's sizing and the bulk append's call.
        if ids.count == 1 { return append(firstID) }
        // A number is at most 7 digits (32 bits, 5 per digit).
        let needed = ids.count * 7
        if scratch.count < needed { scratch = Array(repeating: 0, count: max(needed, scratch.count * 2)) }
        var previous = last
        let length = scratch.withUnsafeMutableBufferPointer { out -> Int in
            var at = 0
            for id in ids {
                at = Self.write(UInt32(bitPattern: id &- previous &- 1), into: out, at: at)
                previous = id
            }
            return at
        }
        // A long list grows by a quarter, not by doubling: both runs hold their lists, a
        // quarter empty on average when doubled, at the build's peak (the end of
        // collecting). The extra copies cost less than `trim` then had to copy.
        let total = bytes.count + length
        if total > bytes.capacity, bytes.count >= Self.doublingLimit {
            bytes.reserveCapacity(max(total, bytes.count + bytes.count / 4))
        }
        scratch.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<length])) }
        if count == 0 { first = firstID }
        last = previous
        count += Int32(ids.count)
    }

    /// Below this many bytes a list doubles as it grows (the allocator's size classes are
    /// close together there anyway).
    static let doublingLimit = 256

    /// Lets go of the room grown past the bytes when it is more than a quarter of them: lists
    /// grow by doubling as batches come, and a run's lists are then held, unchanged, until
    /// they are joined and written (at 10,000 documents 89 MB for 63 MB of postings).
    mutating func trim() {
        let count = bytes.count
        guard bytes.capacity - count > count / 4 + 16 else { return }
        bytes = bytes.withUnsafeBufferPointer { old in
            [UInt8](unsafeUninitializedCapacity: count) { new, initialized in
                if let source = old.baseAddress, let target = new.baseAddress { target.initialize(from: source, count: count) }
                initialized = count
            }
        }
    }

    /// `appendNumber` into a buffer with room for 7 digits at `at`; the end.
    @inline(__always)
    static func write(_ value: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        if value < 32 {
            out[start] = digit(value)
            return start + 1
        }
        var at = start
        var shift: UInt32 = 5
        while shift < 30, value >> shift >= 32 { shift += 5 }
        while shift > 0 {
            out[at] = digit(32 + ((value >> shift) & 31))
            at += 1
            shift -= 5
        }
        out[at] = digit(value & 31)
        return at + 1
    }

    /// Appends a list of later records: only its first number changes (it was the distance
    /// from -1); the rest is copied as it is.
    mutating func append(contentsOf other: PostingList) {
        guard other.count > 0 else { return }
        var end = 0
        while end < other.bytes.count, Self.value(of: other.bytes[end]) >= 32 { end += 1 }
        // Joined once per run: room for exactly the joined list, not twice as much.
        bytes.reserveCapacity(bytes.count + 7 + other.bytes.count - end - 1)
        Self.appendNumber(UInt32(other.first - last - 1), to: &bytes)
        bytes.append(contentsOf: other.bytes[(end + 1)...])
        if count == 0 { first = other.first }
        last = other.last
        count += other.count
    }

    static func appendNumber(_ value: UInt32, to out: inout [UInt8]) {
        if value < 32 {
            out.append(digit(value))
            return
        }
        var shift: UInt32 = 5
        while shift < 30, value >> shift >= 32 { shift += 5 }
        while shift > 0 {
            out.append(digit(32 + ((value >> shift) & 31)))
            shift -= 5
        }
        out.append(digit(value & 31))
    }

    /// The digit of a value 0–63: `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_` (computed: reading a
    /// global table costs a lazy-initialization check on every call).
    @inline(__always)
    static func digit(_ value: UInt32) -> UInt8 {
        switch value {
        case 0..<26: UInt8(0x41 + value)
        case 26..<52: UInt8(0x61 + value - 26)
        case 52..<62: UInt8(0x30 + value - 52)
        case 62: 0x2D
        default: 0x5F
        }
    }

    func ids() -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(Int(count))
        forEachID { out.append($0) }
        return out
    }

    /// Decodes the appended gaps: each id in order.
    @inline(__always)
    private func forEachID(_ body: (Int) -> Void) {
        Self.values.withUnsafeBufferPointer { values in
            bytes.withUnsafeBufferPointer { bytes in
                var id = -1
                var value = 0
                for byte in bytes {
                    let digit = Int(values[Int(byte)])
                    value = value &* 32 &+ (digit & 31)
                    if digit < 32 {
                        id &+= value &+ 1
                        value = 0
                        body(id)
                    }
                }
            }
        }
    }

    /// `value(of:)` of every byte, read from a table: the bitmaps of the commonest keys
    /// decode every record of their lists, and the comparisons were most of it.
    private static let values: [UInt8] = (0..<256).map { UInt8(value(of: UInt8($0))) }

    /// The inverse of `digit`.
    @inline(__always)
    static func value(of digit: UInt8) -> Int {
        switch digit {
        case 0x41...0x5A: Int(digit) - 0x41
        case 0x61...0x7A: Int(digit) - 0x61 + 26
        case 0x30...0x39: Int(digit) - 0x30 + 52
        case 0x2D: 62
        default: 63
        }
    }

    /// The list as written: the appended characters, or, when shorter, `~`, the first record
    /// as one number, then one character per six records from it, bit k of character j
    /// standing for record first + 6j + k. Lists of the commonest words are a few times shorter.
    func written() -> [UInt8] {
        var out: [UInt8] = []
        appendWritten(to: &out)
        return out
    }

    /// The length of `written()`, without writing it.
    var writtenCount: Int { bitmapCount ?? bytes.count }

    /// How long the list is as a bitmap, when that is how it is written.
    private var bitmapCount: Int? {
        guard count > 8 else { return nil }
        let length = 1 + Self.numberLength(UInt32(first)) + (Int(last) - Int(first) + 1 + 5) / 6
        return length < bytes.count ? length : nil
    }

    /// Appends `written()` to `out`.
    func appendWritten(to out: inout [UInt8]) {
        guard bitmapCount != nil else {
            out.append(contentsOf: bytes)
            return
        }
        let first = Int(first)
        out.append(Self.bitmapMark)
        Self.appendNumber(UInt32(first), to: &out)
        // Made aside and appended once: appending the zeros as a `repeatElement` went
        // element by element, and so did `digit` for each character.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: (Int(last) - first + 1 + 5) / 6) { map in
            map.initialize(repeating: 0)
            forEachID { id in
                let bit = id - first
                // Decoded ids lie within first...last, so `bit / 6` is in the map.
                map[bit / 6] |= UInt8(1 << (bit % 6))
            }
            Self.digits.withUnsafeBufferPointer { digits in
                for index in map.indices { map[index] = digits[Int(map[index])] }
            }
            out.append(contentsOf: UnsafeBufferPointer(map))
        }
    }

    /// `digit` of each value 0–63.
    private static let digits: [UInt8] = (0..<64).map { digit(UInt32($0)) }

    /// How many digits `appendNumber` writes for `value`.
    static func numberLength(_ value: UInt32) -> Int {
        var length = 1
        var rest = value >> 5
        while rest > 0 {
            length += 1
            rest >>= 5
        }
        return length
    }
}
