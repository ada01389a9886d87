import Foundation

/// NFC and NFD without Foundation's normalizer for the text we nearly always see: NFC already,
/// in ASCII and the Latin blocks Vietnamese uses. Foundation's normalization costs tens of
/// thousands of instructions per string, and sorting an index computes thousands of keys.
/// Anything else (combining marks, other scripts) still goes through Foundation, so the
/// results are exactly Foundation's.
public enum CanonicalForms {
    /// `s` in NFC.
    public static func nfc(_ s: String) -> String {
        VietnameseText.mayNeedComposition(s) ? s.precomposedStringWithCanonicalMapping : s
    }

    /// The scalars of `s` in NFD.
    static func nfdScalars(_ s: String) -> [Unicode.Scalar] {
        guard !VietnameseText.mayNeedComposition(s) else {
            return Array(s.decomposedStringWithCanonicalMapping.unicodeScalars)
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.unicodeScalars.underestimatedCount + 8)
        // Read once: each read of a static in the loop was a `swift_once` call.
        let (decompositions, ends) = flatDecompositions
        for scalar in s.unicodeScalars {
            if scalar.isASCII {
                out.append(scalar)
            } else if let index = Self.tableIndex(scalar) {
                // From one flat array: appending each scalar's own array retained it.
                for position in (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index]) {
                    out.append(decompositions[position])
                }
            } else {
                return Array(s.decomposedStringWithCanonicalMapping.unicodeScalars)
            }
        }
        return out
    }

    /// Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional (where the
    /// Vietnamese letters with two marks live).
    private static let ranges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x1E00...0x1EFF]

    private static func tableIndex(_ scalar: Unicode.Scalar) -> Int? {
        // `ranges`, written out: reading the static array cost a `swift_once` per scalar.
        let value = scalar.value
        if value >= 0x80 && value <= 0x24F { return Int(value - 0x80) }
        if value >= 0x1E00 && value <= 0x1EFF { return Int(value - 0x1E00) + (0x24F - 0x80 + 1) }
        return nil
    }

    /// `latinDecompositions` end to end, and where each one ends.
    private static let flatDecompositions: (scalars: [Unicode.Scalar], ends: [UInt32]) = {
        var scalars: [Unicode.Scalar] = []
        var ends: [UInt32] = []
        for decomposition in latinDecompositions {
            scalars += decomposition
            ends.append(UInt32(scalars.count))
        }
        return (scalars, ends)
    }()

    /// Each scalar of `ranges`, decomposed by Foundation once.
    private static let latinDecompositions: [[Unicode.Scalar]] = ranges.flatMap { range in
        range.map { value -> [Unicode.Scalar] in
            guard let scalar = Unicode.Scalar(value) else { return [] }
            return Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        }
    }
}
