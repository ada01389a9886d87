import Foundation

/// Just enough HTML reading for the link checker: attribute values in our own pages, whose
/// attributes are always double-quoted. Read from the UTF-8 bytes: the delimiters are ASCII,
/// so every value is a slice of whole characters. (Foundation's `range(of:)` on the rest of
/// the page copied that rest for each attribute: quadratic in a page's size, and a
/// 10,000-document site's largest index pages of megabytes kept `decuong check` busy for
/// more than ten minutes.)
enum HTMLScanner {
    static func attributeValues(_ name: String, in html: String) -> [String] {
        let needle = Array(" \(name)=\"".utf8)
        var html = html
        return html.withUTF8 { bytes in
            var out: [String] = []
            var from = 0
            while let start = find(needle, in: bytes, from: from) {
                let valueStart = start + needle.count
                guard let end = find(0x22, in: bytes, from: valueStart) else { break }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self))
                from = end + 1
            }
            return out
        }
    }

    /// The `href` of `<link rel="canonical">` and `<link rel="alternate">` (feed) tags.
    static func canonicalURLs(in html: String) -> [String] {
        let opening = Array("<link ".utf8)
        var html = html
        let tags: [String] = html.withUTF8 { bytes in
            var out: [String] = []
            var from = 0
            while let start = find(opening, in: bytes, from: from) {
                guard let end = find(0x3E, in: bytes, from: start + opening.count) else { break }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...end]), as: UTF8.self))
                from = end + 1
            }
            return out
        }
        return tags.filter { $0.contains("rel=\"canonical\"") || $0.contains("rel=\"alternate\"") }
            .flatMap { attributeValues("href", in: $0) }
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
    }

    /// Where `needle` (not empty) first occurs in `bytes` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var index = from
        while let candidate = find(first, in: bytes, from: index) {
            guard candidate + needle.count <= bytes.count else { return nil }
            if UnsafeBufferPointer(rebasing: bytes[candidate..<candidate + needle.count]).elementsEqual(needle) {
                return candidate
            }
            index = candidate + 1
        }
        return nil
    }

    /// Where `byte` first occurs in `bytes` at or after `from`.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes[from...].firstIndex(of: byte)
    }
}
