import DecuongCore

/// A section's path (`["II", "1", "1.3"]`) kept as one string, the labels joined by U+001F:
/// an array of strings per section was an allocation of some 64 bytes held by every loaded
/// section, where the joined labels are short and nearly always fit a string's inline
/// storage (15 bytes), so cost nothing beyond the section's own 16.
///
/// Any labels round-trip: U+001E and U+001F inside a label are escaped (U+001E U+001E and
/// U+001E U+001D), and the empty path is a lone U+001E, which no other path makes (an
/// escape is always followed by its code). Equality stays the arrays' (each label up to
/// canonical equivalence): the controls added are starters that never compose or reorder
/// with what is around them, so normalizing the joined string normalizes each label on
/// its own, and equal joined strings have their separators in the same places.
enum SectionPathText {
    static let separator: UInt8 = 0x1F
    static let escape: UInt8 = 0x1E
    /// What follows `escape` for a separator byte inside a label.
    static let escapedSeparator: UInt8 = 0x1D
    static let emptyPath = "\u{1E}"

    static func joined(_ path: [String]) -> String {
        guard let first = path.first else { return emptyPath }
        // Bytes of a label to escape: read on the contiguous UTF-8, as the generic view
        // stepped through an index per byte.
        var capacity = path.count - 1
        var escapes = 0
        for index in path.indices {
            path[index].withUTF8Bytes { bytes in
                capacity += bytes.count
                for byte in bytes where byte == separator || byte == escape { escapes += 1 }
            }
        }
        // One plain label is its own text: the same string, shared.
        if path.count == 1, escapes == 0 { return first }
        capacity += escapes
        return String(unsafeUninitializedCapacity: capacity) { out in
            guard let base = out.baseAddress else { return 0 }
            var written = 0
            for index in path.indices {
                if index > 0 {
                    base[written] = separator
                    written += 1
                }
                path[index].withUTF8Bytes { bytes in
                    written = writeLabel(bytes, escaping: escapes > 0, into: base, at: written)
                }
            }
            return written
        }
    }

    /// `joined([label])`, without the array: the label itself unless it holds a byte to escape.
    static func single(_ label: String) -> String {
        let plain = label.withUTF8Bytes { bytes in
            for byte in bytes where byte == separator || byte == escape { return false }
            return true
        }
        return plain ? label : joined([label])
    }

    /// `joined(path + [label])` from `joined(path)`, for a path that is not empty.
    static func appending(_ label: String, to text: String) -> String {
        var escapes = 0
        let labelCount = label.withUTF8Bytes { bytes in
            for byte in bytes where byte == separator || byte == escape { escapes += 1 }
            return bytes.count
        }
        return text.withUTF8Bytes { head in
            String(unsafeUninitializedCapacity: head.count + 1 + labelCount + escapes) { out in
                guard let base = out.baseAddress else { return 0 }
                if let from = head.baseAddress { base.update(from: from, count: head.count) }
                var written = head.count
                base[written] = separator
                written += 1
                label.withUTF8Bytes { bytes in
                    written = writeLabel(bytes, escaping: escapes > 0, into: base, at: written)
                }
                return written
            }
        }
    }

    static func labels(_ text: String) -> [String] {
        if text == emptyPath { return [] }
        guard text.utf8.contains(where: { $0 == separator || $0 == escape }) else { return [text] }
        var labels: [String] = []
        var current: [UInt8] = []
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                current.append(byte == escapedSeparator ? separator : byte)
                escaped = false
            } else if byte == escape {
                escaped = true
            } else if byte == separator {
                labels.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        labels.append(String(decoding: current, as: UTF8.self))
        return labels
    }

    /// Writes a label's bytes at `at`, a separator or escape byte in it escaped when
    /// `escaping` (the label holds one); where the label ends.
    private static func writeLabel(_ bytes: UnsafeBufferPointer<UInt8>, escaping: Bool,
                                   into base: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
        guard let from = bytes.baseAddress else { return start }
        guard escaping else {
            (base + start).update(from: from, count: bytes.count)
            return start + bytes.count
        }
        var written = start
        for byte in bytes {
            if byte == separator || byte == escape {
                base[written] = escape
                base[written + 1] = byte == separator ? escapedSeparator : escape
                written += 2
            } else {
                base[written] = byte
                written += 1
            }
        }
        return written
    }
}
