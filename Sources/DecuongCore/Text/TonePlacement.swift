/// Where the tone mark of a Vietnamese syllable belongs, in the "new style" (kiểu mới): the
/// tone sits on the main vowel, so `hoà`, `khoẻ`, `thuỷ` rather than the old `hòa`, `khỏe`,
/// `thủy`. New style because its rule is phonological and has no exceptions to remember; the
/// choice only matters for comparison keys, since documents keep their own spelling.
///
/// The rule, applied to the vowel nucleus left after taking off the initial consonant
/// (where `qu` and `gi` are consonants: `quý`, `già`, but `gì`, `gìn` have `i` as vowel) and
/// the final consonant:
/// 1. a vowel with a quality mark (ă â ê ô ơ ư) takes the tone; in ươ the second one (`được`);
/// 2. otherwise, in a closed syllable (with a final consonant), the last vowel (`hoàn`, `huýt`);
/// 3. otherwise, three vowels: the middle one (`ngoài`, `khuỷu`); two vowels: the second for
///    the glide pairs oa, oe, uy (`hoà`, `khoẻ`, `thuỷ`) and the first for the rest (`mía`,
///    `của`, `cháo`); one vowel: that one.
///
/// Only letter runs that spell a Vietnamese syllable are touched; anything else (names,
/// foreign words, abbreviations) keeps its marks exactly where they are.
enum TonePlacement {
    /// A run of up to four letters packed into one integer (6 bits per letter index + 1), so
    /// the tables below are plain integer sets: this runs on every word of every document.
    private static func code<C: Collection>(_ indices: C) -> UInt32? where C.Element == Int {
        guard indices.count <= 4 else { return nil }
        return indices.reduce(0) { $0 << 6 | UInt32($1 + 1) }
    }

    private static func codes(_ spellings: [String]) -> Set<UInt32> {
        Set(spellings.compactMap { spelling in
            let indices = spelling.compactMap(VietnameseAlphabet.index(of:))
            return indices.count == spelling.count ? code(indices) : nil
        })
    }

    private static func letterIndex(_ letter: Character) -> Int { VietnameseAlphabet.index(of: letter) ?? -1 }

    private static let initials = codes([
        "ngh", "ng", "nh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "qu",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
    ])

    private static let finals = codes(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"])

    private static let vowels = Set("aăâeêioôơuưy".map(letterIndex))

    private static let markedVowels = Set("ăâêôơư".map(letterIndex))

    private static let glidePairs = codes(["oa", "oe", "uy"])

    /// The vowel nuclei of Vietnamese spelling; a run outside this list is not rewritten.
    private static let nuclei = codes([
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi",
        "ui", "ưi", "ưu", "ua", "ưa", "oa", "oă", "oe", "oo", "uâ", "uê", "uơ", "uô",
        "ươ", "uy", "iê", "yê",
        "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya",
        "uyu", "uyê", "uêu",
    ])

    /// The sets above as bits over every code of up to three letters (2^18 bits, 32 KiB each
    /// for the two large ones): a lookup is a shift and a load, where hashing cost about a
    /// hundred instructions, and tone placement asks four or five per word.
    struct CodeBits: Sendable {
        private let words: [UInt64]
        /// Codes of four letters, which the bits do not cover (none in the tables today).
        private let longer: Set<UInt32>

        init(_ codes: Set<UInt32>, letters: Int) {
            let limit = UInt32(1) << UInt32(6 * letters)
            var words = [UInt64](repeating: 0, count: Int(limit / 64) + 1)
            for code in codes where code < limit { words[Int(code >> 6)] |= 1 << UInt64(code & 63) }
            self.words = words
            longer = codes.filter { $0 >= limit }
        }

        @inline(__always)
        func contains(_ code: UInt32) -> Bool {
            let word = Int(code >> 6)
            guard word < words.count else { return longer.contains(code) }
            return words[word] >> UInt64(code & 63) & 1 != 0
        }
    }

    private static let initialBits = CodeBits(initials, letters: 3)
    private static let nucleusBits = CodeBits(nuclei, letters: 3)
    private static let finalBits = CodeBits(finals, letters: 2)
    private static let glidePairBits = CodeBits(glidePairs, letters: 2)

    private static let g = letterIndex("g")
    private static let q = letterIndex("q")

    /// Vowels and marked vowels as bits over the alphabet's indices (fewer than 64), read
    /// once per letter: the sets hashed each.
    private static let vowelBits: UInt64 = vowels.reduce(0) { $0 | 1 << UInt64($1) }
    private static let markedVowelBits: UInt64 = markedVowels.reduce(0) { $0 | 1 << UInt64($1) }

    @inline(__always)
    private static func isVowel(_ index: Int, _ bits: UInt64) -> Bool {
        index >= 0 && index < 64 && bits >> UInt64(index) & 1 != 0
    }

    /// The position in `letters` (alphabet indices, see `VietnameseAlphabet.letters`) of the
    /// letter that carries the tone, or nil when the letters do not spell a Vietnamese syllable.
    static func toneIndex(_ letters: [Int]) -> Int? {
        letters.withUnsafeBufferPointer { toneIndex($0) }
    }

    /// `toneIndex` over letters held anywhere: tone placement runs on every word of every
    /// name and title that is sorted or keyed, and the arrays it made were most of its cost.
    static func toneIndex(_ letters: UnsafeBufferPointer<Int>) -> Int? {
        // Longest initial first, so that `ngh` wins over `ng` and `n`.
        var start = 0
        for length in stride(from: min(3, letters.count), through: 1, by: -1) {
            if let prefix = code(letters[..<length]), initialBits.contains(prefix) {
                start = length
                break
            }
        }
        // In `gì`, `gìn` the i is the vowel, not part of the consonant.
        if start == 2, letters[0] == g || letters[0] == q,
           letters.count == 2 || !isVowel(letters[2], vowelBits) {
            start = 1
        }
        var end = start
        while end < letters.count, isVowel(letters[end], vowelBits) { end += 1 }
        let nucleus = letters[start..<end]
        guard !nucleus.isEmpty,
              let nucleusCode = code(nucleus), nucleusBits.contains(nucleusCode),
              let finalCode = code(letters[end...]), finalBits.contains(finalCode) else { return nil }
        let offset: Int
        if let marked = nucleus.lastIndex(where: { isVowel($0, markedVowelBits) }) {
            offset = marked - start
        } else if end < letters.count {
            offset = nucleus.count - 1
        } else if nucleus.count == 3 {
            offset = 1
        } else if nucleus.count == 2 {
            offset = glidePairBits.contains(nucleusCode) ? 1 : 0
        } else {
            offset = 0
        }
        return start + offset
    }

    /// The most letters a syllable has: an initial of three (`ngh`), a nucleus of three
    /// (`uyê`) and a final of two (`ng`). `toneIndex` answers nil for anything longer.
    static let longestSyllable = 8

    /// Moves the tone of the word `scalars[range]` (NFC) to its canonical vowel, in place.
    /// Returns whether anything changed; words that are not Vietnamese syllables, or whose
    /// letters carry stray combining marks, are left alone.
    static func canonicalize(_ scalars: inout [Unicode.Scalar], in range: Range<Int>) -> Bool {
        // Longer runs are no syllable (`toneIndex` would say nil): nothing to read.
        guard range.count <= longestSyllable else { return false }
        let found: (from: Int, to: Int, untoned: Unicode.Scalar, retoned: Unicode.Scalar)? =
            withUnsafeTemporaryAllocation(of: VietnameseAlphabet.Letter.self, capacity: longestSyllable) { letters in
                // Both element types are trivial, so the buffers need no deinitializing.
                withUnsafeTemporaryAllocation(of: Int.self, capacity: longestSyllable) { indices in
                    var count = 0
                    var toned = -1
                    for position in range {
                        guard let letter = VietnameseAlphabet.letter(composed: scalars[position]), !letter.isForeign else {
                            return nil
                        }
                        if letter.tone != .level {
                            // Two tones in one word: not a syllable this rule knows how to place.
                            guard toned < 0 else { return nil }
                            toned = count
                        }
                        letters.initializeElement(at: count, to: letter)
                        indices.initializeElement(at: count, to: letter.index)
                        count += 1
                    }
                    let from = toned
                    guard from >= 0,
                          let to = toneIndex(UnsafeBufferPointer(indices.extracting(..<count))), to != from,
                          let untoned = VietnameseAlphabet.composedScalar(index: letters[from].index, tone: .level,
                                                                          uppercase: letters[from].isUppercase),
                          let retoned = VietnameseAlphabet.composedScalar(index: letters[to].index, tone: letters[from].tone,
                                                                          uppercase: letters[to].isUppercase) else { return nil }
                    return (from, to, untoned, retoned)
                }
            }
        guard let found else { return false }
        scalars[range.lowerBound + found.from] = found.untoned
        scalars[range.lowerBound + found.to] = found.retoned
        return true
    }

    /// `canonicalize` as it was first written, with arrays and sets: the reference the
    /// equivalence tests compare the fast one against.
    static func canonicalizeReference(_ scalars: inout [Unicode.Scalar], in range: Range<Int>) -> Bool {
        var letters: [VietnameseAlphabet.Letter] = []
        letters.reserveCapacity(range.count)
        var toned: Int?
        for position in range {
            guard let letter = VietnameseAlphabet.letter(composed: scalars[position]), !letter.isForeign else {
                return false
            }
            if letter.tone != .level {
                guard toned == nil else { return false }
                toned = letters.count
            }
            letters.append(letter)
        }
        guard let from = toned,
              let to = toneIndexReference(letters.map(\.index)), to != from,
              let untoned = VietnameseAlphabet.composedScalar(index: letters[from].index, tone: .level,
                                                              uppercase: letters[from].isUppercase),
              let retoned = VietnameseAlphabet.composedScalar(index: letters[to].index, tone: letters[from].tone,
                                                              uppercase: letters[to].isUppercase) else { return false }
        scalars[range.lowerBound + from] = untoned
        scalars[range.lowerBound + to] = retoned
        return true
    }

    /// `toneIndex` as first written, over sets (see `canonicalizeReference`).
    static func toneIndexReference(_ letters: [Int]) -> Int? {
        var start = 0
        for length in stride(from: min(3, letters.count), through: 1, by: -1) {
            if let prefix = code(letters[..<length]), initials.contains(prefix) {
                start = length
                break
            }
        }
        if start == 2, letters[0] == g || letters[0] == q,
           letters.count == 2 || !vowels.contains(letters[2]) {
            start = 1
        }
        var end = start
        while end < letters.count, vowels.contains(letters[end]) { end += 1 }
        let nucleus = letters[start..<end]
        guard !nucleus.isEmpty,
              let nucleusCode = code(nucleus), nuclei.contains(nucleusCode),
              let finalCode = code(letters[end...]), finals.contains(finalCode) else { return nil }
        let offset: Int
        if let marked = nucleus.lastIndex(where: { markedVowels.contains($0) }) {
            offset = marked - start
        } else if end < letters.count {
            offset = nucleus.count - 1
        } else if nucleus.count == 3 {
            offset = 1
        } else if nucleus.count == 2 {
            offset = glidePairs.contains(nucleusCode) ? 1 : 0
        } else {
            offset = 0
        }
        return start + offset
    }
}
