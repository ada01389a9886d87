/// The records holding a key, in increasing order, kept as the characters `search.js` reads:
/// each record number as its distance from the previous one less one, in base 32, most
/// significant digit first, digits `A`–`f` ending a number and `g`–`_` continuing it.
/// Records arrive in order, so the list is built by appending and never sorted; a common
/// word's list is mostly one character per record.
struct PostingList: Sendable, Hashable {
    static let digits: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// Starts a list written as a bitmap (see `bitmap`).
    static let bitmapMark: UInt8 = 0x7E

    private(set) var bytes: [UInt8] = []
    private(set) var last: Int32 = -1
    private(set) var count: Int32 = 0

    @inline(__always)
    mutating func append(_ id: Int32) {
        Self.appendNumber(UInt32(id - last - 1), to: &bytes)
        last = id
        count += 1
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

    /// `digits[value]` by arithmetic: reading a global table costs a lazy-initialization check.
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

    private static let values: [Int] = {
        var table = Array(repeating: 0, count: 128)
        for (value, digit) in digits.enumerated() { table[Int(digit)] = value }
        return table
    }()

    @inline(__always)
    static func value(of digit: UInt8) -> Int { values[Int(digit & 0x7F)] }

    /// The list as written: the appended characters, or, when shorter, `~`, the first record
    /// as one number, then one character per six records from it, bit k of character j
    /// standing for record first + 6j + k. Lists of the commonest words are a few times shorter.
    func written() -> [UInt8] {
        guard count > 8, last >= 0 else { return bytes }
        let all = ids()
        let first = all[0]
        var head: [UInt8] = [Self.bitmapMark]
        Self.appendNumber(UInt32(first), to: &head)
        let span = Int(last) - first + 1
        guard head.count + (span + 5) / 6 < bytes.count else { return bytes }
        var sextets = Array(repeating: 0, count: (span + 5) / 6)
        for id in all { sextets[(id - first) / 6] |= 1 << ((id - first) % 6) }
        return head + sextets.map { Self.digit(UInt32($0)) }
    }
}
