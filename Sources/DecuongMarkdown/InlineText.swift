/// A document's parsed text, or a part of it of whole lines (`CMarkTreeConverter.sharedParts`),
/// held once and shared by the text runs cut from it.
public final class SharedText: Sendable {
    public let text: String

    public init(_ text: String) {
        var text = text
        // Runs read their bytes in place (`InlineText.withUTF8Bytes`).
        text.makeContiguousUTF8()
        self.text = text
    }

    public var utf8Count: Int { text.utf8.count }
}

/// The text of a text run. Most runs are a stretch of their document's parsed text, and
/// hold that (`SharedText`) and where they are in it instead of bytes of their own: a String
/// per run took 179 MiB of allocations for 133 MiB of text at 10,000 documents, the parsed
/// texts of all documents take 158 MiB. A run made otherwise (an entity, a test's literal)
/// holds its own text the same way. Equal and hashed by its bytes.
public struct InlineText: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    @usableFromInline let base: SharedText
    @usableFromInline let start: UInt32
    @usableFromInline let length: UInt32

    /// A run holding `string` on its own.
    public init(_ string: String) {
        base = SharedText(Self.fitting(string))
        start = 0
        length = UInt32(truncatingIfNeeded: base.utf8Count)
    }

    /// `string`, or, beyond 32 bits of bytes, as much of it as fits, cut at a scalar
    /// boundary rather than given a wrapped length. No text run from a document reaches it:
    /// cmark's buffers have 32-bit sizes (`bufsize_t`), so its literals stay under 2 GiB.
    private static func fitting(_ string: String) -> String {
        let utf8 = string.utf8
        guard utf8.count > Int(UInt32.max) else { return string }
        var end = utf8.index(utf8.startIndex, offsetBy: Int(UInt32.max))
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(Substring(utf8[..<end]))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The bytes `bytes` of `base`, or nil when they are not a stretch of it that starts and
    /// ends on scalar boundaries.
    public init?(_ base: SharedText, bytes: Range<Int>) {
        let total = base.utf8Count
        guard bytes.lowerBound >= 0, bytes.upperBound <= total, total <= Int(UInt32.max) else { return nil }
        let aligned: Bool? = base.text.utf8.withContiguousStorageIfAvailable { all in
            (bytes.lowerBound == total || !UTF8.isContinuation(all[bytes.lowerBound]))
                && (bytes.upperBound == total || !UTF8.isContinuation(all[bytes.upperBound]))
        }
        guard aligned == true else { return nil }
        self.base = base
        start = UInt32(bytes.lowerBound)
        length = UInt32(bytes.count)
    }

    @inlinable public var utf8Count: Int { Int(length) }

    /// The text the run is cut from (`decuong-bench census`).
    public var sharedText: SharedText { base }

    /// Whether the run is all of the text it holds, as a run made on its own is.
    public var isWholeBase: Bool { start == 0 && Int(length) == base.utf8Count }

    @inlinable public var isEmpty: Bool { length == 0 }

    /// The run's UTF-8, in place.
    @inlinable
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = Int(start)..<Int(start) + Int(length)
        var result: R?
        let read: Void? = try base.text.utf8.withContiguousStorageIfAvailable { all in
            result = try body(UnsafeBufferPointer(rebasing: all[range]))
        }
        if read != nil, let result { return result }
        // Not reached: `SharedText` keeps its text contiguous.
        return try Array(base.text.utf8)[range].withUnsafeBufferPointer(body)
    }

    /// The run as a String: its base's own when it is all of it, else a copy.
    public var string: String {
        if isWholeBase { return base.text }
        return String(substring(0..<Int(length)))
    }

    /// The bytes `bytes` of the run (counted from its start, at scalar boundaries, as runs
    /// are cut) as a String, copied without validating them again (`String(decoding:)`
    /// validated every copy, 4.5 % of a build's time).
    public func string(_ bytes: Range<Int>) -> String {
        String(substring(bytes.clamped(to: 0..<Int(length))))
    }

    private func substring(_ bytes: Range<Int>) -> Substring {
        let utf8 = base.text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(start) + bytes.lowerBound)
        return Substring(utf8[from..<utf8.index(from, offsetBy: bytes.count)])
    }

    public var description: String { string }

    /// Appends the run's text to `out`.
    public func append(to out: inout String) {
        if isWholeBase { return out += base.text }
        out += substring(0..<Int(length))
    }

    /// The bytes `bytes` of this run (counted from its start), sharing its base; a copy when
    /// they do not start and end on scalar boundaries, which callers cutting at scalars
    /// never ask for.
    public func slice(_ bytes: Range<Int>) -> InlineText {
        let bytes = bytes.clamped(to: 0..<Int(length))
        if bytes.count == Int(length) { return self }
        if let cut = InlineText(base, bytes: Int(start) + bytes.lowerBound..<Int(start) + bytes.upperBound) { return cut }
        return withUTF8Bytes { InlineText(String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self)) }
    }

    public static func == (lhs: InlineText, rhs: InlineText) -> Bool {
        guard lhs.length == rhs.length else { return false }
        if lhs.base === rhs.base, lhs.start == rhs.start { return true }
        return lhs.withUTF8Bytes { a in rhs.withUTF8Bytes { b in a.elementsEqual(b) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(length)
    }
}
