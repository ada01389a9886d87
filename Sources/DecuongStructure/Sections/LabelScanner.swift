import DecuongCore
/// Reads a numbering label at the start of a line's text. Recognizes forms only; whether
/// a label really opens a section (sequence, case of the title) is `SectionBuilder`'s call.
enum LabelScanner {
    /// The Vietnamese alphabet as used for points: a b c d đ e g h i k l m n o p q r s t u v x y.
    static let pointLetters: [Character] = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
                                            "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]

    static func scan(_ text: String) -> SectionLabel? {
        switch LabelFastScanner.scan(text) {
        case .decided(let label): label
        case .undecided: scanCharacters(text)
        }
    }

    /// `scan` on characters: the path for text `LabelFastScanner` leaves, and its reference.
    static func scanCharacters(_ text: String) -> SectionLabel? {
        // Most lines start with none of the label forms; decide that without building arrays.
        var scalars = text.unicodeScalars.makeIterator()
        guard let head = scalars.next() else { return nil }
        let second = scalars.next()
        let possible = head.isASCIIDigit || "PpCcĐđIVXLC".unicodeScalars.contains(head)
            || (second == ")" && head.isLowercaseFast)
        guard possible else { return nil }
        // Labels are short: read them from the first characters only, then take the title
        // from the whole line (a run-in item's line can be thousands of characters).
        let chars = leadingCharacters(text, 48)
        guard let first = chars.first else { return nil }
        let found: SectionLabel?
        if first.isASCIIDigit {
            found = arabic(chars)
        } else if let word = keyword(chars) {
            found = word
        } else if let roman = roman(chars) {
            found = roman
        } else {
            found = point(chars)
        }
        guard var label = found else { return nil }
        let rest = text.dropFirst(label.length)
        let spaces = rest.prefix { $0.isWhitespace }.count
        label.length += spaces
        label.title = String(rest.dropFirst(spaces))
        return label
    }

    // MARK: Arabic: 1. 1- 1) 1.1. 1.1

    private static func arabic(_ chars: [Character]) -> SectionLabel? {
        var components: [Int] = []
        var i = 0
        while true {
            let start = i
            while i < chars.count, chars[i].isASCIIDigit { i += 1 }
            // One or two ASCII digits (each its own character), read without a string.
            let count = i - start
            guard count >= 1, count <= 2, let first = chars[start].asciiValue else { return nil }
            var value = Int(first) - 48
            if count == 2, let second = chars[start + 1].asciiValue { value = value * 10 + Int(second) - 48 }
            // `1.000` is a number, not a label.
            if !components.isEmpty, count > 1, first == UInt8(ascii: "0") { return nil }
            components.append(value)
            if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCIIDigit {
                i += 1
                continue
            }
            break
        }
        var marker = String(chars[0..<i])
        if i < chars.count, chars[i] == "." || chars[i] == "-" || chars[i] == ")" || chars[i] == "–" {
            // `1-2 tháng` or `1.5%` are not labels: a delimiter must be followed by space or end.
            if i + 1 < chars.count, !chars[i + 1].isWhitespace { return nil }
            marker.append(chars[i])
            i += 1
        } else if components.count == 1 || (i < chars.count && !chars[i].isWhitespace) {
            // A lone number needs its delimiter; `1.1 Title` may omit the final dot.
            return nil
        }
        let rest = restAfter(chars, i)
        return SectionLabel(form: .arabic, label: components.map(String.init).joined(separator: "."), marker: marker,
                            numbers: components, length: rest.offset, title: rest.text)
    }

    // MARK: Phần, Chương, Điều

    private static let ordinals: [String: Int] = [
        "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    ]

    private static func keyword(_ chars: [Character]) -> SectionLabel? {
        // Only "Phần", "Chương", "Điều" (any case) can start a keyword label.
        guard let first = chars.first, first == "P" || first == "p" || first == "C" || first == "c" || first == "Đ" || first == "đ"
        else { return nil }
        // Lowercased, the first word must be "phần", "chương" or "điều": its second scalar,
        // so its second character, is h or i (most "C…" and "Đ…" lines stop here).
        guard chars.count >= 2, chars[1] == "h" || chars[1] == "H" || chars[1] == "i" || chars[1] == "I" else { return nil }
        let words = String(chars.prefix(40)).split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        let head = words[0].lowercased()
        let form: SectionLabel.Form
        switch head {
        case "phần": form = .part
        case "chương": form = .chapter
        case "điều": form = .article
        default: return nil
        }
        var numberWord = String(words[1])
        var labelWords = [capitalized(head)]
        var value: Int?
        if form == .part, numberWord.lowercased() == "thứ", words.count >= 3 {
            let ordinal = String(words[2]).trimmingCharacters(in: CharacterSet(charactersIn: ".:-–"))
            value = ordinals[ordinal.lowercased()]
            labelWords += ["thứ", ordinal.lowercased()]
            numberWord = ordinal
        } else {
            let bare = numberWord.trimmingCharacters(in: CharacterSet(charactersIn: ".:-–"))
            value = Int(bare) ?? romanValue(bare)
            labelWords.append(bare)
            numberWord = bare
        }
        guard let value, value > 0 else { return nil }
        if form == .article, !(chars.count > 0) { return nil }
        // Length: through the number word and any delimiter and spaces after it.
        let prefixWords = labelWords.count
        var i = 0
        var seen = 0
        while i < chars.count, seen < prefixWords {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            while i < chars.count, !chars[i].isWhitespace { i += 1 }
            seen += 1
        }
        // Strip a delimiter glued to the number (`Điều 1.`), then a standalone one (`Phần I -`).
        var end = i
        while end > 0, ".:-–".contains(chars[end - 1]) { end -= 1 }
        var j = i
        while j < chars.count, chars[j].isWhitespace { j += 1 }
        if j < chars.count, ":-–.".contains(chars[j]), j + 1 >= chars.count || chars[j + 1].isWhitespace { i = j + 1 }
        let rest = restAfter(chars, i)
        return SectionLabel(form: form, label: labelWords.joined(separator: " "), marker: String(chars[0..<end]),
                            numbers: [value], length: rest.offset, title: rest.text)
    }

    // MARK: Roman: I- I. II) IV -

    private static func roman(_ chars: [Character]) -> SectionLabel? {
        var i = 0
        while i < chars.count, isRomanDigit(chars[i]) { i += 1 }
        guard i > 0 else { return nil }
        var j = i
        while j < chars.count, chars[j] == " " { j += 1 }
        // The delimiter before the value: most lines that reach here open with a word
        // ("Các", "Xây dựng"), and reading a numeral is the dearer test.
        guard j < chars.count, isRomanDelimiter(chars[j]), let value = romanValue(String(chars[0..<i])) else { return nil }
        // `I.` glued to a word (`I.Kế`) is accepted; `V.I.Lênin` is not.
        if j + 1 < chars.count, chars[j + 1] == "." || chars[j + 1].isASCIIDigit { return nil }
        let marker = String(chars[0..<i]) + String(chars[j])
        let rest = restAfter(chars, j + 1)
        return SectionLabel(form: .roman, label: String(chars[0..<i]), marker: marker, numbers: [value],
                            length: rest.offset, title: rest.text)
    }

    /// `"IVXLC".contains(c)`, without iterating a string's characters for each test.
    private static func isRomanDigit(_ c: Character) -> Bool {
        c == "I" || c == "V" || c == "X" || c == "L" || c == "C"
    }

    /// `[".", "-", "–", ")", ":"].contains(c)`, without building the array for each test.
    private static func isRomanDelimiter(_ c: Character) -> Bool {
        c == "." || c == "-" || c == "–" || c == ")" || c == ":"
    }

    private static let romanValues: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]

    static func romanValue(_ text: String) -> Int? {
        let values = romanValues
        guard !text.isEmpty, text.count <= 8 else { return nil }
        var total = 0
        let digits = text.compactMap { values[$0] }
        guard digits.count == text.count else { return nil }
        for (index, value) in digits.enumerated() {
            if index + 1 < digits.count, value < digits[index + 1] { total -= value } else { total += value }
        }
        // Only canonical spellings: IIII or VX are not numerals.
        return toRoman(total) == text ? total : nil
    }

    private static let romanTable: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                                                      (5, "V"), (4, "IV"), (1, "I")]

    static func toRoman(_ value: Int) -> String {
        var n = value
        var out = ""
        for (amount, symbol) in romanTable {
            while n >= amount {
                out += symbol
                n -= amount
            }
        }
        return out
    }

    // MARK: Points: a) b) đ)

    private static func point(_ chars: [Character]) -> SectionLabel? {
        guard chars.count >= 2, chars[1] == ")", let index = pointLetters.firstIndex(of: chars[0]) else { return nil }
        let rest = restAfter(chars, 2)
        return SectionLabel(form: .point, label: String(chars[0]), marker: String(chars[0...1]), numbers: [index],
                            length: rest.offset, title: rest.text)
    }

    // MARK: Helpers

    /// `Array(text.prefix(count))`, without grapheme breaking when the scalars there (and
    /// the one after them, which could join the last) each stand alone.
    static func leadingCharacters(_ text: String, _ count: Int) -> [Character] {
        var out: [Character] = []
        out.reserveCapacity(count)
        for scalar in text.unicodeScalars {
            guard ScalarText.isSimple(scalar), scalar != "\r" else { return Array(text.prefix(count)) }
            if out.count == count { break }
            out.append(scalar.value < 0x2000 ? characters[Int(scalar.value)] : Character(scalar))
        }
        return out
    }

    /// Each character below U+2000 (ASCII, the Latin blocks and Latin Extended Additional,
    /// where Vietnamese lives), made once: building a `Character` from a scalar builds a
    /// string, and labels are read from up to 48 of them per line. Surrogate code points
    /// are not below U+2000, so every entry is a scalar.
    private static let characters: [Character] = (0..<0x2000).map { value in
        Unicode.Scalar(UInt32(value)).map(Character.init) ?? " "
    }

    private static func restAfter(_ chars: [Character], _ index: Int) -> (offset: Int, text: String) {
        var i = min(index, chars.count)
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        // The title is taken from the whole line by `scan`; the label only needs its length.
        return (i, "")
    }

    private static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }
}

import Foundation
