import DecuongContent
import DecuongCore
import DecuongMarkdown
import Foundation
import Testing
@testable import DecuongStructure

/// The recognizer's fast paths against the code they replaced, on text built to break
/// them: each must give exactly what the old code gave.
@Suite struct FastPathEquivalenceTests {
    static let pieces: [String] = [
        "a", "B", "z", " ", " ", " ", ".", ",", ":", ";", "!", "?", "*", "**", "-", "(", ")", "/", "1", "2", "3", "0", "12",
        "\t", "\n", "\r", "\r\n", "\u{A0}", "\u{2007}", "|", "_", "=", "~", "–", "—",
        "ệ", "Ệ", "đ", "Đ", "ư", "ơ", "ă", "à", "À", "á", "Á", "ỹ", "ạ", "Ă",
        "ngày", "Ngày", "NGÀY", "tháng", "THÁNG", "năm", "NĂM", "ngày 21 tháng 4 năm 2023", "21/4/2023", "31-4-2023",
        "I.", "II-", "IV ", "1.", "1.1.", "a)", "đ)", "Phần", "Chương", "Điều", "thứ", "hai",
        "e\u{0302}\u{0323}", "a\u{0300}", "\u{0301}", "\u{0323}", "\u{200D}", "\u{200B}", "\u{FE0F}",
        "“", "”", "…", "‼", "\u{0600}", "\u{093F}", "\u{1100}", "\u{1161}", "👍", "🇻🇳", "İ", "Σ", "ß", "\u{212B}",
    ]

    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func string(_ maxPieces: Int = 60) -> String {
            var out = ""
            for _ in 0..<Int(next() % UInt64(maxPieces + 1)) {
                out += FastPathEquivalenceTests.pieces[Int(next() % UInt64(FastPathEquivalenceTests.pieces.count))]
            }
            return out
        }
    }

    @Test func cleanAndFirstSentence() {
        var random = Random(state: 11)
        for round in 0..<4000 {
            let text = random.string(round % 4 == 0 ? 300 : 60)
            #expect(TextShape.clean(text) == Reference.clean(text), "\(Array(text.unicodeScalars))")
            #expect(SectionAssembler.firstSentence(text) == Reference.firstSentence(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func lineTests() {
        var random = Random(state: 12)
        for _ in 0..<4000 {
            let text = random.string(8)
            #expect(LineExtractor.isPageNumber(text) == Reference.isPageNumber(text), "\(Array(text.unicodeScalars))")
            #expect(LineExtractor.isDecoration(text) == Reference.isDecoration(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func leadingCharacters() {
        var random = Random(state: 13)
        for _ in 0..<4000 {
            let text = random.string(40)
            for count in [0, 1, 2, 5, 48] {
                #expect(LabelScanner.leadingCharacters(text, count) == Array(text.prefix(count)), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func dates() {
        var random = Random(state: 14)
        for _ in 0..<4000 {
            let scalars = Array(random.string(40).unicodeScalars)
            #expect(DateScanner.scan(scalars) == Reference.scanDates(scalars), "\(scalars)")
        }
    }

    @Test func droppingCharactersFromInlines() {
        var random = Random(state: 15)
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
        for _ in 0..<3000 {
            var inlines: [Inline] = []
            for _ in 0..<Int(random.next() % 4) {
                let text = random.string(6)
                switch random.next() % 4 {
                case 0: inlines.append(Inline(.code(text), range: range))
                case 1: inlines.append(Inline(.strong([Inline(.text(InlineText(text)), range: range)]), range: range))
                default: inlines.append(Inline(.text(InlineText(text)), range: range))
                }
            }
            for count in 0..<8 {
                #expect(InlineEditing.dropPrefix(inlines, characters: count) == Reference.drop(inlines, count, fromEnd: false))
                #expect(InlineEditing.dropSuffix(inlines, characters: count) == Reference.drop(inlines, count, fromEnd: true))
            }
        }
    }
}

/// The implementations before the fast paths, verbatim but for names.
private enum Reference {
    static func clean(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "*" || scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func firstSentence(_ text: String) -> String {
        let chars = Array(text.unicodeScalars.prefix(400))
        var end = chars.count
        for (i, c) in chars.enumerated() where c == "." || c == ":" || c == ";" || c == "!" || c == "?" {
            let next: Unicode.Scalar = i + 1 < chars.count ? chars[i + 1] : " "
            if next == " " || next == "\n" {
                end = i
                break
            }
        }
        var sentence = String(String.UnicodeScalarView(chars[0..<end]))
        if sentence.unicodeScalars.count > 120 {
            let cut = Substring(String(String.UnicodeScalarView(sentence.unicodeScalars.prefix(120))))
            sentence = cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)
            return sentence.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
        }
        return sentence.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
    }

    static func isPageNumber(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 3 && text.allSatisfy(\.isASCIIDigit)
    }

    static func isDecoration(_ text: String) -> Bool {
        text.isEmpty || text.allSatisfy { "|*-_=~–—.".contains($0) || $0.isWhitespace }
    }

    static func drop(_ inlines: [Inline], _ count: Int, fromEnd: Bool) -> [Inline] {
        var remaining = count
        return drop(inlines, remaining: &remaining, fromEnd: fromEnd)
    }

    private static func drop(_ inlines: [Inline], remaining: inout Int, fromEnd: Bool) -> [Inline] {
        var out: [Inline] = []
        for inline in fromEnd ? inlines.reversed() : inlines {
            guard remaining > 0 else {
                out.append(inline)
                continue
            }
            func cut(_ literal: String, _ make: (String) -> InlineKind) {
                if literal.count <= remaining {
                    remaining -= literal.count
                } else {
                    let kept = fromEnd ? literal.dropLast(remaining) : literal.dropFirst(remaining)
                    out.append(Inline(make(String(kept)), range: inline.range))
                    remaining = 0
                }
            }
            switch inline.kind {
            case .text(let text): cut(text.string) { .text(InlineText($0)) }
            case .code(let code): cut(code) { .code($0) }
            case .emphasis, .strong, .strikethrough, .link:
                let children = drop(inline.children, remaining: &remaining, fromEnd: fromEnd)
                if !children.isEmpty { out.append(inline.replacingChildren(children)) }
            default:
                out.append(inline)
            }
        }
        return fromEnd ? out.reversed() : out
    }

    // DateScanner.scan as it was.
        static func scanDates(_ chars: [Unicode.Scalar]) -> [DateScanner.Match] {
            var matches: [DateScanner.Match] = []
            var i = 0
            while i < chars.count {
                if let found = numeric(chars, at: i) ?? worded(chars, at: i) {
                    var match = found
                    // A range: `D/M/Y - D/M/Y` or `D/M/Y – D/M/Y`.
                    var j = match.range.upperBound
                    while j < chars.count, chars[j] == " " { j += 1 }
                    if j < chars.count, (chars[j] == "-" || chars[j] == "–" || chars[j] == "—") {
                        j += 1
                        while j < chars.count, chars[j] == " " { j += 1 }
                        if let end = numeric(chars, at: j) {
                            match.endDate = end.date
                            match.range = match.range.lowerBound..<end.range.upperBound
                            match.isImpossible = match.isImpossible || end.isImpossible
                        }
                    }
                    match.text = String(String.UnicodeScalarView(chars[match.range]))
                    matches.append(match)
                    i = match.range.upperBound
                } else {
                    i += 1
                }
            }
            return matches
        }

        /// `D/M/YYYY` or `D-M-YYYY` (or `.`), not inside a longer number or a document number.
        private static func numeric(_ chars: [Unicode.Scalar], at start: Int) -> DateScanner.Match? {
            guard start < chars.count, chars[start].isASCIIDigit else { return nil }
            if start > 0, chars[start - 1].isASCIIDigit || chars[start - 1] == "/" || chars[start - 1].isLetterFast { return nil }
            var i = start
            func number(maxDigits: Int) -> Int? {
                let s = i
                while i < chars.count, chars[i].isASCIIDigit, i - s < maxDigits { i += 1 }
                return i > s ? Int(String(String.UnicodeScalarView(chars[s..<i]))) : nil
            }
            guard let day = number(maxDigits: 2), i < chars.count else { return nil }
            let separator = chars[i]
            guard separator == "/" || separator == "-" || separator == "." else { return nil }
            i += 1
            guard let month = number(maxDigits: 2), i < chars.count, chars[i] == separator else { return nil }
            i += 1
            let yearStart = i
            guard let year = number(maxDigits: 4), i - yearStart == 4 else { return nil }
            if i < chars.count, chars[i].isASCIIDigit || chars[i] == "/" || (separator == "-" && chars[i].isLetterFast) { return nil }
            return make(day: day, month: month, year: year, range: start..<i, chars: chars)
        }

        /// `ngày 21 tháng 4 năm 2023`, with any spacing or line wrapping between the words.
        private static func worded(_ chars: [Unicode.Scalar], at start: Int) -> DateScanner.Match? {
            guard start + 4 < chars.count, chars[start] == "n" || chars[start] == "N" else { return nil }
            if start > 0, chars[start - 1].isLetterFast { return nil }
            var i = start
            func word(_ expected: String) -> Bool {
                while i < chars.count, chars[i].properties.isWhitespace { i += 1 }
                let end = i + expected.unicodeScalars.count
                guard end <= chars.count, String(String.UnicodeScalarView(chars[i..<end])).lowercased() == expected else { return false }
                if end < chars.count, chars[end].isLetterFast { return false }
                i = end
                return true
            }
            func number(maxDigits: Int) -> Int? {
                while i < chars.count, chars[i].properties.isWhitespace { i += 1 }
                let s = i
                while i < chars.count, chars[i].isASCIIDigit, i - s < maxDigits { i += 1 }
                return i > s ? Int(String(String.UnicodeScalarView(chars[s..<i]))) : nil
            }
            guard word("ngày"), let day = number(maxDigits: 2), word("tháng"), let month = number(maxDigits: 2),
                  word("năm"), let year = number(maxDigits: 4), year >= 1000 else { return nil }
            return make(day: day, month: month, year: year, range: start..<i, chars: chars)
        }

        private static func make(day: Int, month: Int, year: Int, range: Range<Int>, chars: [Unicode.Scalar]) -> DateScanner.Match? {
            guard (1800...2200).contains(year), (1...12).contains(month) || (1...31).contains(day) else { return nil }
            if let iso = ISODate.make(year: year, month: month, day: day) {
                return DateScanner.Match(date: iso, range: range, text: String(String.UnicodeScalarView(chars[range])))
            }
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            let iso = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            return DateScanner.Match(date: iso, range: range, text: String(String.UnicodeScalarView(chars[range])), isImpossible: true)
        }
}

@Suite struct ScalarClassTests {
    @Test func fastClassesMatchThePropertyTables() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isLetterFast == (value < 0x80 ? scalar.properties.isAlphabetic : scalar.properties.isAlphabetic),
                    "U+\(String(value, radix: 16))")
            #expect(scalar.isUppercaseFast == scalar.properties.isUppercase, "U+\(String(value, radix: 16))")
            #expect(scalar.isLowercaseFast == scalar.properties.isLowercase, "U+\(String(value, radix: 16))")
        }
    }
}

@Suite struct CitationKindEquivalenceTests {
    @Test func kindsMatchCharacterComparison() {
        var random = FastPathEquivalenceTests.Random(state: 21)
        let kinds = CitationKinds.words + ["số", "Số", "SỐ", "NGHỊ QUYẾT", "Kế Hoạch", "xkế hoạch", "a\u{0301}n", "thi\u{0323}"]
        for _ in 0..<3000 {
            var text = random.string(6)
            for _ in 0..<Int(random.next() % 3) { text += [" ", ": ", " số ", ""][Int(random.next() % 4)] + kinds[Int(random.next() % UInt64(kinds.count))] }
            text += [" ", ": ", " số ", " số: ", ""][Int(random.next() % 5)]
            let scalars = Array(text.unicodeScalars)
            #expect(CitationKinds.kind(before: scalars.count, in: scalars) == Self.reference(before: scalars.count, in: scalars),
                    "\(scalars)")
        }
    }

    /// `CitationKinds.kind` as it was, on characters only.
    static func reference(before offset: Int, in chars: [Unicode.Scalar]) -> String? {
        var end = min(offset, chars.count)
        while end > 0, chars[end - 1] == " " || chars[end - 1] == ":" { end -= 1 }
        let window = String(String.UnicodeScalarView(chars[max(0, end - 30)..<end])).lowercased()
        var head = Substring(window)
        if head.hasSuffix("số") {
            head = head.dropLast(2)
            while head.last == " " { head.removeLast() }
        }
        for word in CitationKinds.words.sorted(by: { $0.count > $1.count }) where head.hasSuffix(word) {
            let before = head.dropLast(word.count).last
            if let before, before.isLetter { continue }
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        return nil
    }
}

@Suite struct KindLineEquivalenceTests {
    @Test func kindLinesMatchTheFullComparison() {
        var random = FastPathEquivalenceTests.Random(state: 31)
        let heads = DocumentKinds.all + ["\u{212A}Ế HOẠCH", "K\u{0301}Ế HOẠCH", "  KẾ HOẠCH", "\u{3000}HƯỚNG DẪN", "Kế hoạch", "KẾ HOẠCHS", ""]
        for _ in 0..<3000 {
            let text = heads[Int(random.next() % UInt64(heads.count))] + [" ", ": ", " số ", ""][Int(random.next() % 4)] + random.string(6)
            let fast = DocumentKinds.kindLine(text)
            let slow = Self.reference(text)
            #expect(fast?.kind == slow?.kind && fast?.rest == slow?.rest, "\(Array(text.unicodeScalars))")
        }
    }

    /// `DocumentKinds.kindLine` as it was.
    static func reference(_ text: String) -> (kind: String, rest: String)? {
        let trimmed = text.trimmed()
        for kind in DocumentKinds.all where trimmed.hasPrefix(kind) {
            let rest = trimmed.dropFirst(kind.count)
            if let next = rest.first, next.isLetter { continue }
            let title = rest.trimmingCharacters(in: CharacterSet(charactersIn: " :.-–"))
            if title.lowercased().hasPrefix("số ") { return nil }
            if !title.isEmpty, TextShape.uppercaseRatio(title) < 0.7 { return nil }
            return (kind, title)
        }
        return nil
    }
}
