extension Unicode.Scalar {
    /// Tests the scanners run on every scalar, with an ASCII fast path: looking up Unicode
    /// properties for each scalar was a large share of the recognizer's time.
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    var isLetterFast: Bool {
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        return properties.isAlphabetic
    }

    var isUppercaseFast: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }

    var isLowercaseFast: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return properties.isLowercase
    }
}
