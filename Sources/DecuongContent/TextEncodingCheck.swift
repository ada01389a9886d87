import Foundation
import DecuongCore

/// Names the encoding problem of a file that is not UTF-8 text, so that the user learns
/// what to do instead of seeing mojibake.
enum TextEncodingCheck {
    /// What is wrong with `bytes` as UTF-8 text, or nil. The load path asks the standard
    /// library to validate while it builds the string and comes here only for the prefix
    /// checks and for a file it rejects; this whole check stays as the reference the tests
    /// hold that path to.
    static func problem(in bytes: [UInt8], file: String) -> Diagnostic? {
        prefixProblem(in: bytes, file: file) ?? invalidUTF8Problem(in: bytes, file: file)
    }

    /// UTF-16 or binary data, told from the first bytes: checked before validation, since a
    /// UTF-16 file is also (mostly) not UTF-8 and the user needs the more specific answer.
    static func prefixProblem(in bytes: [UInt8], file: String) -> Diagnostic? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) {
            return .error("file.utf16", "the file is UTF-16 text, not UTF-8", file: file,
                          at: SourceLocation(line: 1, column: 1),
                          hint: "save it again as UTF-8 (in Notepad: Save As › Encoding: UTF-8)")
        }
        if let nul = firstNUL(in: bytes, within: 8192) {
            let (line, column) = bytes.withUnsafeBufferPointer { UTF8Validation.lineAndColumn(of: nul, in: $0) }
            return .error("file.binary", "the file holds binary data (a NUL byte at offset \(nul)), not text",
                          file: file, at: SourceLocation(line: line, column: column),
                          hint: "only Markdown text files belong in content/; export Word documents as text first")
        }
        return nil
    }

    /// The first byte that breaks UTF-8, with its place and a guess at the legacy encoding.
    static func invalidUTF8Problem(in bytes: [UInt8], file: String) -> Diagnostic? {
        let invalid = bytes.withUnsafeBufferPointer { buffer -> (Int, Int, Int)? in
            guard let offset = UTF8Validation.firstInvalidOffset(in: buffer) else { return nil }
            let (line, column) = UTF8Validation.lineAndColumn(of: offset, in: buffer)
            return (offset, line, column)
        }
        guard let (offset, line, column) = invalid else { return nil }
        let legacy = LegacyVietnameseEncoding.guess(bytes)
        return .error("file.invalid-utf8",
                      "the file is not valid UTF-8: bad byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset)"
                        + (legacy.map { " (it looks like \($0) text)" } ?? ""),
                      file: file, at: SourceLocation(line: line, column: column),
                      hint: legacy != nil
                        ? "convert it to Unicode UTF-8 first (e.g. with Unikey's converter), then save as UTF-8"
                        : "save the file as UTF-8 (in Word: Save As › Plain Text › Unicode (UTF-8))")
    }

    /// `bytes.prefix(limit).firstIndex(of: 0)`, by `memchr`: the generic search over the
    /// slice cost more per file than the rest of these checks together.
    static func firstNUL(in bytes: [UInt8], within limit: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = min(buffer.count, limit)
            guard count > 0, let base = buffer.baseAddress, let found = memchr(base, 0, count) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// UTF-16 without a byte-order mark: every other byte is NUL in mostly-ASCII text.
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(512)
        guard sample.count >= 8 else { return false }
        let evenNULs = stride(from: 0, to: sample.count, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
        let oddNULs = stride(from: 1, to: sample.count, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
        let half = sample.count / 2
        return evenNULs > half * 6 / 10 || oddNULs > half * 6 / 10
    }
}
