/// The letter, digit and mark flags that `Syllables.scan` reads, for byte scanners in other
/// modules that keep their loop inline (the search index's word coder): a call into this
/// module for every scalar cost more than the rest of the scan.
public enum SyllableByteClasses {
    public static let letter = ScalarClass.letter
    public static let digit = ScalarClass.digit
    public static let mark = ScalarClass.mark

    /// The flags of each scalar below `table.count`; `of` gives those of the others.
    public static let table: [UInt8] = ScalarClass.table

    /// The flags of any scalar.
    public static func of(_ scalar: UInt32) -> UInt8 {
        ScalarClass.table.withUnsafeBufferPointer { ScalarClass.of(scalar, $0) }
    }
}
