/// Letter, digit and mark flags of scalars as `VietnameseAlphabet` classifies them, read from
/// a table for the scripts a Vietnamese site holds: the Unicode property lookup behind
/// `isLetter` was the costliest step of tokenizing, and it runs for every scalar.
enum ScalarClass {
    static let letter: UInt8 = 1
    static let digit: UInt8 = 2
    static let mark: UInt8 = 4

    /// Up to the end of Latin Extended Additional (ạ … ỹ) and the punctuation after it.
    private static let tableEnd: UInt32 = 0x2100

    /// Read through a buffer pointer taken once per text: a global's lazy initialization
    /// check on every scalar showed in profiles.
    static let table: [UInt8] = (0..<tableEnd).map(compute)

    @inline(__always)
    static func of(_ scalar: UInt32, _ table: UnsafeBufferPointer<UInt8>) -> UInt8 {
        scalar < tableEnd ? table[Int(scalar)] : compute(scalar)
    }

    private static func compute(_ value: UInt32) -> UInt8 {
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        var flags: UInt8 = 0
        if VietnameseAlphabet.isLetter(scalar) { flags |= letter }
        if VietnameseAlphabet.isDigit(scalar) { flags |= digit }
        if VietnameseAlphabet.isMark(scalar) { flags |= mark }
        return flags
    }
}
