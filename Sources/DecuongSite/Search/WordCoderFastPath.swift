import DecuongCore

extension WordCoder {
    /// UTF-8 `buffer` coded and JSON-escaped, without quotes: the bytes of `appendReference`
    /// for valid UTF-8 (a `String`'s bytes), written into one buffer sized for the worst case
    /// (every byte escaped as `\u00XX`) and appended once, the letter runs found and looked
    /// up inline (`ShortWordTable`). Per word, the scanner's closure call, the interner's four
    /// arrays and two or three `append`s (each checking uniqueness and capacity) were most of
    /// writing the record shards.
    func append(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard !buffer.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buffer.count * 6) { temp in
            let written = SyllableByteClasses.table.withUnsafeBufferPointer { table in
                write(buffer, into: temp, table: table)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: temp[..<written]))
        }
    }

    /// Writes the coded text into `out` (room for 6 bytes per byte of `text`); the length.
    private func write(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                       table: UnsafeBufferPointer<UInt8>) -> Int {
        let count = text.count
        let letter = SyllableByteClasses.letter
        let member = letter | SyllableByteClasses.mark
        // Converted once: `UInt32(table.count)` checked its range again for every scalar.
        let limit = UInt32(clamping: table.count)
        @inline(__always) func flags(_ scalar: UInt32) -> UInt8 {
            scalar < limit ? table[Int(scalar)] : SyllableByteClasses.of(scalar)
        }
        var at = 0
        var literalStart = 0
        var lastCodeEnd = -1
        var index = 0
        while index < count {
            // A letter run (`Syllables.scanLetterRuns`): a letter, then letters and marks.
            let byte = text[index]
            var end: Int
            if byte < 0x80 {
                guard table[Int(byte)] & letter != 0 else {
                    index += 1
                    continue
                }
                end = index + 1
            } else {
                let (scalar, length) = Syllables.decode(text, at: index)
                guard flags(scalar) & letter != 0 else {
                    index += length
                    continue
                }
                end = index + length
            }
            while end < count {
                let next = text[end]
                if next < 0x80 {
                    guard table[Int(next)] & member != 0 else { break }
                    end += 1
                    continue
                }
                let (scalar, length) = Syllables.decode(text, at: end)
                guard flags(scalar) & member != 0 else { break }
                end += length
            }
            let length = end - index
            let code: UInt32
            if length <= ShortWordTable.maxLength {
                code = shortWords.value(ShortWordTable.key(text, index, end), length: length).map { UInt32(bitPattern: $0) } ?? 0
            } else {
                code = longCode(text, index, end)
            }
            if code != 0 {
                let impliedSpace = lastCodeEnd == literalStart && index == literalStart + 1 && text[literalStart] == 0x20
                if !impliedSpace { at = Self.writeLiteral(text, literalStart, index, into: out, at: at) }
                at = Self.writeScalar(code, into: out, at: at)
                literalStart = end
                lastCodeEnd = end
            }
            index = end
        }
        return Self.writeLiteral(text, literalStart, count, into: out, at: at)
    }

    /// `appendLiteral` of `text[start..<end]` at `at`; the end. A character of the code
    /// ranges gets the escape before it; the bytes that JSON or a `<script>` cannot hold as
    /// they are are escaped as `JSON.appendEscaped` does.
    @inline(__always)
    private static func writeLiteral(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                     into out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var at = at
        var index = start
        while index < end {
            let byte = text[index]
            switch byte {
            case 0x22, 0x5C:
                out[at] = 0x5C
                out[at + 1] = byte
                at += 2
                index += 1
            case 0x0A, 0x0D, 0x09:
                out[at] = 0x5C
                out[at + 1] = byte == 0x0A ? 0x6E : byte == 0x0D ? 0x72 : 0x74
                at += 2
                index += 1
            case 0x3C:
                at = writeASCII("\\u003c", into: out, at: at)
                index += 1
            case 0..<0x20:
                at = writeASCII("\\u00", into: out, at: at)
                out[at] = hexDigit(byte >> 4)
                out[at + 1] = hexDigit(byte & 0xF)
                at += 2
                index += 1
            case 0xE2:
                // U+2028/2029 end lines in old JavaScript.
                if index + 2 < end, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 {
                    at = writeASCII(text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", into: out, at: at)
                    index += 3
                } else {
                    out[at] = byte
                    at += 1
                    index += 1
                }
            case 0xCD...0xDF, 0xEE, 0xEF:
                // Lead bytes of U+0340–U+07FF and U+E000–U+FFFF: the scalar may need the escape.
                let (scalar, length) = Syllables.decode(UnsafeBufferPointer(rebasing: text[..<end]), at: index)
                if scalar == escape || shortCodes.contains(Int(scalar)) || longCodes.contains(Int(scalar)) {
                    at = writeScalar(escape, into: out, at: at)
                }
                for offset in 0..<length { out[at + offset] = text[index + offset] }
                at += length
                index += length
            default:
                out[at] = byte
                at += 1
                index += 1
            }
        }
        return at
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    @inline(__always)
    private static func writeASCII(_ ascii: StaticString, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        let count = ascii.utf8CodeUnitCount
        let bytes = ascii.utf8Start
        for offset in 0..<count { out[start + offset] = bytes[offset] }
        return start + count
    }

    @inline(__always)
    private static func writeScalar(_ code: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        if code < 0x800 {
            out[start] = UInt8(truncatingIfNeeded: 0xC0 | code >> 6)
            out[start + 1] = UInt8(truncatingIfNeeded: 0x80 | code & 0x3F)
            return start + 2
        }
        out[start] = UInt8(truncatingIfNeeded: 0xE0 | code >> 12)
        out[start + 1] = UInt8(truncatingIfNeeded: 0x80 | (code >> 6) & 0x3F)
        out[start + 2] = UInt8(truncatingIfNeeded: 0x80 | code & 0x3F)
        return start + 3
    }
}
