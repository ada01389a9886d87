import DecuongCore

/// The labels an anchor is made of: a section's path with each label that repeats its
/// parent's (`1.2` under `1`) standing for both, and `đ` spelled `dd` (points đ and d
/// would share a slug). Built a level at a time as the tree is walked, where it was
/// rebuilt from the whole path for every section.
struct AnchorParts {
    private(set) var parts: [String] = []

    /// The parts of the path one level down, at `label`.
    func appending(_ label: String) -> AnchorParts {
        // Made at its size: removing from and appending to a copy of the parent's parts
        // copied them, then grew the copy.
        let replacesLast = parts.last.map { Self.extends(label, $0) } ?? false
        var next = AnchorParts()
        next.parts.reserveCapacity(replacesLast ? parts.count : parts.count + 1)
        next.parts.append(contentsOf: replacesLast ? parts.dropLast() : parts[...])
        next.parts.append(Self.isDStroke(label) ? "dd" : label)
        return next
    }

    /// `label == "đ"`: U+0111 has no decomposition and is no part of one, so only its own
    /// two bytes are equivalent to it (the string comparison went the slow way, "đ" not
    /// being ASCII).
    static func isDStroke(_ label: String) -> Bool {
        let utf8 = label.utf8
        return utf8.count == 2 && utf8.first == 0xC4 && utf8.last == 0x91
    }

    /// `Slug.make(parts.joined(separator: "-"))`.
    var slug: String {
        Self.asciiSlug(parts) ?? Slug.make(parts.joined(separator: "-"))
    }

    /// The parts of `path`, as the assembler made them from the whole path (the reference).
    static func reference(_ path: [String]) -> [String] {
        var parts: [String] = []
        for label in path {
            if let last = parts.last, label.hasPrefix(last + ".") { parts.removeLast() }
            parts.append(label == "đ" ? "dd" : label)
        }
        return parts
    }

    /// `label.hasPrefix(last + ".")`: on bytes when both are ASCII without CR, where each
    /// character is one byte and equivalent only to itself.
    static func extends(_ label: String, _ last: String) -> Bool {
        // From the two buffers: the views' generic walks cost some 400 instructions a section.
        let answer: Bool? = label.withUTF8Bytes { labelBytes in
            last.withUTF8Bytes { lastBytes -> Bool? in
                guard isPlain(labelBytes), isPlain(lastBytes) else { return nil }
                let count = lastBytes.count
                guard labelBytes.count > count, labelBytes[count] == UInt8(ascii: ".") else { return false }
                for index in 0..<count where labelBytes[index] != lastBytes[index] { return false }
                return true
            }
        }
        return answer ?? label.hasPrefix(last + ".")
    }

    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 || byte == 0x0D { return false }
        return true
    }

    /// `extends` as first written, on the strings' views: the reference for the tests.
    static func referenceExtends(_ label: String, _ last: String) -> Bool {
        label.hasPrefix(last + ".")
    }

    /// `Slug.make` of the joined parts when they are all ASCII (Roman and Arabic numbers,
    /// point letters): folding ASCII is lowercasing it, so the slug is made from the bytes,
    /// written straight into the string (no byte array to allocate and copy from).
    static func asciiSlug(_ parts: [String]) -> String? {
        // The slug keeps at most every byte and one hyphen between parts.
        var capacity = parts.count
        for part in parts { capacity += part.utf8.count }
        var ascii = true
        let slug = String(unsafeUninitializedCapacity: max(capacity, 1)) { out in
            var written = 0
            var pendingHyphen = false
            for (index, part) in parts.enumerated() {
                // The "-" joining the parts is not a slug character either.
                if index > 0, written > 0 { pendingHyphen = true }
                // From the part's buffer: the UTF-8 view's iterator cost more than the rest.
                let partIsASCII = part.withUTF8Bytes { units in
                    for unit in units {
                        guard unit < 0x80 else { return false }
                        let lower = unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit
                        if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                            if pendingHyphen {
                                out[written] = UInt8(ascii: "-")
                                written += 1
                            }
                            pendingHyphen = false
                            out[written] = lower
                            written += 1
                        } else if written > 0 {
                            pendingHyphen = true
                        }
                    }
                    return true
                }
                guard partIsASCII else {
                    ascii = false
                    return 0
                }
            }
            return written
        }
        // Cut as `Slug.make` cuts: at the last hyphen that fits the limit.
        guard ascii, slug.utf8.count <= Slug.defaultMaxLength else { return nil }
        return slug
    }

    /// `asciiSlug` as first written, through a byte array: the reference for the tests.
    static func referenceASCIISlug(_ parts: [String]) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var pendingHyphen = false
        for (index, part) in parts.enumerated() {
            if index > 0, !bytes.isEmpty { pendingHyphen = true }
            for unit in part.utf8 {
                guard unit < 0x80 else { return nil }
                let lower = unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingHyphen { bytes.append(UInt8(ascii: "-")) }
                    pendingHyphen = false
                    bytes.append(lower)
                } else if !bytes.isEmpty {
                    pendingHyphen = true
                }
            }
        }
        let limit = Slug.defaultMaxLength
        if bytes.count > limit { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
