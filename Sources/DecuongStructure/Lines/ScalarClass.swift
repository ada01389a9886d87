extension Unicode.Scalar {
    /// Tests the scanners run on every scalar, with an ASCII fast path: looking up Unicode
    /// properties for each scalar was a large share of the recognizer's time.
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    // Vietnamese letters sit in Latin-1, Latin Extended-A/B and Latin Extended Additional,
    // where every scalar but × and ÷ is a letter, and capitals come first in each pair
    // (Ạ ạ … Ỹ ỹ); the tests check these answers against the property tables.
    var isLetterFast: Bool {
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        if (value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7) || (value >= 0x1E00 && value <= 0x1EFF) {
            return true
        }
        return properties.isAlphabetic
    }

    var isUppercaseFast: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0xC0 && value <= 0xFF { return value <= 0xDE && value != 0xD7 }
        if value >= 0x1EA0 && value <= 0x1EF9 { return value & 1 == 0 }
        switch value {
        case 0x0102, 0x0110, 0x0128, 0x0168, 0x01A0, 0x01AF: return true
        case 0x0103, 0x0111, 0x0129, 0x0169, 0x01A1, 0x01B0: return false
        default: return properties.isUppercase
        }
    }

    var isLowercaseFast: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if value >= 0xC0 && value <= 0xFF { return value >= 0xDF && value != 0xF7 }
        if value >= 0x1EA0 && value <= 0x1EF9 { return value & 1 == 1 }
        switch value {
        case 0x0102, 0x0110, 0x0128, 0x0168, 0x01A0, 0x01AF: return false
        case 0x0103, 0x0111, 0x0129, 0x0169, 0x01A1, 0x01B0: return true
        default: return properties.isLowercase
        }
    }
}
