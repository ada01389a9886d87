import Foundation

/// `trimmingCharacters(in: .whitespaces)` for the front matter, without Foundation for the
/// text it nearly always gets: Foundation goes through NSString on Linux, and the front
/// matter is read for every file. Anything that is not plain ASCII at its ends still goes
/// through Foundation, so the results are exactly Foundation's.
enum WhitespaceTrimming {
    /// `text.trimmingCharacters(in: .whitespaces)`.
    static func trimmed(_ text: String) -> String {
        // The ASCII members of `.whitespaces` are space and tab; other ASCII is kept. So
        // spaces and tabs are taken off the ends as bytes, and when ASCII that is neither is
        // then at both ends, that is where Foundation stops too (`Số 7-KH/TU` leaves ` 7-KH/TU`
        // to trim once its prefix is dropped).
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { utf8.formIndex(after: &start) }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            end = before
        }
        // Only spaces and tabs (or nothing): all of it is trimmed.
        guard start < end else { return "" }
        if utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 {
            return start == utf8.startIndex && end == utf8.endIndex ? text : String(text[start..<end])
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `trimmed` as it was: plain ASCII at both ends or Foundation (the tests' reference).
    static func trimmedByScalars(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if isPlainASCII(first), isPlainASCII(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `line.trimmingCharacters(in: .whitespaces) == "---"`.
    static func isDashLine(_ line: Substring) -> Bool {
        // Only dashes may remain after trimming: any other ASCII byte rules the line out
        // (a title line, say, with its non-ASCII letters) before Foundation is asked.
        if line.utf8.contains(where: { $0 < 0x80 && $0 != 0x2D && $0 != 0x20 && $0 != 0x09 }) { return false }
        guard line.utf8.allSatisfy({ $0 < 0x80 }) else { return line.trimmingCharacters(in: .whitespaces) == "---" }
        var bytes = line.utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8)
    }

    private static func isPlainASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && scalar != " " && scalar != "\t"
    }
}
