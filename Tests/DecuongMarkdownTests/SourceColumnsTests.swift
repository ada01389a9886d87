import Testing
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
            var columns = SourceColumns(bytes: bytes)
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
}
