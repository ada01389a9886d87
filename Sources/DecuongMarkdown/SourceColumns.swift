import DecuongCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns cmark's byte-based positions into scalar-based columns.
///
/// cmark counts columns in bytes, so `ệ` (3 bytes) would shift every later column.
/// Columns within a stride of their line's start are counted from it. Positions are not
/// asked for in order (a parent's end comes before its children's starts), so for the rest
/// the whole text gets a table of scalar counts every `stride` bytes: a column is then
/// found by counting at most `stride` bytes twice, and a 1 MB single-line file stays linear
/// instead of quadratic. (A table per line was rebuilt each time the questions moved to
/// another long line.)
///
/// The bytes are borrowed (the parse's own buffer, valid while the tree is converted):
/// copying them into an array of its own cost a pass and an allocation per document.
struct SourceColumns {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var lineStarts: [Int] = [0]
    /// Four words: `buildCheckpoints` reads each stride as four loads.
    private static let stride = 32
    /// Scalars in the first `k * stride` bytes of the text, for each k; built at the first
    /// question about a long line.
    private var checkpoints: [Int] = []
    /// The last long line asked about and the scalars before its start: a node's start
    /// and end are mostly on one line.
    private var cachedLineStart = -1
    private var cachedScalarsBefore = 0
    /// The last place answered: its line's start, its byte offset and the scalars from the
    /// line's start to it. Inlines are asked about in order along a line (a run's start, its
    /// end, the next run's start), so most answers count on from the last one.
    private var lastLineStart = -1
    private var lastLineEnd = 0
    private var lastOffset = 0
    private var lastCount = 0

    /// `bytes` must stay valid for as long as this value is used.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        guard let base = bytes.baseAddress else { return }
        // Most files have no CR: then libc's vectorised memchr finds each LF far faster
        // than the byte-and-word loop that CR needs.
        lineStarts = memchr(base, 0x0D, bytes.count) == nil ? Self.lfLineStarts(bytes) : Self.anyLineStarts(bytes)
    }

    /// Line starts of text that has LF line endings only.
    static func lfLineStarts(_ buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = buffer.baseAddress else { return starts }
        starts.reserveCapacity(buffer.count / 48 + 2)
        var i = 0
        let n = buffer.count
        while i < n, let found = memchr(base + i, 0x0A, n - i) {
            i = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            starts.append(i)
        }
        return starts
    }

    /// Line starts with LF, CR LF and lone CR endings.
    static func anyLineStarts(_ buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = buffer.baseAddress else { return starts }
        var i = 0
        let n = buffer.count
        while i < n {
            // Lines are long next to eight bytes: skip words that hold no CR or LF.
            if i + 8 <= n {
                let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if !Self.holds(word, 0x0A), !Self.holds(word, 0x0D) {
                    i += 8
                    continue
                }
            }
            let b = buffer[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < n, buffer[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    /// Whether one of the eight bytes of `word` is `byte`.
    private static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    var lineCount: Int { lineStarts.count }

    /// Byte offset where `line` (1-based) starts, clamped to the text.
    func lineStart(_ line: Int) -> Int {
        lineStarts[max(0, min(line - 1, lineStarts.count - 1))]
    }

    /// Byte offset just past the last byte of `line`, before its line ending.
    func lineEnd(_ line: Int) -> Int {
        lineEnd(index: max(0, min(line - 1, lineStarts.count - 1)))
    }

    private func lineEnd(index: Int) -> Int {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The byte at a 1-based line and byte column, if there is one.
    func byte(line: Int, byteColumn: Int) -> UInt8? {
        let offset = lineStart(line) + byteColumn - 1
        guard byteColumn >= 1, offset < lineEnd(line) else { return nil }
        return bytes[offset]
    }

    /// The bytes from a 1-based line and byte column to the end of that line.
    func rest(line: Int, byteColumn: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
        let start = min(lineStart(line) + max(byteColumn, 1) - 1, lineEnd(line))
        return bytes[start..<lineEnd(line)]
    }

    /// Whether the `count` bytes at `pointer` are the text's bytes from `offset` on.
    func holds(_ pointer: UnsafePointer<CChar>, count: Int, at offset: Int) -> Bool {
        guard offset >= 0, count <= bytes.count - offset else { return false }
        guard let base = bytes.baseAddress else { return count == 0 }
        return memcmp(base + offset, pointer, count) == 0
    }

    /// The 1-based scalar column of the character that holds byte `byteColumn` of `line`.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
        // A line's first byte starts a scalar (the byte before is a line end): column 1 is 1,
        // on an empty line too. Most blocks start there.
        guard byteColumn > 1 else { return max(byteColumn, 0) }
        let index = max(0, min(line - 1, lineStarts.count - 1))
        let start = lineStarts[index]
        let lineEnd = start == lastLineStart ? lastLineEnd : self.lineEnd(index: index)
        let end = max(start, min(start + byteColumn, lineEnd))
        let count: Int
        // Counting on is bounded like the checkpoints' count, so a long line stays linear.
        if lastLineStart == start, lastOffset <= end, end - lastOffset <= Self.stride * 2 {
            count = lastCount + scalars(from: lastOffset, to: end)
        } else if end - start <= Self.stride {
            count = scalars(from: start, to: end)
        } else {
            // Past a stride, two checkpoints and at most a stride counted from each cost less
            // than counting the line; nearly every text has a long line and so the table anyway.
            if checkpoints.isEmpty { buildCheckpoints() }
            if cachedLineStart != start {
                cachedLineStart = start
                cachedScalarsBefore = scalarsBefore(start)
            }
            count = scalarsBefore(end) - cachedScalarsBefore
        }
        lastLineStart = start
        lastLineEnd = lineEnd
        lastOffset = end
        lastCount = count
        // A column past the end of the line (cmark reports some) stays past it.
        return count + max(0, start + byteColumn - end)
    }

    private mutating func buildCheckpoints() {
        let chunks = bytes.count / Self.stride
        let buffer = bytes
        checkpoints = [Int](unsafeUninitializedCapacity: chunks + 1) { table, initialized in
            table[0] = 0
            initialized = 1
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var count = 0
            for chunk in 0..<chunks {
                let at = chunk * Self.stride
                count += Self.scalarStarts(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                    + Self.scalarStarts(raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
                    + Self.scalarStarts(raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
                    + Self.scalarStarts(raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
                table[chunk + 1] = count
            }
            initialized = chunks + 1
        }
    }

    /// `ScalarText.scalarStarts`, with the continuation bytes summed by a multiply: the
    /// release build targets x86-64 without POPCNT, where `nonzeroBitCount` is a dozen
    /// instructions of bit tricks. Each byte of `continuation >> 7` is 0 or 1, so the
    /// multiply gathers their sum (at most 8) in the top byte without a carry.
    @inline(__always)
    static func scalarStarts(_ word: UInt64) -> Int {
        let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
        return 8 &- Int(truncatingIfNeeded: ((continuation >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// Scalars (bytes that are not UTF-8 continuation bytes) before byte `offset`.
    private func scalarsBefore(_ offset: Int) -> Int {
        let k = offset / Self.stride
        return checkpoints[k] + scalars(from: k * Self.stride, to: offset)
    }

    /// Scalars that start in bytes `start ..< end`: words counted by `scalarStarts`, the tail
    /// byte by byte. (Reading the tail as one masked word too was tried: no fewer
    /// instructions, as most tails are a few bytes.)
    func scalars(from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = 0
        var i = start
        while i &+ 8 <= end {
            count &+= Self.scalarStarts(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        while i < end {
            if base[i] & 0xC0 != 0x80 { count &+= 1 }
            i &+= 1
        }
        return count
    }

    /// `scalars(from:to:)` as it was, counting words with `ScalarText.scalarStarts`: the
    /// reference for the tests.
    func referenceScalars(from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var i = start
        while i + 8 <= end {
            count += ScalarText.scalarStarts(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        while i < end {
            if base[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
