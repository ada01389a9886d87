/// `LabelScanner.scan` on the UTF-8 of a line, for lines whose first characters are each
/// one scalar that stands alone (ASCII and NFC Vietnamese: nearly every line). There a
/// character is a scalar, so the label forms are read from scalar values in a buffer on
/// the stack, and the title is a slice of the line: no `Character`s, no arrays of them,
/// no strings built from them. Anything else (combining marks, CR, the keywords
/// "Phần", "Chương", "Điều", a label that reaches the end of the window) is left to the
/// character path, which stays the reference (`LabelScanner.scanCharacters`).
enum LabelFastScanner {
    enum Answer {
        case decided(SectionLabel?)
        /// The character path must answer.
        case undecided
    }

    /// `LabelScanner` reads labels from the first 48 characters.
    fileprivate static let window = 48

    static func scan(_ text: String) -> Answer {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: window + 1) { scalars in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: window + 2) { offsets in
                    var chars = Window(bytes: bytes, scalars: scalars, offsets: offsets)
                    return scan(text, &chars)
                }
            }
        } ?? .undecided
    }

    /// The line's first characters, decoded only as far as the forms read them. A scalar
    /// is a character when it and the scalar after it each stand alone, so each one read
    /// needs the next one decoded and checked too; the character path answers for text
    /// that fails that, and for a read that reaches the end of its 48-character window.
    private struct Window {
        let bytes: UnsafeBufferPointer<UInt8>
        let scalars: UnsafeMutableBufferPointer<UInt32>
        /// `offsets[k]`: where scalar `k` starts; `offsets[decoded]`: where decoding stopped.
        let offsets: UnsafeMutableBufferPointer<Int>
        var decoded = 0
        var ended = false
        /// Set when this path cannot answer as the character path would.
        var undecided = false

        init(bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutableBufferPointer<UInt32>, offsets: UnsafeMutableBufferPointer<Int>) {
            self.bytes = bytes
            self.scalars = scalars
            self.offsets = offsets
            offsets[0] = 0
            ended = bytes.isEmpty
        }

        /// Character `k`, or nil past the end of the text (or when undecided).
        mutating func at(_ k: Int) -> UInt32? {
            if k >= LabelFastScanner.window - 1 {
                undecided = true
                return nil
            }
            while !undecided, !ended, decoded <= k + 1 {
                let start = offsets[decoded]
                guard let (value, length) = LabelFastScanner.simpleScalar(bytes, at: start) else {
                    undecided = true
                    break
                }
                scalars[decoded] = value
                decoded += 1
                offsets[decoded] = start + length
                ended = start + length >= bytes.count
            }
            return !undecided && k < decoded ? scalars[k] : nil
        }
    }

    private static func scan(_ text: String, _ c: inout Window) -> Answer {
        let bytes = c.bytes
        let n = bytes.count
        guard n > 0 else { return .decided(nil) }
        // The same first test as the character path, on the first bytes.
        let b0 = bytes[0]
        if b0 >= 0x80 {
            // Đ and đ (C4 90, C4 91) may open "Điều" or the point "đ)"; a line opening with
            // any other non-ASCII scalar can only be a point, which the other path tells.
            guard b0 == 0xC4, n > 1, bytes[1] == 0x90 || bytes[1] == 0x91 else {
                let second = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
                return second < n && bytes[second] == UInt8(ascii: ")") ? .undecided : .decided(nil)
            }
        } else {
            let digit = b0 >= 0x30 && b0 <= 0x39
            let opener = b0 == UInt8(ascii: "P") || b0 == UInt8(ascii: "p") || b0 == UInt8(ascii: "C")
                || b0 == UInt8(ascii: "c") || b0 == UInt8(ascii: "I") || b0 == UInt8(ascii: "V")
                || b0 == UInt8(ascii: "X") || b0 == UInt8(ascii: "L")
            let point = b0 >= 0x61 && b0 <= 0x7A && n > 1 && bytes[1] == UInt8(ascii: ")")
            guard digit || opener || point else { return .decided(nil) }
        }

        var found: SectionLabel?
        if let first = c.at(0), isDigit(first) {
            found = arabic(&c, text: text)
        } else if !c.undecided {
            if mayBeKeyword(&c) { return .undecided }
            found = roman(&c, text: text)
            if found == nil, !c.undecided { found = point(&c, text: text) }
        }
        guard !c.undecided else { return .undecided }
        guard var label = found else { return .decided(nil) }
        label.title = String(Substring(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: c.offsets[label.length])...]))
        return .decided(label)
    }

    // MARK: Forms

    private static func arabic(_ c: inout Window, text: String) -> SectionLabel? {
        // The numbers are gathered on the stack and copied once into an array of their
        // count, for a label only: appended to an array, each line starting with a digit
        // allocated one, and a dotted label grew it. A number takes a digit and a dot of the
        // 48-character window at least, so 24 places hold every number read.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: window / 2) { components in
            arabic(&c, text: text, components: components)
        }
    }

    private static func arabic(_ c: inout Window, text: String, components: UnsafeMutableBufferPointer<Int>) -> SectionLabel? {
        var found = 0
        var i = 0
        var leadingZero = false
        while true {
            let start = i
            while let x = c.at(i), isDigit(x) { i += 1 }
            let count = i - start
            guard count >= 1, count <= 2, found < components.count else { return nil }
            var value = Int(c.scalars[start]) - 48
            if count == 2 { value = value * 10 + Int(c.scalars[start + 1]) - 48 }
            // `1.000` is a number, not a label.
            if count > 1, c.scalars[start] == 0x30 {
                if found > 0 { return nil }
                leadingZero = true
            }
            components[found] = value
            found += 1
            if c.at(i) == 0x2E, let next = c.at(i + 1), isDigit(next) {
                i += 1
                continue
            }
            break
        }
        let digitsEnd = i
        if let x = c.at(i), x == 0x2E || x == 0x2D || x == 0x29 || x == 0x2013 {
            // `1-2 tháng` or `1.5%` are not labels: a delimiter must be followed by space or end.
            if let next = c.at(i + 1), !isWhitespace(next) { return nil }
            i += 1
        } else if found == 1 || c.at(i).map({ !isWhitespace($0) }) == true {
            // A lone number needs its delimiter; `1.1 Title` may omit the final dot.
            return nil
        }
        let numbers = Array(components[0..<found])
        // The label is the digits as written but for a leading zero (`01.` is label 1).
        let label = leadingZero ? numbers.map(String.init).joined(separator: ".") : slice(text, c.offsets, 0, digitsEnd)
        return SectionLabel(form: .arabic, label: label, marker: slice(text, c.offsets, 0, i), numbers: numbers,
                            length: skipWhitespace(&c, from: i), title: "")
    }

    private static func roman(_ c: inout Window, text: String) -> SectionLabel? {
        var i = 0
        while let x = c.at(i), isRomanDigit(x) { i += 1 }
        guard i > 0 else { return nil }
        var j = i
        while c.at(j) == 0x20 { j += 1 }
        guard let delimiter = c.at(j), isRomanDelimiter(delimiter),
              let value = romanValue(UnsafeBufferPointer(rebasing: c.scalars[0..<i])[...]) else { return nil }
        // `I.` glued to a word (`I.Kế`) is accepted; `V.I.Lênin` is not.
        if let next = c.at(j + 1), next == 0x2E || isDigit(next) { return nil }
        let numeral = slice(text, c.offsets, 0, i)
        return SectionLabel(form: .roman, label: numeral, marker: numeral + slice(text, c.offsets, j, j + 1), numbers: [value],
                            length: skipWhitespace(&c, from: j + 1), title: "")
    }

    private static func point(_ c: inout Window, text: String) -> SectionLabel? {
        guard c.at(1) == 0x29, let first = c.at(0), let index = pointLetters.firstIndex(of: first) else { return nil }
        return SectionLabel(form: .point, label: slice(text, c.offsets, 0, 1), marker: slice(text, c.offsets, 0, 2),
                            numbers: [index], length: skipWhitespace(&c, from: 2), title: "")
    }

    /// The points' alphabet of `LabelScanner.pointLetters`, as scalar values.
    private static let pointLetters: [UInt32] = LabelScanner.pointLetters.map { $0.unicodeScalars.first?.value ?? 0 }

    /// Whether the first word (up to a space, within 40 characters) is "phần", "chương" or
    /// "điều" in any case, which the character path reads: lowercased, only these scalars
    /// give those words (the scalars here stand alone, so no decomposed spelling is equal).
    private static func mayBeKeyword(_ c: inout Window) -> Bool {
        var end = 0
        while end < 40, let x = c.at(end), x != 0x20 { end += 1 }
        // A constant for the matcher: capturing the variable checked exclusive access to it
        // at every read.
        let length = end
        let scalars = c.scalars
        func matches(_ pattern: [(UInt32, UInt32)]) -> Bool {
            guard length == pattern.count else { return false }
            for (k, (lower, upper)) in pattern.enumerated() where scalars[k] != lower && scalars[k] != upper { return false }
            return true
        }
        return matches(phan) || matches(chuong) || matches(dieu)
    }

    private static let phan: [(UInt32, UInt32)] = [(0x70, 0x50), (0x68, 0x48), (0x1EA7, 0x1EA6), (0x6E, 0x4E)]
    private static let chuong: [(UInt32, UInt32)] = [(0x63, 0x43), (0x68, 0x48), (0x1B0, 0x1AF), (0x1A1, 0x1A0), (0x6E, 0x4E),
                                                     (0x67, 0x47)]
    private static let dieu: [(UInt32, UInt32)] = [(0x111, 0x110), (0x69, 0x49), (0x1EC1, 0x1EC0), (0x75, 0x55)]

    /// `LabelScanner.romanValue` on ASCII scalar values.
    private static func romanValue(_ digits: Slice<UnsafeBufferPointer<UInt32>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var total = 0
        var k = digits.startIndex
        while k < digits.endIndex {
            let value = romanDigitValue(digits[k])
            if k + 1 < digits.endIndex, value < romanDigitValue(digits[k + 1]) { total -= value } else { total += value }
            k += 1
        }
        // Only canonical spellings: IIII or VX are not numerals.
        guard total > 0 else { return nil }
        let canonical = LabelScanner.toRoman(total).utf8
        return canonical.count == digits.count && zip(canonical, digits).allSatisfy { UInt32($0) == $1 } ? total : nil
    }

    private static func romanDigitValue(_ c: UInt32) -> Int {
        switch c {
        case 0x49: 1
        case 0x56: 5
        case 0x58: 10
        case 0x4C: 50
        default: 100
        }
    }

    // MARK: Scalars

    /// The scalar at `i` and its UTF-8 length when it is a character of its own whatever
    /// surrounds it (`ScalarText.isSimple`, CR excluded); nil otherwise.
    @inline(__always)
    fileprivate static func simpleScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let n = bytes.count
        let b = bytes[i]
        if b < 0x80 { return b == 0x0D ? nil : (UInt32(b), 1) }
        // Valid UTF-8 (a String's): lead bytes C2 … CB are U+0080 … U+02FF.
        if b <= 0xCB, i + 1 < n { return (UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        guard b == 0xE1 || b == 0xE2, i + 2 < n else { return nil }
        let value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        let simple = (value >= 0x1E00 && value <= 0x1EFF) || (value >= 0x2010 && value <= 0x2027)
            || (value >= 0x2030 && value <= 0x205E)
        return simple ? (value, 3) : nil
    }

    private static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    /// `Character.isWhitespace` for a scalar that stands alone (see `simpleScalar`).
    private static func isWhitespace(_ c: UInt32) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x2028 || c == 0x2029
    }

    private static func isRomanDigit(_ c: UInt32) -> Bool {
        c == 0x49 || c == 0x56 || c == 0x58 || c == 0x4C || c == 0x43
    }

    private static func isRomanDelimiter(_ c: UInt32) -> Bool {
        c == 0x2E || c == 0x2D || c == 0x2013 || c == 0x29 || c == 0x3A
    }

    private static func skipWhitespace(_ c: inout Window, from index: Int) -> Int {
        var i = index
        while let x = c.at(i), isWhitespace(x) { i += 1 }
        return i
    }

    /// The text of characters `from ..< to`: a slice of the line, not validated again.
    private static func slice(_ text: String, _ offsets: UnsafeMutableBufferPointer<Int>, _ from: Int, _ to: Int) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offsets[from])
        let end = utf8.index(utf8.startIndex, offsetBy: offsets[to])
        return String(Substring(utf8[start..<end]))
    }
}
