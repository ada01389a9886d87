import Foundation

/// `trimmingCharacters(in: .whitespaces)` for the front matter, without Foundation for the
/// text it nearly always gets: Foundation goes through NSString on Linux, and the front
/// matter is read for every file. Anything that is not plain ASCII at its ends still goes
/// through Foundation, so the results are exactly Foundation's.
enum WhitespaceTrimming {
    /// `text.trimmingCharacters(in: .whitespaces)`.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        // The ASCII members of `.whitespaces` are space and tab; other ASCII is kept.
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
