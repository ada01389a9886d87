import DecuongCore
/// The kinds of document named before a number: "Nghị quyết số 35-NQ/TW".
enum CitationKinds {
    static let words = [
        "nghị quyết", "kế hoạch", "công văn", "chỉ thị", "kết luận", "quy định", "hướng dẫn", "thông tư",
        "nghị định", "quyết định", "thông báo", "thông tri", "luật", "báo cáo", "chương trình", "đề án",
        "tờ trình", "quy chế", "điều lệ", "pháp lệnh", "thông tư liên tịch",
    ]

    /// The kind word right before a number (skipping `số`, `:` and spaces), sentence case.
    static func kind(before offset: Int, in chars: [Unicode.Scalar]) -> String? {
        var end = min(offset, chars.count)
        while end > 0, chars[end - 1] == " " || chars[end - 1] == ":" { end -= 1 }
        if let known = simpleKind(chars, max(0, end - 30)..<end) { return known }
        let window = ScalarText.lowercased(ScalarText.string(chars[max(0, end - 30)..<end]))
        var head = Substring(window)
        if head.hasSuffix("số") {
            head = head.dropLast(2)
            while head.last == " " { head.removeLast() }
        }
        // `hasSuffix` compares characters from the end: without a kind's last character
        // there, no kind can match.
        guard let last = head.last, lastCharacters.contains(last) else { return nil }
        let headScalars = Array(head.unicodeScalars)
        if ScalarText.isSimple(scalars: headScalars) {
            // Each scalar is a character and the text is NFC: comparing scalars is what
            // `hasSuffix` does, without building characters.
            for (word, wordScalars) in sortedWordScalars
            where headScalars.count >= wordScalars.count && headScalars.suffix(wordScalars.count).elementsEqual(wordScalars) {
                let before = headScalars.count - wordScalars.count - 1
                if before >= 0, Character(headScalars[before]).isLetter { continue }
                return word.prefix(1).uppercased() + word.dropFirst()
            }
            return nil
        }
        for word in sortedWords where head.hasSuffix(word) {
            let before = head.dropLast(word.count).last
            if let before, before.isLetter { continue }
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        return nil
    }

    /// `kind(before:in:)` read from the scalars of `window`, without the strings, or nil
    /// when that needs the standard library: every scalar must be its own character (see
    /// `ScalarText.isSimple`) with a one-to-one lowercase mapping known here. Then the
    /// lowercased window has the same scalars at the same places, characters are scalars,
    /// and comparing them is what `hasSuffix` does.
    private static func simpleKind(_ chars: [Unicode.Scalar], _ window: Range<Int>) -> String?? {
        // The window lowercased once, on the stack (it holds at most 30 scalars).
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(1, window.count)) { lowered -> String?? in
            var count = 0
            for k in window {
                guard let lower = lowercase(chars[k]) else { return nil }
                lowered[count] = lower
                count += 1
            }
            var end = count
            if end >= 2, lowered[end - 2] == "s", lowered[end - 1] == "\u{1ED1}" {
                end -= 2
                while end > 0, lowered[end - 1] == " " { end -= 1 }
            }
            let kinds = sortedKindScalars
            for index in kinds.indices {
                let word = kinds[index]
                guard end >= word.count else { continue }
                let wordStart = end - word.count
                // From the end: most kinds differ in their last letter.
                var k = word.count - 1
                while k >= 0, lowered[wordStart + k] == word[k] { k -= 1 }
                guard k < 0 else { continue }
                if wordStart > 0, isLetter(lowered[wordStart - 1]) { continue }
                return .some(sortedTitles[index])
            }
            return .some(nil)
        }
    }

    /// `Character(scalar).isLetter` (the scalar standing alone), ASCII answered by value:
    /// the scalar before a kind is nearly always a space, and the property lookup cost
    /// some 350 instructions.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x80 ? (value | 0x20) &- 0x61 < 26 : Character(scalar).isLetter
    }

    /// The lowercase of a scalar that stands alone as a character, for ASCII and the
    /// Vietnamese letters (as `ScalarText.lowercased` maps them); nil for any other scalar.
    /// CR joins a following LF, and U+2028…U+202F are not taken as characters on their own.
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        // ASCII, most of a window, without the switch of `simpleLowercase`.
        if value < 0x80 {
            if value == 0x0D { return nil }
            return value &- 0x41 < 26 ? Unicode.Scalar(UInt8(truncatingIfNeeded: value | 0x20)) : scalar
        }
        if (0x2028...0x202F).contains(value) { return nil }
        return ScalarText.simpleLowercase(scalar)
    }

    /// `lowercase` as it was: the reference for the tests.
    static func referenceLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value == 0x0D || (0x2028...0x202F).contains(value) { return nil }
        return ScalarText.simpleLowercase(scalar)
    }

    private static let sortedWords = words.sorted { $0.count > $1.count }
    /// The kinds in sentence case, as `kind` returns them.
    private static let sortedTitles = sortedWords.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    private static let lastCharacters = Set(words.compactMap(\.last))
    /// The kinds as scalars; each is NFC with one scalar per character, like the words.
    private static let sortedWordScalars = sortedWords.map { ($0, Array($0.unicodeScalars)) }
    private static let sortedKindScalars = sortedWords.map { Array($0.unicodeScalars) }

    /// The year inside a state number: `30/2020/NĐ-CP` → 2020.
    static func year(in id: String) -> Int? {
        for part in id.split(separator: "/") where part.count == 4 {
            if let value = Int(part), (1945...2200).contains(value) { return value }
        }
        return nil
    }
}
