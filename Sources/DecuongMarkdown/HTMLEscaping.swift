#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    static func appendEscapedHTML(_ text: String.UTF8View, to out: inout some HTMLByteSink) {
        // Pages are mostly text with nothing to escape: copy runs in bulk instead of byte by byte.
        let done: Void? = text.withContiguousStorageIfAvailable { buffer in
            appendEscapedHTML(buffer, to: &out)
        }
        if done == nil { appendEscapedHTMLBytes(text, to: &out) }
    }

    static func appendEscapedHTML(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout some HTMLByteSink) {
        guard let base = buffer.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            // Most of a page is text with none of the four: passed sixteen bytes (two words,
            // one branch) at a time, and the byte loop below only sees the pair that holds one.
            while index &+ 16 <= count,
                  !holdsEscapable(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self),
                                  raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)) {
                index &+= 16
            }
            if index &+ 8 <= count, !holdsEscapable(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index &+= 8
            }
            let stop = min(index &+ 16, count)
            while index < stop {
                let byte = base[index]
                // `>` is the largest of the four; most bytes of Vietnamese text are above it.
                if byte <= UInt8(ascii: ">"), let entity = entityText(for: byte) {
                    if runStart < index { out.appendBytes(UnsafeBufferPointer(start: base + runStart, count: index &- runStart)) }
                    entity.withUTF8Buffer { out.appendBytes($0) }
                    runStart = index &+ 1
                }
                index &+= 1
            }
        }
        if runStart < count { out.appendBytes(UnsafeBufferPointer(start: base + runStart, count: count &- runStart)) }
    }

    /// The eight-byte skip as it was before the two-word one: a reference for the tests.
    static func appendEscapedHTMLByWords(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = buffer.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            while index + 8 <= count, !holdsEscapable(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
            let stop = min(index + 8, count)
            while index < stop {
                let byte = base[index]
                if byte <= UInt8(ascii: ">"), let entity = entity(for: byte) {
                    if runStart < index { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
                    out.append(contentsOf: entity)
                    runStart = index + 1
                }
                index += 1
            }
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
    }

    /// The run copy as it was before the word skip: the reference the tests compare with.
    static func appendEscapedHTMLByRuns(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte <= UInt8(ascii: ">"), let entity = entity(for: byte) {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index])) }
                out.append(contentsOf: entity)
                runStart = index + 1
            }
            index += 1
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<count])) }
    }

    /// Whether one of the eight bytes of `word` is `&`, `<`, `>` or `"`, exactly. `<` and `>`
    /// differ only in bit 1 and `"` and `&` only in bit 2, so two zero-byte tests cover four.
    static func holdsEscapable(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let angles = (word | (ones &* 0x02)) ^ (ones &* UInt64(UInt8(ascii: ">")))
        let quotes = (word | (ones &* 0x04)) ^ (ones &* UInt64(UInt8(ascii: "&")))
        let zeros = ((angles &- ones) & ~angles) | ((quotes &- ones) & ~quotes)
        return zeros & (ones &* 0x80) != 0
    }

    /// `holdsEscapable(first) || holdsEscapable(second)` with one test: the zero-byte marks
    /// of both words are joined before the high bits are asked.
    @inline(__always)
    static func holdsEscapable(_ first: UInt64, _ second: UInt64) -> Bool {
        escapableMarks(first) | escapableMarks(second) != 0
    }

    /// The high bit of each byte of `word` that is `&`, `<`, `>` or `"`, and possibly of a
    /// byte above one of them (borrows only run upward from a zero byte), so the result is
    /// zero exactly when `holdsEscapable(word)` is false.
    @inline(__always)
    private static func escapableMarks(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let angles = (word | (ones &* 0x02)) ^ (ones &* UInt64(UInt8(ascii: ">")))
        let quotes = (word | (ones &* 0x04)) ^ (ones &* UInt64(UInt8(ascii: "&")))
        return (((angles &- ones) & ~angles) | ((quotes &- ones) & ~quotes)) & (ones &* 0x80)
    }

    /// The entity of one of the four as static text: no array to initialise once and retain.
    private static func entityText(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: nil
        }
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
    static func appendEscapedHTMLBytes<S: Sequence<UInt8>>(_ bytes: S, to out: inout some HTMLByteSink) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out.appendBytes(ampersand)
            case UInt8(ascii: "<"): out.appendBytes(lessThan)
            case UInt8(ascii: ">"): out.appendBytes(greaterThan)
            case UInt8(ascii: "\""): out.appendBytes(quote)
            default: out.appendByte(byte)
            }
        }
    }

    static func appendEscapedHref(_ text: String.UTF8View, to out: inout some HTMLByteSink) {
        // Link targets are mostly safe bytes: copied in runs, not appended one by one.
        let done: Void? = text.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return }
            var runStart = 0
            for index in 0..<buffer.count {
                let byte = base[index]
                if hrefSafe(byte) { continue }
                if runStart < index { out.appendBytes(UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
                appendHrefEscape(byte, to: &out)
                runStart = index + 1
            }
            if runStart < buffer.count {
                out.appendBytes(UnsafeBufferPointer(start: base + runStart, count: buffer.count - runStart))
            }
        }
        if done == nil { appendEscapedHrefBytes(text, to: &out) }
    }

    private static func appendHrefEscape(_ byte: UInt8, to out: inout some HTMLByteSink) {
        if byte == UInt8(ascii: "&") {
            out.appendBytes(ampersand)
        } else if byte == UInt8(ascii: "'") {
            out.appendBytes(Array("&#x27;".utf8))
        } else {
            out.appendByte(UInt8(ascii: "%"))
            out.appendByte(hexDigits[Int(byte >> 4)])
            out.appendByte(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// The byte-by-byte form: the reference of the run copy.
    static func appendEscapedHrefBytes<S: Sequence<UInt8>>(_ bytes: S, to out: inout some HTMLByteSink) {
        for byte in bytes {
            if hrefSafe(byte) {
                out.appendByte(byte)
            } else {
                appendHrefEscape(byte, to: &out)
            }
        }
    }

    /// Whether a link target would run code or smuggle content: `javascript:`,
    /// `vbscript:`, `file:`, and `data:` other than the raster image types.
    public static func isDangerousURL(_ url: String) -> Bool {
        if let answer = isDangerousASCIIURL(url.utf8) { return answer }
        return isDangerousURLByCharacters(url)
    }

    /// `isDangerousURL` on the bytes when the URL's first sixteen are ASCII, nil otherwise.
    /// There characters are bytes (CR LF aside, which no prefix holds, so a match fails at
    /// the CR either way) and lowercasing is ASCII's; the prefixes are at most fifteen long.
    /// Lowercasing and comparing Characters cost ~4,000 instructions per link.
    static func isDangerousASCIIURL(_ utf8: String.UTF8View) -> Bool? {
        // Every prefix starts with j, v, f or d: relative links (`../`, `van-ban/…` is v but
        // goes on) are answered by their first byte.
        guard let first = utf8.first else { return false }
        if first < 0x80 {
            let lower = first &- UInt8(ascii: "A") < 26 ? first | 0x20 : first
            if lower != UInt8(ascii: "j"), lower != UInt8(ascii: "v"), lower != UInt8(ascii: "f"),
               lower != UInt8(ascii: "d") {
                return false
            }
        }
        var head: (UInt64, UInt64) = (0, 0)
        var count = 0
        let filled: Bool = withUnsafeMutableBytes(of: &head) { head in
            for byte in utf8 {
                if count == 16 { break }
                guard byte < 0x80 else { return false }
                // ASCII letters to lowercase; other bytes as they are.
                head[count] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                count += 1
            }
            return true
        }
        guard filled else { return nil }
        return withUnsafeBytes(of: &head) { head in
            func starts(_ prefix: StaticString) -> Bool {
                let length = prefix.utf8CodeUnitCount
                guard length <= count, let base = head.baseAddress else { return false }
                return memcmp(base, prefix.utf8Start, length) == 0
            }
            if starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg")
                || starts("data:image/webp") {
                return false
            }
            return starts("javascript:") || starts("vbscript:") || starts("file:") || starts("data:")
        }
    }

    /// The Character form, for URLs with non-ASCII bytes in their head and as the reference.
    static func isDangerousURLByCharacters(_ url: String) -> Bool {
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
