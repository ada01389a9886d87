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

    /// Appends a list of later records: only its first number changes (it was the distance
    /// from -1); the rest is copied as it is.
    mutating func append(contentsOf other: PostingList) {
        guard other.count > 0 else { return }
        var end = 0
        while end < other.bytes.count, Self.value(of: other.bytes[end]) >= 32 { end += 1 }
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
        var id = -1
        var value = 0
        for byte in bytes {
            let digit = Self.value(of: byte)
            value = value * 32 + (digit & 31)
            if digit < 32 {
                id += value + 1
                out.append(id)
                value = 0
            }
        }
        return out
    }

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
        guard count > 8 else { return bytes }
        let first = Int(first)
        var head: [UInt8] = [Self.bitmapMark]
        Self.appendNumber(UInt32(first), to: &head)
        let span = Int(last) - first + 1
        guard head.count + (span + 5) / 6 < bytes.count else { return bytes }
        var sextets = Array(repeating: 0, count: (span + 5) / 6)
        for id in ids() { sextets[(id - first) / 6] |= 1 << ((id - first) % 6) }
        return head + sextets.map { Self.digit(UInt32($0)) }
    }
}
