import Testing
import DecuongCore
@testable import DecuongMarkdown

/// Scalar columns from the text-wide checkpoint table against a plain count of the bytes
/// that start a scalar, on lines short and long, with CR, LF and multi-byte scalars.
@Suite struct SourceColumnsTests {
    @Test func columnsMatchAPlainCount() {
        let pieces = ["a", "ệ", "Đ", "👍", " ", "\n", "\r\n", "\r", "xyzxyzxyzxyzxyzxyzxyzxyzxyzxyz", String(repeating: "ư", count: 70)]
        var state: UInt64 = 7
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_000)
        }
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(next() % 40) { text += pieces[next() % pieces.count] }
            let bytes = Array(text.utf8)
            let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = owned.initialize(from: bytes)
            defer { owned.deallocate() }
            var columns = SourceColumns(bytes: UnsafeBufferPointer(owned))
            for line in 0...(columns.lineCount + 1) {
                let start = columns.lineStart(line)
                let end = columns.lineEnd(line)
                for byteColumn in -1...(end - start + 3) {
                    var expected = max(byteColumn, 0)
                    if byteColumn > 0 {
                        let stop = max(start, min(start + byteColumn, end))
                        expected = bytes[start..<stop].filter { $0 & 0xC0 != 0x80 }.count + max(0, start + byteColumn - stop)
                    }
                    #expect(columns.scalarColumn(line: line, byteColumn: byteColumn) == expected)
                }
            }
        }
    }

    /// Questions in random order, as a tree's ranges ask them (a parent's end before its
    /// children's starts), so the remembered line positions are used and discarded.
    @Test func columnsInRandomOrderMatchAPlainCount() {
        let pieces = ["a", "ệ", "👍", " ", "\n", "\r\n", String(repeating: "ư", count: 30), "xyzxyzxyz"]
        var state: UInt64 = 19
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_000)
        }
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<(next() % 50) { text += pieces[next() % pieces.count] }
            let bytes = Array(text.utf8)
            let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = owned.initialize(from: bytes)
            defer { owned.deallocate() }
            var columns = SourceColumns(bytes: UnsafeBufferPointer(owned))
            for _ in 0..<200 {
                let line = next() % (columns.lineCount + 1) + 1
                let start = columns.lineStart(line)
                let end = columns.lineEnd(line)
                let byteColumn = next() % (end - start + 3) + 1
                let stop = max(start, min(start + byteColumn, end))
                let expected = bytes[start..<stop].filter { $0 & 0xC0 != 0x80 }.count + max(0, start + byteColumn - stop)
                #expect(columns.scalarColumn(line: line, byteColumn: byteColumn) == expected)
            }
        }
    }

    /// Scalar counts against the old count and a plain filter, for every range of random texts.
    @Test func scalarCountsMatchTheByteLoop() {
        let pieces = ["a", "ệ", "Đ", "👍", " ", "\n", "\r\n", "\u{0}", "\u{7F}", "\u{80}", "ư", "xyz"]
        var state: UInt64 = 23
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_000)
        }
        for _ in 0..<150 {
            var text = ""
            for _ in 0..<(next() % 30) { text += pieces[next() % pieces.count] }
            let bytes = Array(text.utf8)
            let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = owned.initialize(from: bytes)
            defer { owned.deallocate() }
            let columns = SourceColumns(bytes: UnsafeBufferPointer(owned))
            for start in 0...bytes.count {
                for end in start...bytes.count {
                    let expected = bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
                    #expect(columns.scalars(from: start, to: end) == expected)
                    #expect(columns.referenceScalars(from: start, to: end) == expected)
                }
            }
        }
    }

    /// The multiply-summed count against ScalarText's: every byte value at every place of
    /// a word of each fill, and random words.
    @Test func wordCountMatchesScalarText() {
        for fill: UInt64 in [0, 0x6161_6161_6161_6161, 0x8080_8080_8080_8080, 0xBFBF_BFBF_BFBF_BFBF,
                             0xC0C0_C0C0_C0C0_C0C0, 0xFFFF_FFFF_FFFF_FFFF, 0x87BB_E187_BBE1_A0C3] {
            for byte in 0...255 {
                for place in 0..<8 {
                    var word = fill & ~(UInt64(0xFF) << (8 * place))
                    word |= UInt64(byte) << (8 * place)
                    #expect(SourceColumns.scalarStarts(word) == ScalarText.scalarStarts(word), "\(word)")
                }
            }
        }
        var state: UInt64 = 31
        for _ in 0..<100_000 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            #expect(SourceColumns.scalarStarts(state) == ScalarText.scalarStarts(state), "\(state)")
        }
    }

    /// The memchr scan for LF-only text against the word loop that also handles CR.
    @Test func lfLineStartsMatchTheGeneralScan() {
        let pieces = ["a", "ệ", "\n", "\n\n", " ", "xyzxyzxyzxyzxyz", String(repeating: "ư", count: 20)]
        var state: UInt64 = 11
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_000)
        }
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<(next() % 60) { text += pieces[next() % pieces.count] }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(SourceColumns.lfLineStarts(buffer) == SourceColumns.anyLineStarts(buffer))
            }
        }
    }
}
