/// A quick answer for the prefix tests on capitals (`KẾ HOẠCH`, `T/M `, `BÍ THƯ`): a text
/// whose second scalar is a lowercase letter has no such prefix. `hasPrefix` compares
/// characters by canonical equivalence, and a character that opens with a lowercase
/// letter is never equivalent to one that opens with a capital or a sign (no lowercase
/// letter decomposes to a capital; the tests check this against the Unicode tables). Most
/// lines of prose open with a capital and a lowercase letter, and `hasPrefix` costs about
/// a thousand instructions a call on Vietnamese text.
enum CapitalPrefix {
    /// Whether the scalar after the first one that is not in `leadingSpace` is lowercase.
    static func secondIsLowercase(_ text: String, skipping leadingSpace: (Unicode.Scalar) -> Bool = { _ in false }) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if leadingSpace(scalar) { continue }
            guard let second = scalars.next() else { return false }
            return second.isLowercaseFast
        }
        return false
    }
}
