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
    /// the same callers. Before the matcher reads scalars, the bytes must hold what it needs
    /// first: digits, any `/year`, the spaces it skips (space, tab, U+00A0, U+202F), a dash or
    /// `/`, spaces, then a capital letter (a group's start). Dates (`05/4/2023 của`), ranges
    /// (`2020-2025`) and words after numbers sent most digit runs to the matcher before.
    /// What the bytes cannot settle (a digit of another script, a letter past ASCII) goes to
    /// the matcher as before.
    public static func documentNumberEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = text.count
        @inline(__always) func digitsEnd(_ from: Int) -> Int {
            var index = from
            while index < count, text[index] &- 0x30 < 10 { index += 1 }
            return index
        }
        @inline(__always) func isOtherDigit(_ index: Int) -> Bool {
            index < count && text[index] >= 0x80 && of(Syllables.decode(text, at: index).0) & digit != 0
        }
        @inline(__always) func spacesEnd(_ from: Int) -> Int {
            var index = from
            while index < count {
                switch text[index] {
                case 0x20, 0x09: index += 1
                case 0xC2 where index + 1 < count && text[index + 1] == 0xA0: index += 2
                case 0xE2 where index + 2 < count && text[index + 1] == 0x80 && text[index + 2] == 0xAF: index += 3
                default: return index
                }
            }
            return index
        }
        var index = digitsEnd(start)
        guard index > start else { return Syllables.documentNumberEnd(text, from: start) }
        while true {
            if isOtherDigit(index) { return Syllables.documentNumberEnd(text, from: start) }
            guard index + 1 < count, text[index] == 0x2F else { break }
            if text[index + 1] &- 0x30 < 10 {
                index = digitsEnd(index + 1)
            } else if isOtherDigit(index + 1) {
                return Syllables.documentNumberEnd(text, from: start)
            } else {
                break
            }
        }
        index = spacesEnd(index)
        guard index < count else { return nil }
        // The dash or slash: `-`, `/`, U+2010–U+2013, U+2212.
        switch text[index] {
        case 0x2D, 0x2F: index += 1
        case 0xE2 where index + 2 < count && text[index + 1] == 0x80 && (0x90...0x93).contains(text[index + 2]): index += 3
        case 0xE2 where index + 2 < count && text[index + 1] == 0x88 && text[index + 2] == 0x92: index += 3
        default: return nil
        }
        index = spacesEnd(index)
        guard index < count else { return nil }
        if text[index] < 0x80, !(0x41...0x5A).contains(text[index]) { return nil }
        return Syllables.documentNumberEnd(text, from: start)
    }
}
