/// Just enough JSON for the search index, written by hand so that key order and number
/// format are fixed: two builds of the same site give the same bytes.
enum JSON {
    static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // `</script>` cannot end a script that holds it; U+2028/2029 end lines in old JS.
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func array(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ",") + "]" }

    static func array(_ fragments: [String]) -> String { "[" + fragments.joined(separator: ",") + "]" }

    static func member(_ key: String, _ value: String) -> String { string(key) + ":" + value }
}
