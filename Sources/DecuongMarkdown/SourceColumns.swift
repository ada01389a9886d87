import DecuongCore

/// Turns cmark's byte-based positions into scalar-based columns.
///
/// cmark counts columns in bytes, so `ệ` (3 bytes) would shift every later column.
/// Short lines are counted from their start. Positions are not asked for in order (a
/// parent's end comes before its children's starts), so for long lines the whole text
/// gets a table of scalar counts every `stride` bytes: a column is then found by counting
/// at most `stride` bytes twice, and a 1 MB single-line file stays linear instead of
/// quadratic. (A table per line was rebuilt each time the questions moved to another
/// long line.)
struct SourceColumns {
    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]
    private static let stride = 32
    /// Scalars in the first `k * stride` bytes of the text, for each k; built at the first
    /// question about a long line (most documents have none).
    private var checkpoints: [Int] = []
    /// The last long line asked about and the scalars before its start: a node's start
    /// and end are mostly on one line.
    private var cachedLineStart = -1
    private var cachedScalarsBefore = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = bytes.withUnsafeBufferPointer { buffer in
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
        let index = max(0, min(line - 1, lineStarts.count - 1))
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > lineStarts[index], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The byte at a 1-based line and byte column, if there is one.
    func byte(line: Int, byteColumn: Int) -> UInt8? {
        let offset = lineStart(line) + byteColumn - 1
        guard byteColumn >= 1, offset < lineEnd(line) else { return nil }
        return bytes[offset]
    }

    /// The bytes from a 1-based line and byte column to the end of that line.
    func rest(line: Int, byteColumn: Int) -> ArraySlice<UInt8> {
        let start = min(lineStart(line) + max(byteColumn, 1) - 1, lineEnd(line))
        return bytes[start..<lineEnd(line)]
    }

    /// The 1-based scalar column of the character that holds byte `byteColumn` of `line`.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 0 else { return max(byteColumn, 0) }
        let start = lineStart(line)
        let lineEnd = self.lineEnd(line)
        let end = max(start, min(start + byteColumn, lineEnd))
        let count: Int
        if lineEnd - start > Self.stride * 4 {
            if checkpoints.isEmpty { buildCheckpoints() }
            if cachedLineStart != start {
                cachedLineStart = start
                cachedScalarsBefore = scalarsBefore(start)
            }
            count = scalarsBefore(end) - cachedScalarsBefore
        } else {
            count = scalars(from: start, to: end)
        }
        // A column past the end of the line (cmark reports some) stays past it.
        return count + max(0, start + byteColumn - end)
    }

    private mutating func buildCheckpoints() {
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        checkpoints.append(0)
        var count = 0
        var i = 0
        while i + Self.stride <= bytes.count {
            count += scalars(from: i, to: i + Self.stride)
            i += Self.stride
            checkpoints.append(count)
        }
    }

    /// Scalars (bytes that are not UTF-8 continuation bytes) before byte `offset`.
    private func scalarsBefore(_ offset: Int) -> Int {
        let k = offset / Self.stride
        return checkpoints[k] + scalars(from: k * Self.stride, to: offset)
    }

    private func scalars(from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var i = start
            while i + 8 <= end {
                count += ScalarText.scalarStarts(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            while i < end {
                if buffer[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }
    }
}
