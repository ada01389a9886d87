/// Splits text into `Syllable` tokens for the search index and for linking citations.
///
/// Letters and digits form separate tokens (`2022Ban`, a run-on left by conversion, gives
/// `2022` and `Ban`); combining marks stay with their letter, so NFD input tokenizes like
/// NFC. Everything else (spaces, punctuation) separates tokens and is not returned. A digit
/// run that begins a document number (see `DocumentNumberMatcher`) becomes one token for the
/// whole number, provided it does not continue a word (`ABC35-NQ/TW` is not one).
public enum Syllables {
    public static func split(_ s: String) -> [Syllable] {
        let scalars = Array(s.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        offsets.append(offset)

        var tokens: [Syllable] = []
        func emit(_ range: Range<Int>, _ kind: Syllable.Kind) {
            let text = String(String.UnicodeScalarView(scalars[range]))
            tokens.append(Syllable(text: text, utf16Range: offsets[range.lowerBound]..<offsets[range.upperBound], kind: kind))
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if VietnameseAlphabet.isLetter(scalar) {
                let end = runEnd(scalars, from: index, where: VietnameseAlphabet.isLetter)
                emit(index..<end, .word)
                index = end
            } else if VietnameseAlphabet.isDigit(scalar) {
                let followsWord = index > 0 && continuesToken(scalars[index - 1])
                if !followsWord, let end = DocumentNumberMatcher.match(scalars, from: index) {
                    emit(index..<end, .documentNumber)
                    index = end
                } else {
                    let end = runEnd(scalars, from: index, where: VietnameseAlphabet.isDigit)
                    emit(index..<end, .number)
                    index = end
                }
            } else {
                index += 1
            }
        }
        return tokens
    }

    private static func continuesToken(_ scalar: Unicode.Scalar) -> Bool {
        VietnameseAlphabet.isLetter(scalar) || VietnameseAlphabet.isDigit(scalar) || VietnameseAlphabet.isMark(scalar)
    }

    /// The end of a run of scalars of one class, marks included.
    private static func runEnd(_ scalars: [Unicode.Scalar], from start: Int,
                               where isMember: (Unicode.Scalar) -> Bool) -> Int {
        var index = start + 1
        while index < scalars.count, isMember(scalars[index]) || VietnameseAlphabet.isMark(scalars[index]) {
            index += 1
        }
        return index
    }
}
