/// Just enough JSON for the search index, written by hand into byte buffers so that key
/// order and number format are fixed: two builds of the same site give the same bytes.
enum JSON {
    /// `s` as a JSON string, also safe inside a `<script>`.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { appendEscaped($0, to: &out) }
        out.append(0x22)
    }

    /// The bytes of a JSON string without its quotes.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var index = 0
        var runStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0xE2 else {
                index += 1
                continue
            }
            var replacement: [UInt8]?
            var length = 1
            switch byte {
            case 0x22: replacement = [0x5C, 0x22]
            case 0x5C: replacement = [0x5C, 0x5C]
            case 0x0A: replacement = [0x5C, 0x6E]
            case 0x0D: replacement = [0x5C, 0x72]
            case 0x09: replacement = [0x5C, 0x74]
            // `</script>` cannot end a script that holds it.
            case 0x3C: replacement = Array("\\u003c".utf8)
            case 0xE2:
                // U+2028/2029 end lines in old JavaScript.
                if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    replacement = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    length = 3
                }
            default:
                let hex = Array(String(byte, radix: 16).utf8)
                replacement = Array("\\u00".utf8) + (hex.count == 1 ? [0x30] + hex : hex)
            }
            guard let replacement else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            out.append(contentsOf: replacement)
            index += length
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// The digits written backwards into a buffer on the stack and appended once: written
    /// backwards into `out` and turned around in place (`referenceAppendNumber`), a number
    /// cost about 500 instructions, two or three for every record of the record shards.
    static func appendNumber(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D) }
        var value = n.magnitude
        if value < 10 { return out.append(0x30 &+ UInt8(truncatingIfNeeded: value)) }
        // 20 digits hold any UInt64.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var at = digits.count
            repeat {
                at -= 1
                digits[at] = 0x30 &+ UInt8(truncatingIfNeeded: value % 10)
                value /= 10
            } while value > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at...]))
        }
    }

    static func referenceAppendNumber(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D) }
        var value = n.magnitude
        // Written backwards in place, then turned around: no array of digits per number.
        let start = out.count
        repeat {
            out.append(0x30 + UInt8(value % 10))
            value /= 10
        } while value > 0
        out[start...].reverse()
    }

    static func append(_ ascii: StaticString, to out: inout [UInt8]) {
        ascii.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
