/// Recognizes the pre-Unicode Vietnamese encodings that old Word files still use, by the
/// bytes their most common letters take. A guess for the hint only; nothing is converted.
enum LegacyVietnameseEncoding {
    static func guess(_ bytes: [UInt8]) -> String? {
        var high = 0
        var tcvn3 = 0
        var vni = 0
        for (index, byte) in bytes.enumerated() where byte >= 0x80 {
            high += 1
            // TCVN3 (ABC) puts đ at 0xAE, ư at 0xAD, ơ at 0xAC, â at 0xA9, ê at 0xAA, ô at 0xAB.
            if (0xA9...0xAE).contains(byte) { tcvn3 += 1 }
            // VNI writes marks as a second byte after an ASCII vowel (e.g. "a" + 0xEF).
            if index > 0, "aeiouyAEIOUY".utf8.contains(bytes[index - 1]), (0xC0...0xFF).contains(byte) { vni += 1 }
        }
        guard high >= 4 else { return nil }
        if tcvn3 * 3 >= high { return "TCVN3 (ABC)" }
        if vni * 2 >= high { return "VNI" }
        return nil
    }
}
