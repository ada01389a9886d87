/// Recognizes a document number (số ký hiệu) at the start of a digit run, so that the
/// tokenizer keeps `35-NQ/TW` or `30/2020/NĐ-CP` whole instead of cutting it into syllables.
///
/// Shape: digits, then any `/digits` (a year), then `-` or `/`, then letter groups joined by
/// `-`, `/` or `.`. A group starts with an uppercase letter and is uppercase letters and
/// digits (`QH13`), except that a lowercase tail after two capitals is allowed for `TTg`
/// (Thủ tướng). To stay clear of ordinary prose (`1-MỤC ĐÍCH`, `30/4-Ngày`, `năm 2023 -
/// Kế hoạch`) a number needs two groups, or one group after a year (`80/2015/QH13`); spaces
/// around the first dash (`14 - KH/ĐU.KBT`, `115- HD/BTGW`) are accepted only with two groups.
/// A group after `.` must be all capitals, so `35-NQ/TW.Đồng thời` stops at `TW`.
enum DocumentNumberMatcher {
    /// The end (exclusive) of the document number starting at `start`, or nil.
    static func match(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = digitsEnd(scalars, from: start)
        guard index > start else { return nil }
        var hasYear = false
        while index + 1 < scalars.count, scalars[index] == "/", VietnameseAlphabet.isDigit(scalars[index + 1]) {
            index = digitsEnd(scalars, from: index + 1)
            hasYear = true
        }
        var cursor = spacesEnd(scalars, from: index)
        var spaced = cursor > index
        guard cursor < scalars.count, isDash(scalars[cursor]) || scalars[cursor] == "/" else { return nil }
        cursor += 1
        let afterSpaces = spacesEnd(scalars, from: cursor)
        spaced = spaced || afterSpaces > cursor
        guard let first = group(scalars, at: afterSpaces) else { return nil }
        var end = first.end
        var groups = 1
        while end + 1 < scalars.count, isGroupSeparator(scalars[end]),
              let next = group(scalars, at: end + 1), scalars[end] != "." || next.allUppercase {
            end = next.end
            groups += 1
        }
        return groups >= 2 || (hasYear && !spaced) ? end : nil
    }

    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x002D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: true
        default: false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0020, 0x0009, 0x00A0, 0x202F: true
        default: false
        }
    }

    private static func isGroupSeparator(_ scalar: Unicode.Scalar) -> Bool {
        isDash(scalar) || scalar == "/" || scalar == "."
    }

    private static func digitsEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, VietnameseAlphabet.isDigit(scalars[index]) { index += 1 }
        return index
    }

    private static func spacesEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, isSpace(scalars[index]) { index += 1 }
        return index
    }

    private static func group(_ scalars: [Unicode.Scalar], at start: Int) -> (end: Int, allUppercase: Bool)? {
        guard start < scalars.count, groupCategory(scalars[start]) == .uppercaseLetter else { return nil }
        var index = start
        var capitals = 0
        var lowercaseSeen = false
        scan: while index < scalars.count {
            switch groupCategory(scalars[index]) {
            case .uppercaseLetter, .titlecaseLetter:
                if lowercaseSeen { return nil }
                capitals += 1
            case .lowercaseLetter, .otherLetter, .modifierLetter:
                lowercaseSeen = true
            case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                break
            default:
                break scan
            }
            index += 1
        }
        if lowercaseSeen && capitals < 2 { return nil }
        return (index, !lowercaseSeen)
    }

    /// The general category as `group` reads it: exact beyond ASCII; in ASCII, letters and
    /// digits from their values and everything else as punctuation, which ends a group as
    /// every other ASCII category (spaces, controls, symbols) does. Most of a number is ASCII,
    /// and the Unicode property lookup cost about 330 instructions a scalar.
    @inline(__always)
    static func groupCategory(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory {
        switch scalar.value {
        case 0x41...0x5A: .uppercaseLetter
        case 0x61...0x7A: .lowercaseLetter
        case 0x30...0x39: .decimalNumber
        case 0..<0x80: .otherPunctuation
        default: scalar.properties.generalCategory
        }
    }
}
