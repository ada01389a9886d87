import DecuongCore

/// The entry point of the Markdown layer: bytes or text in, an immutable Swift tree out.
/// Safe to call from many tasks at once; the C parser itself runs one at a time.
public struct MarkdownParser: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = .default) {
        self.options = options
    }

    /// Parses text that is already a Swift string (and so already valid UTF-8).
    public func parse(_ text: String) -> MarkdownDocument {
        var contiguous = text
        return contiguous.withUTF8 { parseValidated($0, text: text) }
    }

    /// Every literal made from cmark's C string, as before literals were cut from the
    /// text: the reference that the equivalence tests compare `parse(_:)` against.
    func parseCopyingLiterals(_ text: String) -> MarkdownDocument {
        var contiguous = text
        return contiguous.withUTF8 { parseValidated($0, text: text, cutsLiterals: false) }
    }

    /// `parse(_:)` with the text shared in parts of at most `partLimit` bytes, so that tests
    /// can make a short text take many parts (`CMarkTreeConverter.sharedParts`).
    func parse(_ text: String, partLimit: Int) -> MarkdownDocument {
        var contiguous = text
        return contiguous.withUTF8 { parseValidated($0, text: text, partLimit: partLimit) }
    }

    /// Parses raw file bytes, rejecting anything that is not UTF-8 with the place of the
    /// first bad byte.
    public func parse(bytes: [UInt8]) throws(MarkdownError) -> MarkdownDocument {
        let failure: MarkdownError? = bytes.withUnsafeBufferPointer { buffer in
            guard let offset = UTF8Validation.firstInvalidOffset(in: buffer) else { return nil }
            let (line, column) = UTF8Validation.lineAndColumn(of: offset, in: buffer)
            return .invalidUTF8(byteOffset: offset, line: line, column: column)
        }
        if let failure { throw failure }
        // As a String the text lends its (valid) bytes to the tree's strings.
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    /// `buffer` holds the UTF-8 of `text`.
    private func parseValidated(_ buffer: UnsafeBufferPointer<UInt8>, text: String,
                                cutsLiterals: Bool = true,
                                partLimit: Int = CMarkTreeConverter.partLimit) -> MarkdownDocument {
        // The converter reads the source through `buffer`, which outlives the conversion.
        CMarkDocument.withParsed(buffer, options: options) { root, _ in
            var converter = CMarkTreeConverter(source: buffer, text: text, cutsLiterals: cutsLiterals, partLimit: partLimit)
            return converter.convert(root: root)
        } ?? MarkdownDocument(blocks: [])
    }
}
