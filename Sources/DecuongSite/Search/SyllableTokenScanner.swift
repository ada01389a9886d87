import DecuongCore

/// `Syllables.scan` with its loop in this module, so that the index's per-token work (its
/// callback) is inlined into it: called across modules, the scanner paid a closure call per
/// token and the index an `append` to hand the tokens over. `Syllables.scan` stays the
/// reference; `SyllableTokenScannerTests` checks the two agree.
enum SyllableTokenScanner {
    /// Each token of `text` in order, as its byte range and kind; `table` is
    /// `SyllableByteClasses.table`.
    /// Indices move with wrapping adds: each stays below `text.count`, and a checked add per
    /// byte was an overflow branch the loop did not need.
    @inline(__always)
    static func forEach(_ text: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>,
                        _ visit: (_ start: Int, _ end: Int, _ kind: Syllable.Kind) -> Void) {
        let letter = SyllableByteClasses.letter, digit = SyllableByteClasses.digit, mark = SyllableByteClasses.mark
        let count = text.count
        // Converted once: `UInt32(table.count)` checked its range again for every scalar.
        let limit = UInt32(clamping: table.count)
        var index = 0
        // Whether the scalar before `index` is a letter, digit or mark: a digit run right after
        // one continues a word (`ABC35-NQ/TW`) and cannot begin a document number.
        var afterToken = false
        while index < count {
            let byte = text[index]
            let flags: UInt8
            let length: Int
            if byte < 0x80 {
                flags = table[Int(byte)]
                length = 1
            } else {
                let scalar: UInt32
                (scalar, length) = Syllables.decode(text, at: index)
                flags = scalar < limit ? table[Int(scalar)] : SyllableByteClasses.of(scalar)
            }
            if flags & letter != 0 {
                let end = runEnd(text, from: index &+ length, member: letter | mark, table, limit)
                visit(index, end, .word)
                index = end
                afterToken = true
            } else if flags & digit != 0 {
                if !afterToken, let end = SyllableByteClasses.documentNumberEnd(text, from: index) {
                    visit(index, end, .documentNumber)
                    index = end
                } else {
                    let end = runEnd(text, from: index &+ length, member: digit | mark, table, limit)
                    visit(index, end, .number)
                    index = end
                }
                afterToken = true
            } else {
                afterToken = flags & mark != 0
                index &+= length
            }
        }
    }

    @inline(__always)
    private static func runEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int, member: UInt8,
                               _ table: UnsafeBufferPointer<UInt8>, _ limit: UInt32) -> Int {
        var index = start
        while index < text.count {
            let byte = text[index]
            if byte < 0x80 {
                guard table[Int(byte)] & member != 0 else { return index }
                index &+= 1
                continue
            }
            let (scalar, length) = Syllables.decode(text, at: index)
            let flags = scalar < limit ? table[Int(scalar)] : SyllableByteClasses.of(scalar)
            guard flags & member != 0 else { return index }
            index &+= length
        }
        return index
    }
}
