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

    private static let sortedWords = words.sorted { $0.count > $1.count }
    private static let lastCharacters = Set(words.compactMap(\.last))
    /// The kinds as scalars; each is NFC with one scalar per character, like the words.
    private static let sortedWordScalars = sortedWords.map { ($0, Array($0.unicodeScalars)) }

    /// The year inside a state number: `30/2020/NĐ-CP` → 2020.
    static func year(in id: String) -> Int? {
        for part in id.split(separator: "/") where part.count == 4 {
            if let value = Int(part), (1945...2200).contains(value) { return value }
        }
        return nil
    }
}
