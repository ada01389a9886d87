import DecuongCore

/// Why a file could not be read as Markdown at all.
public enum MarkdownError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not UTF-8. `byteOffset` is 0-based from the start of the file;
    /// `line` and `column` (1-based, column in characters like every `SourceLocation`)
    /// locate it for an editor.
    case invalidUTF8(byteOffset: Int, line: Int, column: Int)

    public var description: String {
        switch self {
        case let .invalidUTF8(offset, line, column):
            "invalid UTF-8 at byte offset \(offset) (line \(line), column \(column))"
        }
    }

    public func diagnostic(file: String?) -> Diagnostic {
        switch self {
        case let .invalidUTF8(offset, line, column):
            .error("markdown.invalid-utf8",
                   "the file is not valid UTF-8: bad byte at offset \(offset)",
                   file: file, at: SourceLocation(line: line, column: column),
                   hint: "save the file as UTF-8 (in Word: Save As › Plain Text › Unicode (UTF-8))")
        }
    }
}
