import DecuongCore
import DecuongMarkdown

/// Work on a string's UTF-8 that the recognizer does per line or per section, where the
/// standard library's general paths (generic views, counting before copying) cost more
/// than the work itself.
enum UTF8Scalars {
    /// `Array(text.unicodeScalars)`, decoded from the UTF-8 in one pass into an array of
    /// the UTF-8 length (no scalar is shorter than one byte): the standard library counts
    /// the scalars first, then decodes them again to copy them.
    static func array(_ text: String) -> [Unicode.Scalar] {
        text.withUTF8Bytes { array($0, from: 0, to: $0.count) }
    }

    /// The scalars of the valid UTF-8 `bytes[start..<end]`, `start` a scalar's first byte and
    /// `end` the end of one, decoded as `array(_:)` decodes a whole text.
    static func array(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: max(end - start, 0)) { buffer, count in
            var i = start
            var k = 0
            // A String's UTF-8 is valid: each lead byte gives its scalar's length.
            while i < end {
                // A run of ASCII (most bytes of a Vietnamese text) in a loop of its own:
                // each byte is its scalar, which needs no check.
                while i < end, bytes[i] < 0x80 {
                    buffer[k] = Unicode.Scalar(bytes[i])
                    i += 1
                    k += 1
                }
                guard i < end else { break }
                let (value, length) = Syllables.decode(bytes, at: i)
                i += length
                // Valid UTF-8 encodes only scalar values.
                buffer[k] = Unicode.Scalar(value) ?? "\u{FFFD}"
                k += 1
            }
            count = k
        }
    }

    /// `text.unicodeScalars.first`, decoded from the first bytes: the scalar view checks
    /// and aligns its indices first, for every line.
    static func first(_ text: String) -> Unicode.Scalar? {
        text.withUTF8Bytes(first)
    }

    static func first(_ text: InlineText) -> Unicode.Scalar? {
        text.withUTF8Bytes(first)
    }

    static func first(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard !bytes.isEmpty else { return nil }
        return Unicode.Scalar(Syllables.decode(bytes, at: 0).0)
    }

    /// `text.unicodeScalars.last`, decoded from the last bytes.
    static func last(_ text: String) -> Unicode.Scalar? {
        text.withUTF8Bytes(last)
    }

    static func last(_ text: InlineText) -> Unicode.Scalar? {
        text.withUTF8Bytes(last)
    }

    static func last(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var start = bytes.count - 1
        guard start >= 0 else { return nil }
        if bytes[start] < 0x80 { return Unicode.Scalar(bytes[start]) }
        // Back over the continuation bytes (10xxxxxx) to the lead byte.
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var value = UInt32(bytes[start]) & (0x7F >> (bytes.count - start))
        for index in (start + 1)..<bytes.count { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// `text.trimmed()`, returning `text` itself when neither end is white space (nearly
    /// every line): the generic `trimmed` walks scalars through protocol witnesses.
    static func trimmed(_ text: String) -> String {
        // The end bytes from the buffer: the view's generic `last` stepped an index back.
        guard let (first, last) = text.withUTF8Bytes({ bytes -> (UInt8, UInt8)? in
            guard let first = bytes.first, let last = bytes.last else { return nil }
            return (first, last)
        }) else { return text }
        // The spaces `trimmed` removes start with these bytes (A0: C2; U+2007, U+202F: E2;
        // U+3000: E3) and end with these (A0; 87, AF; 80): other ends cannot be one.
        let firstMay = first == 0x20 || (first >= 0x09 && first <= 0x0D) || first == 0xC2 || first == 0xE2 || first == 0xE3
        let lastMay = last == 0x20 || (last >= 0x09 && last <= 0x0D) || last == 0xA0 || last == 0x87 || last == 0xAF
            || last == 0x80
        return firstMay || lastMay ? text.trimmed() : text
    }

    /// Where the first `characters` characters of `text` end (a UTF-8 offset) and how many
    /// there were (fewer when the text is shorter), when they and the scalar after them
    /// each stand alone (`ScalarText.isSimple`, CR excluded); nil otherwise.
    static func simplePrefix(_ text: String, characters: Int) -> (offset: Int, count: Int)? {
        text.withUTF8Bytes { simplePrefix($0, characters: characters) }
    }

    static func simplePrefix(_ bytes: UnsafeBufferPointer<UInt8>, characters: Int) -> (offset: Int, count: Int)? {
        let n = bytes.count
        var i = 0
        var walked = 0
        while i < n {
            let byte = bytes[i]
            let length: Int
            if byte < 0x80 {
                guard byte != 0x0D else { return nil }
                length = 1
            } else if byte <= 0xCB {
                length = 2
            } else if i + 2 < n, (byte == 0xE1 && bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB)
                        || (byte == 0xE2 && ((bytes[i + 1] == 0x80 && ((bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0xA7) || bytes[i + 2] >= 0xB0))
                            || (bytes[i + 1] == 0x81 && bytes[i + 2] <= 0x9E))) {
                length = 3
            } else {
                return nil
            }
            // The scalar after the prefix is checked too: it must not join the last one.
            if walked == characters { break }
            walked += 1
            i += length
        }
        return (i, walked)
    }
}
