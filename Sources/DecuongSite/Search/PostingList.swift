#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The records holding a key, in increasing order, kept as the characters `search.js` reads:
/// each record number as its distance from the previous one less one, in base 32, most
/// significant digit first, digits `A`–`f` ending a number and `g`–`_` continuing it.
/// Records arrive in order, so the list is built by appending and never sorted; a common
/// word's list is mostly one character per record.
///
/// The characters are kept in slices of a `PostingStore`, which every operation is given:
/// the first slice `head`, the last `tail` (`sliceBytes(level)` bytes, `used` of them data).
/// A slice's last 4 bytes link to the next slice (its address less this one's), so a list
/// grows without moving, and the lists of a run joined to the index's (`link`) are not
/// copied. A slice's data ends at its first zero byte (a digit is never zero).
struct PostingList: Sendable {
    /// Starts a list written as a bitmap (see `appendWritten`).
    static let bitmapMark: UInt8 = 0x7E
    /// Ends a part of a joined list (see `link`): the part's last record follows, coded as
    /// a number, and the next part's numbers count from -1 again, in a slice of its own.
    static let partMark: UInt8 = 0x21

    private(set) var head: UInt32 = 0
    private(set) var tail: UInt32 = 0
    private(set) var used: UInt16 = 0
    private(set) var level: UInt8 = 0
    private(set) var last: Int32 = -1
    private(set) var count: Int32 = 0
    /// The length of the list's numbers as written, parts joined (no marks, each part's
    /// first number counted from the previous part's last record).
    private(set) var byteCount: Int32 = 0

    /// Slices double from 16 bytes to 1 KiB: the list of a rare key (most keys) takes 16
    /// bytes, and a long one loses at most a slice's room and 4 bytes a KiB.
    static let maxLevel: UInt8 = 6

    @inline(__always)
    static func sliceBytes(_ level: UInt8) -> Int { 16 << Int(level) }

    @inline(__always)
    mutating func append(_ id: Int32, in store: PostingStore) {
        var digits: (UInt64, UInt8) = (0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            let length = Self.write(UInt32(bitPattern: id &- last &- 1), into: out, at: 0)
            appendBytes(UnsafeBufferPointer(rebasing: out[..<length]), in: store)
        }
        last = id
        count += 1
    }

    /// Appends later records, in increasing order, coding them in `scratch` first so that
    /// they are copied into the slices in one go.
    mutating func append(_ ids: UnsafeBufferPointer<Int32>, scratch: inout [UInt8], in store: PostingStore) {
        guard let firstID = ids.first else { return }
        // Most lists a batch touches get one record (the site's rarer keys).
        if ids.count == 1 { return append(firstID, in: store) }
        // A number is at most 7 digits (32 bits, 5 per digit).
        let needed = ids.count * 7
        if scratch.count < needed { scratch = Array(repeating: 0, count: max(needed, scratch.count * 2)) }
        var previous = last
        scratch.withUnsafeMutableBufferPointer { out in
            var at = 0
            for id in ids {
                at = Self.write(UInt32(bitPattern: id &- previous &- 1), into: out, at: at)
                previous = id
            }
            appendBytes(UnsafeBufferPointer(rebasing: out[..<at]), in: store)
        }
        last = previous
        count += Int32(ids.count)
    }

    /// Where the next byte appended goes, in the last slice (nil for a list not yet begun);
    /// a full slice's end is its link, which an append rewrites too.
    @inline(__always)
    func end(in store: PostingStore) -> UnsafeMutablePointer<UInt8>? {
        byteCount == 0 && count == 0 ? nil : store.pointer(tail) + Int(used)
    }

    /// Copies `bytes` to the end of the list, into new slices as the last one fills.
    @inline(__always)
    private mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>, in store: PostingStore) {
        guard var source = bytes.baseAddress, !bytes.isEmpty else { return }
        if byteCount == 0 && count == 0 {
            head = store.slice(bytes: Self.sliceBytes(0))
            tail = head
        }
        byteCount += Int32(bytes.count)
        var remaining = bytes.count
        while remaining > 0 {
            var room = Self.sliceBytes(level) - 4 - Int(used)
            if room == 0 {
                grow(to: min(level + 1, Self.maxLevel), in: store)
                room = Self.sliceBytes(level) - 4
            }
            let length = min(room, remaining)
            (store.pointer(tail) + Int(used)).update(from: source, count: length)
            used += UInt16(truncatingIfNeeded: length)
            source += length
            remaining -= length
        }
    }

    /// Links the last slice to a new one of `level`.
    private mutating func grow(to level: UInt8, in store: PostingStore) {
        let next = store.slice(bytes: Self.sliceBytes(level))
        setLink(to: next, in: store)
        tail = next
        used = 0
        self.level = level
    }

    private func setLink(to next: UInt32, in store: PostingStore) {
        let distance = Int32(truncatingIfNeeded: Int64(next) - Int64(tail))
        UnsafeMutableRawPointer(store.pointer(tail) + Self.sliceBytes(level) - 4).storeBytes(of: distance, as: Int32.self)
    }

    /// The same list with its slices' addresses grown by `shift` (its store adopted by
    /// another: `PostingStore.adopt`).
    func shifted(by shift: UInt32) -> PostingList {
        var out = self
        guard byteCount > 0 || count > 0 else { return out }
        out.head &+= shift
        out.tail &+= shift
        return out
    }

    /// Appends a list of later records, in the same store, without copying its bytes: a
    /// part mark and this list's last record close this part (in a slice holding both, so
    /// that a reader knows the next slice is a part's first), and this part's last slice
    /// links to `other`'s first.
    mutating func link(_ other: PostingList, in store: PostingStore) {
        guard other.count > 0 else { return }
        guard count > 0 else { return self = other }
        let first = other.first(in: store)
        var mark: [UInt8] = [Self.partMark]
        Self.appendNumber(UInt32(bitPattern: last), to: &mark)
        if Int(used) + mark.count > Self.sliceBytes(level) - 4 { grow(to: min(level + 1, Self.maxLevel), in: store) }
        let kept = byteCount
        mark.withUnsafeBufferPointer { appendBytes($0, in: store) }
        setLink(to: other.head, in: store)
        byteCount = kept + other.byteCount - Int32(Self.numberLength(UInt32(first)))
            + Int32(Self.numberLength(UInt32(first - last - 1)))
        (tail, used, level) = (other.tail, other.used, other.level)
        last = other.last
        count += other.count
    }

    /// The first record.
    func first(in store: PostingStore) -> Int32 {
        guard count > 0 else { return -1 }
        var value: UInt32 = 0
        let bytes = store.pointer(head)
        var at = 0
        while true {
            let digit = Self.value(of: bytes[at])
            value = value &* 32 &+ UInt32(digit & 31)
            if digit < 32 { return Int32(bitPattern: value) }
            at += 1
        }
    }

    /// Each slice's data in order (a part mark included).
    @inline(__always)
    private func forEachSlice(in store: PostingStore, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard count > 0 else { return }
        var address = head
        var level: UInt8 = 0
        while true {
            let bytes = store.pointer(address)
            let size = Self.sliceBytes(level) - 4
            if address == tail {
                return body(UnsafeBufferPointer(start: bytes, count: Int(used)))
            }
            let length = memchr(bytes, 0, size).map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes) } ?? size
            body(UnsafeBufferPointer(start: bytes, count: length))
            let endsPart = memchr(bytes, Int32(Self.partMark), length) != nil
            let distance = UnsafeRawPointer(bytes + size).loadUnaligned(as: Int32.self)
            address = UInt32(truncatingIfNeeded: Int64(address) + Int64(distance))
            level = endsPart ? 0 : min(level + 1, Self.maxLevel)
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

    func ids(in store: PostingStore) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(Int(count))
        forEachID(in: store) { out.append($0) }
        return out
    }

    /// Decodes the gaps: each id in order.
    @inline(__always)
    private func forEachID(in store: PostingStore, _ body: (Int) -> Void) {
        Self.values.withUnsafeBufferPointer { values in
            var id = -1
            var value = 0
            // After a part mark: the number that follows is the part's last record, and the
            // next part counts from -1.
            var partEnd = false
            forEachSlice(in: store) { bytes in
                for byte in bytes {
                    if byte == Self.partMark {
                        partEnd = true
                        continue
                    }
                    let digit = Int(values[Int(byte)])
                    value = value &* 32 &+ (digit & 31)
                    guard digit < 32 else { continue }
                    if partEnd {
                        partEnd = false
                        id = -1
                    } else {
                        id &+= value &+ 1
                        body(id)
                    }
                    value = 0
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

    /// The list as written: its numbers, or, when shorter, `~`, the first record as one
    /// number, then one character per six records from it, bit k of character j standing
    /// for record first + 6j + k. Lists of the commonest words are a few times shorter.
    func written(in store: PostingStore) -> [UInt8] {
        var out: [UInt8] = []
        appendWritten(to: &out, in: store)
        return out
    }

    /// The length of `written()`, without writing it.
    func writtenCount(in store: PostingStore) -> Int { bitmapCount(in: store) ?? Int(byteCount) }

    /// How long the list is as a bitmap, when that is how it is written.
    private func bitmapCount(in store: PostingStore) -> Int? {
        guard count > 8 else { return nil }
        let first = first(in: store)
        let length = 1 + Self.numberLength(UInt32(first)) + (Int(last) - Int(first) + 1 + 5) / 6
        return length < Int(byteCount) ? length : nil
    }

    /// Appends `written()` to `out`.
    func appendWritten(to out: inout [UInt8], in store: PostingStore) {
        guard bitmapCount(in: store) != nil else { return appendNumbers(to: &out, in: store) }
        let first = Int(first(in: store))
        out.append(Self.bitmapMark)
        Self.appendNumber(UInt32(first), to: &out)
        // Made aside and appended once: appending the zeros as a `repeatElement` went
        // element by element, and so did `digit` for each character.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: (Int(last) - first + 1 + 5) / 6) { map in
            map.initialize(repeating: 0)
            forEachID(in: store) { id in
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

    /// The numbers, slice by slice; at a part mark, the next part's first number is coded
    /// again from the previous part's last record.
    private func appendNumbers(to out: inout [UInt8], in store: PostingStore) {
        out.reserveCapacity(out.count + Int(byteCount))
        enum Reading { case copying, partLast, partFirst }
        var reading = Reading.copying
        var value: UInt32 = 0
        var partLast: UInt32 = 0
        forEachSlice(in: store) { bytes in
            var rest = bytes[...]
            while let byte = rest.first {
                switch reading {
                case .copying:
                    guard let mark = rest.firstIndex(of: Self.partMark) else {
                        out.append(contentsOf: rest)
                        rest = rest[rest.endIndex...]
                        continue
                    }
                    out.append(contentsOf: rest[..<mark])
                    rest = rest[(mark + 1)...]
                    (reading, value) = (.partLast, 0)
                case .partLast, .partFirst:
                    rest = rest.dropFirst()
                    let digit = Self.value(of: byte)
                    value = value &* 32 &+ UInt32(digit & 31)
                    guard digit < 32 else { continue }
                    if reading == .partLast {
                        (partLast, reading) = (value, .partFirst)
                    } else {
                        Self.appendNumber(value &- partLast &- 1, to: &out)
                        reading = .copying
                    }
                    value = 0
                }
            }
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
