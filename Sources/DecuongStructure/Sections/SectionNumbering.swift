import DecuongCore

/// A section's display number, made from its parent's one label at a time: the assembler
/// made an array of the labels for every section and read it for the number, where each
/// step down adds one label.
struct SectionNumbering {
    /// `Section.displayNumber(of: path)`.
    private(set) var displayNumber: String
    /// The parts `displayNumber` is made of (a sub-item's label replaces its parent's).
    private var parts: Int
    /// The last label of the path, the last part of `displayNumber`.
    private var label: String
    private var depth: Int

    /// The numbering above the outermost sections: an empty path.
    static let top = SectionNumbering(displayNumber: "", parts: 0, label: "", depth: 0)

    /// The numbering of a section labelled `label` below this one.
    func appending(_ label: String) -> SectionNumbering {
        var parts = self.parts
        // The bytes of the number kept before the label. As `Section.referenceDisplayNumber(of:)`:
        // a label that extends the last part (`1.3` after `1`) replaces it. The last part is
        // the parent's label, at the end of its number after a "." when there are more parts.
        var kept = displayNumber.utf8.count
        if parts > 0, Self.extends(label, self.label) {
            kept = parts > 1 ? kept - self.label.utf8.count - 1 : 0
            parts -= 1
        }
        let number = parts == 0 ? label : Self.number(displayNumber, kept: kept, then: label)
        return SectionNumbering(displayNumber: number, parts: parts + 1, label: label, depth: depth + 1)
    }

    /// The first `kept` bytes of `number` (cut before a "."), a ".", and the label, written
    /// into one string: the slice and two joins made a string each.
    private static func number(_ number: String, kept: Int, then label: String) -> String {
        number.withUTF8Bytes { head in
            label.withUTF8Bytes { tail in
                String(unsafeUninitializedCapacity: kept + 1 + tail.count) { out in
                    guard let base = out.baseAddress else { return 0 }
                    if let from = head.baseAddress { base.update(from: from, count: kept) }
                    base[kept] = 0x2E
                    if let from = tail.baseAddress { (base + kept + 1).update(from: from, count: tail.count) }
                    return kept + 1 + tail.count
                }
            }
        }
    }

    /// `label.hasPrefix(last + ".")`, on bytes when both are ASCII (where characters are
    /// equal only when their bytes are; `asciiDisplayNumber` gives the reasons).
    private static func extends(_ label: String, _ last: String) -> Bool {
        let ascii = label.withUTF8Bytes { bytes in
            last.withUTF8Bytes { lastBytes -> Bool? in
                for byte in bytes where byte >= 0x80 { return nil }
                for byte in lastBytes where byte >= 0x80 { return nil }
                guard bytes.count > lastBytes.count, bytes[lastBytes.count] == 0x2E else { return false }
                for k in 0..<lastBytes.count where bytes[k] != lastBytes[k] { return false }
                return true
            }
        }
        return ascii ?? label.hasPrefix(last + ".")
    }
}
