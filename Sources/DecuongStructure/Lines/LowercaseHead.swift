import DecuongCore

/// The openers asked of a line's start ("(kèm theo", "căn cứ", …) were tested by taking a
/// prefix of characters, lowercasing it and calling `hasPrefix`: some thousands of
/// instructions a line. Where the first scalars each stand alone as a character
/// (`ScalarText.isSimple`) and lowercase to one scalar, the same answer comes from
/// comparing scalars: characters are scalars there, and the openers are NFC and simple.
struct LowercaseHead {
    /// The lowercase of the first `count` characters, one scalar each.
    let scalars: [Unicode.Scalar]

    /// Nil unless the first `count + 1` scalars (or all, when fewer) are simple, not CR, and
    /// lowercase to one scalar: the one after the `count` must not join the last of them.
    init?(_ text: String, count: Int) {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(count + 1)
        for scalar in text.unicodeScalars {
            guard ScalarText.isSimple(scalar), scalar.value != 0x0D, let lower = ScalarText.simpleLowercase(scalar) else {
                return nil
            }
            out.append(lower)
            if out.count > count { break }
        }
        if out.count > count { out.removeLast() }
        scalars = out
    }

    /// `lowercased(prefix).hasPrefix(opener)` for an opener made by `openers`.
    func starts(with opener: [Unicode.Scalar]) -> Bool {
        scalars.starts(with: opener)
    }

    /// The openers as scalars, or nil when one of them is not simple (then the callers
    /// compare characters).
    static func openers(_ words: [String]) -> [[Unicode.Scalar]]? {
        let scalars = words.map { Array($0.unicodeScalars) }
        return scalars.allSatisfy { ScalarText.isSimple(scalars: $0) } ? scalars : nil
    }
}
