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

extension SyllableByteClasses {
    /// `Syllables.scan`'s end of the document number at the digit at `start`, or nil, for
    /// the same callers. Before the matcher reads scalars, the bytes after the digits must
    /// hold what it needs first: past digits and the spaces it skips (space, tab, U+00A0,
    /// U+202F), a dash or `/` (or a digit of another script, left to it). A Vietnamese word
    /// after a number (`năm 2023 đã`) sent most digit runs to the matcher before.
    public static func documentNumberEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        scan: while index < text.count {
            switch text[index] {
            case 0x30...0x39, 0x20, 0x09: index += 1
            case 0x2F, 0x2D: break scan
            case 0x80...:
                let (scalar, length) = Syllables.decode(text, at: index)
                switch scalar {
                case 0xA0, 0x202F: index += length
                case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: break scan
                default:
                    guard of(scalar) & digit != 0 else { return nil }
                    break scan
                }
            default: return nil
            }
        }
        guard index < text.count else { return nil }
        return Syllables.documentNumberEnd(text, from: start)
    }
}
