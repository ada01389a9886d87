import DecuongCore

/// Front matter written the way nearly every file writes it, read without a YAML parser:
/// one `key: value` per line, the value a plain word run, a double-quoted string, or a
/// flow list of double-quoted strings, with none of the characters that give YAML more
/// to do (escapes, comments, colons, indicators, tabs). For such text the values, and the
/// places YAML reports for them, are YAML's; anything else gives nil and goes to Yams
/// (`YAMLBlock`), which the tests hold this reading to.
enum FrontMatterLines {
    /// What the front matter reader uses of a YAML value.
    struct Value: Equatable {
        /// The value's text, when it is a scalar.
        var scalar: String?
        /// The text of each item, when it is a list (nil for an item that is not text).
        var sequence: [String?]?
    }

    struct Entry {
        var key: String
        var value: Value
        var location: SourceLocation
    }

    static func entries(_ yaml: String, firstLine: Int) -> [Entry]? {
        // Read on the UTF-8: every character that decides anything is ASCII. Keys and
        // values are byte ranges until the end, then slices of `yaml` (not validated again).
        var copy = yaml
        let parsed: [Parsed]? = copy.withUTF8 { bytes in
            var parsed: [Parsed] = []
            var start = 0
            var lineNumber = firstLine
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                guard var entry = entry(bytes, start, end) else { return nil }
                entry.line = lineNumber
                parsed.append(entry)
                lineNumber += 1
                start = end + 1
            }
            return parsed
        }
        guard let parsed, !parsed.isEmpty else { return nil }
        let utf8 = yaml.utf8
        func text(_ range: Range<Int>) -> String {
            String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
        }
        var entries: [Entry] = []
        entries.reserveCapacity(parsed.count)
        for item in parsed {
            let key = text(item.key)
            // A key given twice is YAML's to judge.
            if entries.contains(where: { $0.key == key }) { return nil }
            let value = item.items.map { Value(scalar: nil, sequence: $0.map { text($0) }) }
                ?? Value(scalar: text(item.scalar), sequence: nil)
            entries.append(Entry(key: key, value: value, location: SourceLocation(line: item.line, column: item.column)))
        }
        return entries
    }

    private struct Parsed {
        var key: Range<Int>
        var scalar: Range<Int>
        var items: [Range<Int>]?
        var line = 0
        var column: Int
    }

    /// The entry on bytes `start ..< end` (one line), or nil when the line is not one this
    /// reading takes.
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Parsed? {
        var i = start
        // The key: an ASCII letter, then letters, digits and underscores, then ":".
        guard i < end, isLetter(bytes[i]) else { return nil }
        while i < end, isLetter(bytes[i]) || isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: ":") else { return nil }
        let key = start..<i
        i += 1
        // At least one space, then the value, with no space after it.
        guard i < end, bytes[i] == 0x20 else { return nil }
        while i < end, bytes[i] == 0x20 { i += 1 }
        guard i < end, bytes[end - 1] != 0x20 else { return nil }
        // Everything before the value is ASCII: its column, counted in scalars as YAML
        // counts, is its byte offset.
        let column = i - start + 1
        switch bytes[i] {
        case UInt8(ascii: "\""):
            guard let text = quoted(bytes, i, end), text.upperBound + 1 == end else { return nil }
            return Parsed(key: key, scalar: text, items: nil, column: column)
        case UInt8(ascii: "["):
            // `["a", "b"]`: double-quoted items, commas and spaces between them, nothing after.
            var items: [Range<Int>] = []
            var j = i + 1
            while j < end, bytes[j] == 0x20 { j += 1 }
            if j < end, bytes[j] == UInt8(ascii: "]") {
                return j + 1 == end ? Parsed(key: key, scalar: 0..<0, items: [], column: column) : nil
            }
            while true {
                guard let text = quoted(bytes, j, end) else { return nil }
                items.append(text)
                j = text.upperBound + 1
                while j < end, bytes[j] == 0x20 { j += 1 }
                guard j < end else { return nil }
                if bytes[j] == UInt8(ascii: "]") {
                    return j + 1 == end ? Parsed(key: key, scalar: 0..<0, items: items, column: column) : nil
                }
                guard bytes[j] == UInt8(ascii: ",") else { return nil }
                j += 1
                while j < end, bytes[j] == 0x20 { j += 1 }
            }
        default:
            // A plain value YAML reads as its own text: it opens with a letter, a digit or a
            // non-ASCII scalar and holds only those, spaces and `-./_()+,`.
            let first = bytes[i]
            guard first >= 0x80 || isLetter(first) || isDigit(first) else { return nil }
            var j = i
            while j < end {
                let byte = bytes[j]
                if byte < 0x80 {
                    guard isLetter(byte) || isDigit(byte) || byte == 0x20 || byte == 0x2D || byte == 0x2E || byte == 0x2F
                            || byte == 0x5F || byte == 0x28 || byte == 0x29 || byte == 0x2B || byte == 0x2C else { return nil }
                    j += 1
                } else {
                    guard let length = safeScalarLength(bytes, j, end) else { return nil }
                    j += length
                }
            }
            return Parsed(key: key, scalar: i..<end, items: nil, column: column)
        }
    }

    /// The content of the double-quoted string opening at `i`, without escapes; the byte
    /// after it is the closing quote.
    private static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Range<Int>? {
        guard i < end, bytes[i] == UInt8(ascii: "\"") else { return nil }
        var j = i + 1
        while j < end {
            let byte = bytes[j]
            if byte == UInt8(ascii: "\"") { return (i + 1)..<j }
            if byte < 0x80 {
                // Printable ASCII but the escape character.
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
                j += 1
            } else {
                guard let length = safeScalarLength(bytes, j, end) else { return nil }
                j += length
            }
        }
        return nil
    }

    /// The UTF-8 length of the non-ASCII scalar at `j` when YAML takes it as printable text
    /// that is neither a break nor a space: from U+00A0 up but for the byte-order mark, the
    /// line and paragraph separators and the non-characters U+FFFE, U+FFFF; nil otherwise.
    private static func safeScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int) -> Int? {
        let lead = bytes[j]
        if lead < 0xE0 {
            // C2 80 … C2 9F are the C1 controls (NEL among them).
            guard j + 1 < end, lead != 0xC2 || bytes[j + 1] >= 0xA0 else { return nil }
            return 2
        }
        if lead < 0xF0 {
            guard j + 2 < end else { return nil }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[j + 1] & 0x3F) << 6 | UInt32(bytes[j + 2] & 0x3F)
            guard value != 0xFEFF, value != 0x2028, value != 0x2029, value != 0xFFFE, value != 0xFFFF else { return nil }
            return 3
        }
        return j + 3 < end ? 4 : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
