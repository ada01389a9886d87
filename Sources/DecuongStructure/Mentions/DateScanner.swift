import DecuongCore
import DecuongContent

/// Finds dates in running text: `21/4/2023`, `21-4-2023`, `ngày 21 tháng 4 năm 2023`
/// (also wrapped over lines), and ranges such as `(01/01/2004 - 01/01/2024)`.
enum DateScanner {
    struct Match: Sendable, Hashable {
        /// ISO date.
        var date: String
        var endDate: String?
        /// Scalar offsets in the scanned text.
        var range: Range<Int>
        var text: String
        /// Set when the text names a date that cannot exist (`31/4/2023`).
        var isImpossible = false
    }

    static func scan(_ text: String) -> [Match] {
        scan(Array(text.unicodeScalars))
    }

    /// Matches with scalar offsets.
    static func scan(_ chars: [Unicode.Scalar]) -> [Match] {
        // Both forms need a digit; most runs of prose have none, and "n" starts many words.
        guard chars.contains(where: \.isASCIIDigit) else { return [] }
        return scan(chars, hasDigit: true)
    }

    /// `scan(chars).first`, the scan stopped at its first match (a citation reads the
    /// date right after it from its next 40 scalars).
    static func first(in chars: [Unicode.Scalar]) -> Match? {
        guard chars.contains(where: \.isASCIIDigit) else { return nil }
        return scan(chars, hasDigit: true, limit: 1).first
    }

    /// Matches in text known to hold an ASCII digit (`hasDigit`), or none; at most `limit`
    /// of them, the first ones.
    static func scan(_ chars: [Unicode.Scalar], hasDigit: Bool, limit: Int = .max) -> [Match] {
        guard hasDigit else { return [] }
        var matches: [Match] = []
        var i = 0
        while i < chars.count {
            // Dates start with a digit or with "ngày": skip every other scalar cheaply.
            i = chars.withUnsafeBufferPointer { buffer in
                var k = i
                while k < buffer.count {
                    // Four scalars at a time while none is a digit, "n" or "N".
                    if let base = buffer.baseAddress, buffer.count &- k >= 4 {
                        let block = UnsafeRawPointer(base + k).loadUnaligned(as: SIMD4<UInt32>.self)
                        if !any(((block &- 0x30) .< 10) .| ((block | 0x20) .== 0x6E)) {
                            k &+= 4
                            continue
                        }
                    }
                    let value = buffer[k].value
                    if value &- 0x30 < 10 || value == 0x6E || value == 0x4E {
                        // Neither form starts right after an ASCII letter (a letter, which
                        // both turn away). A numeric date starts after no digit nor "/"
                        // (`numeric` turns those away: every digit but a number's first
                        // stopped here), and "ngày" needs its "g" and its "à" right after
                        // the "n" ("những", "người", "nghị" are most of the n's that stopped).
                        let raw = k > 0 ? buffer[k &- 1].value : 0
                        let afterLetter = (raw | 0x20) &- 0x61 < 26
                        if value &- 0x30 < 10
                            ? !afterLetter && raw &- 0x30 >= 10 && raw != 0x2F
                            : !afterLetter && k &+ 2 < buffer.count && buffer[k &+ 1].value | 0x20 == 0x67
                                && (buffer[k &+ 2].value == 0xE0 || buffer[k &+ 2].value == 0xC0) {
                            break
                        }
                    }
                    k &+= 1
                }
                return k
            }
            guard i < chars.count else { break }
            let head = chars[i]
            // "ngày" is the only word a date starts with: an "n" not followed by "g" starts none.
            let mayBeWorded = head.isASCIIDigit || (i + 1 < chars.count && (chars[i + 1] == "g" || chars[i + 1] == "G"))
            if mayBeWorded, let found = numeric(chars, at: i) ?? worded(chars, at: i) {
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
                        // `make` wrote the text of the first date alone.
                        match.text = ScalarText.string((chars[match.range]))
                    }
                }
                matches.append(match)
                if matches.count >= limit { break }
                i = match.range.upperBound
            } else {
                i += 1
            }
        }
        return matches
    }

    /// `D/M/YYYY` or `D-M-YYYY` (or `.`), not inside a longer number or a document number.
    private static func numeric(_ chars: [Unicode.Scalar], at start: Int) -> Match? {
        guard start < chars.count, chars[start].isASCIIDigit else { return nil }
        if start > 0, chars[start - 1].isASCIIDigit || chars[start - 1] == "/" || chars[start - 1].isLetterFast { return nil }
        var i = start
        func number(maxDigits: Int) -> Int? {
            let s = i
            // At most four ASCII digits: their value is what `Int(String)` reads.
            var value = 0
            while i < chars.count, chars[i].isASCIIDigit, i - s < maxDigits {
                value = value * 10 + Int(chars[i].value - 0x30)
                i += 1
            }
            return i > s ? value : nil
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

    private static let ngay: [(lower: Unicode.Scalar, upper: Unicode.Scalar)] = [("n", "N"), ("g", "G"), ("à", "À"), ("y", "Y")]
    private static let thang: [(lower: Unicode.Scalar, upper: Unicode.Scalar)] = [("t", "T"), ("h", "H"), ("á", "Á"), ("n", "N"), ("g", "G")]
    private static let nam: [(lower: Unicode.Scalar, upper: Unicode.Scalar)] = [("n", "N"), ("ă", "Ă"), ("m", "M")]

    /// `ngày 21 tháng 4 năm 2023`, with any spacing or line wrapping between the words.
    private static func worded(_ chars: [Unicode.Scalar], at start: Int) -> Match? {
        guard start + 4 < chars.count, chars[start] == "n" || chars[start] == "N" else { return nil }
        if start > 0, chars[start - 1].isLetterFast { return nil }
        var i = start
        // The words as scalars, each with the one capital that lowercases to it: comparing
        // scalars gives what lowercasing the text and comparing strings gave (no other
        // scalar lowercases to these letters, and NFC `à á ă` are one scalar each).
        func word(_ expected: [(lower: Unicode.Scalar, upper: Unicode.Scalar)]) -> Bool {
            while i < chars.count, ScalarText.isWhitespace(chars[i]) { i += 1 }
            let end = i + expected.count
            guard end <= chars.count else { return false }
            for k in 0..<expected.count where chars[i + k] != expected[k].lower && chars[i + k] != expected[k].upper {
                return false
            }
            if end < chars.count, chars[end].isLetterFast { return false }
            i = end
            return true
        }
        func number(maxDigits: Int) -> Int? {
            while i < chars.count, ScalarText.isWhitespace(chars[i]) { i += 1 }
            let s = i
            var value = 0
            while i < chars.count, chars[i].isASCIIDigit, i - s < maxDigits {
                value = value * 10 + Int(chars[i].value - 0x30)
                i += 1
            }
            return i > s ? value : nil
        }
        guard word(ngay), let day = number(maxDigits: 2), word(thang), let month = number(maxDigits: 2),
              word(nam), let year = number(maxDigits: 4), year >= 1000 else { return nil }
        return make(day: day, month: month, year: year, range: start..<i, chars: chars)
    }

    /// `ISODate.make` for a valid date of a four-digit year, written without interpolation.
    static func isoDate(year: Int, month: Int, day: Int) -> String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: 0x30 + value % 10) }
            buffer[0] = digit(year / 1000)
            buffer[1] = digit(year / 100)
            buffer[2] = digit(year / 10)
            buffer[3] = digit(year)
            buffer[4] = 0x2D
            buffer[5] = digit(month / 10)
            buffer[6] = digit(month)
            buffer[7] = 0x2D
            buffer[8] = digit(day / 10)
            buffer[9] = digit(day)
            return 10
        }
    }

    private static func make(day: Int, month: Int, year: Int, range: Range<Int>, chars: [Unicode.Scalar]) -> Match? {
        guard (1800...2200).contains(year), (1...12).contains(month) || (1...31).contains(day) else { return nil }
        if ISODate.isValid(year: year, month: month, day: day) {
            return Match(date: isoDate(year: year, month: month, day: day), range: range, text: ScalarText.string((chars[range])))
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let iso = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return Match(date: iso, range: range, text: ScalarText.string((chars[range])), isImpossible: true)
    }
}
