/// GFM's tag filter: raw HTML that opens or closes one of these tags gets its `<`
/// escaped, so the tag shows as text instead of taking over the page.
enum TagFilter {
    private static let blocked: [[UInt8]] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ].map { Array($0.utf8) }

    /// Whether `tag` (raw HTML starting at a `<`) begins with a blocked tag.
    static func isBlocked(_ tag: ArraySlice<UInt8>) -> Bool {
        blocked.contains { matches(tag, name: $0) }
    }

    private static func matches(_ tag: ArraySlice<UInt8>, name: [UInt8]) -> Bool {
        let size = tag.count
        guard size >= 3, tag.first == UInt8(ascii: "<") else { return false }
        let base = tag.startIndex
        var i = 1
        if tag[base + i] == UInt8(ascii: "/") { i += 1 }
        var n = 0
        while i < size {
            if n == name.count { break }
            if lowercase(tag[base + i]) != name[n] { return false }
            i += 1
            n += 1
        }
        if i == size { return false }
        let next = tag[base + i]
        if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") {
            return true
        }
        return next == UInt8(ascii: "/") && size >= i + 2 && tag[base + i + 1] == UInt8(ascii: ">")
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
