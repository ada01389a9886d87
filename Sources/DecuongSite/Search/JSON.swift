/// Just enough JSON for the search index, written by hand so that key order and number
/// format are fixed: two builds of the same site give the same bytes.
enum JSON {
    static func string(_ s: String) -> String {
        // On UTF-8 bytes: appending scalar by scalar was most of writing a large index.
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            // `</script>` cannot end a script that holds it.
            case 0x3C: out += Array("\\u003c".utf8)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028/2029 end lines in old JavaScript.
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default:
                out.append(byte)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    static func array(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ",") + "]" }

    static func array(_ fragments: [String]) -> String { "[" + fragments.joined(separator: ",") + "]" }

    static func member(_ key: String, _ value: String) -> String { string(key) + ":" + value }
}
