/// HTML and URL escaping with exactly cmark's rules, so our renderer's output can be
/// compared byte for byte with `cmark_render_html`.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (cmark's non-secure mode leaves `'` and `/` alone).
    public static func escapeHTML(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendEscapedHTML(text.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes a URL for an `href`/`src` attribute: percent-encodes what is not URL-safe,
    /// entity-encodes `&` and `'`, and leaves existing `%XX` escapes as they are.
    public static func escapeHref(_ url: String) -> String {
        var out: [UInt8] = []
        appendEscapedHref(url.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendEscapedHTML(_ text: String.UTF8View, to out: inout [UInt8]) {
        // Pages are mostly text with nothing to escape: copy runs in bulk instead of byte by byte.
        let done: Void? = text.withContiguousStorageIfAvailable { buffer in
            appendEscapedHTML(buffer, to: &out)
        }
        if done == nil { appendEscapedHTMLBytes(text, to: &out) }
    }

    static func appendEscapedHTML(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            // `>` is the largest of the four; most bytes of Vietnamese text are above it.
            if byte <= UInt8(ascii: ">"), let entity = entity(for: byte) {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index])) }
                out.append(contentsOf: entity)
                runStart = index + 1
            }
            index += 1
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<count])) }
    }

    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): ampersand
        case UInt8(ascii: "<"): lessThan
        case UInt8(ascii: ">"): greaterThan
        case UInt8(ascii: "\""): quote
        default: nil
        }
    }

    /// The byte-by-byte form, for text without contiguous storage and as the reference of the run copy.
    static func appendEscapedHTMLBytes<S: Sequence<UInt8>>(_ bytes: S, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: ampersand)
            case UInt8(ascii: "<"): out.append(contentsOf: lessThan)
            case UInt8(ascii: ">"): out.append(contentsOf: greaterThan)
            case UInt8(ascii: "\""): out.append(contentsOf: quote)
            default: out.append(byte)
            }
        }
    }

    static func appendEscapedHref<S: Sequence<UInt8>>(_ bytes: S, to out: inout [UInt8]) {
        for byte in bytes {
            if hrefSafe(byte) {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out.append(contentsOf: ampersand)
            } else if byte == UInt8(ascii: "'") {
                out.append(contentsOf: Array("&#x27;".utf8))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// Whether a link target would run code or smuggle content: `javascript:`,
    /// `vbscript:`, `file:`, and `data:` other than the raster image types.
    public static func isDangerousURL(_ url: String) -> Bool {
        let lower = url.prefix(16).lowercased()
        for safe in ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        where lower.hasPrefix(safe) {
            return false
        }
        return ["javascript:", "vbscript:", "file:", "data:"].contains { lower.hasPrefix($0) }
    }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func hrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"),
             UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
