import DecuongMarkdown

/// The sentence around a mention, as index pages quote it. Most sentences are a part of
/// one line of the document's text: those keep that line's text run (which the document
/// keeps anyway) and where they are cut from it, not a copy of their bytes. A copy held
/// 15 MiB at 10,000 documents, from loading to the last index page. Equal and hashed by
/// the text it stands for, however it is held.
public struct ContextSentence: Sendable, Hashable, CustomStringConvertible {
    /// The whole sentence, or (when `cut` is not 0) the text it is cut from.
    @usableFromInline var base: InlineText
    @usableFromInline var start: UInt32
    /// A cut sentence's length in bytes (bits 0–29) and its marks of omission: bit 30 "…"
    /// before it, bit 31 "…" after it. In one word with `start`, a sentence is 24 bytes, as
    /// many as a place held with its own string.
    @usableFromInline var cut: UInt32

    @usableFromInline static let lengthMask: UInt32 = 1 << 30 - 1
    @usableFromInline static let prefixMark: UInt32 = 1 << 30
    @usableFromInline static let suffixMark: UInt32 = 1 << 31

    @usableFromInline var length: UInt32 { cut & Self.lengthMask }

    public init(_ text: String) {
        base = InlineText(text)
        start = 0
        cut = 0
    }

    /// The bytes `bytes` of `base`, which must start and end on scalar boundaries, with "…"
    /// before them (`prefix`) and after them (`suffix`). Falls back to a copy (of the part
    /// of `bytes` inside `base`) where the range is empty, reaches outside `base`, or is
    /// too long for 30 bits.
    init(cutFrom base: InlineText, bytes: Range<Int>, prefix: Bool, suffix: Bool) {
        self.start = 0
        cut = 0
        guard !bytes.isEmpty, bytes.lowerBound >= 0, bytes.upperBound <= base.utf8Count,
              let start = UInt32(exactly: bytes.lowerBound), let length = UInt32(exactly: bytes.count),
              length <= Self.lengthMask else {
            self.base = InlineText(Self.text(base, bytes.clamped(to: 0..<base.utf8Count), prefix: prefix, suffix: suffix))
            return
        }
        self.base = base
        // The whole text needs no cut.
        guard bytes.count < base.utf8Count || prefix || suffix else { return }
        self.start = start
        cut = length | (prefix ? Self.prefixMark : 0) | (suffix ? Self.suffixMark : 0)
    }

    /// The sentence. Made anew from its line for a cut sentence: read once or twice per
    /// mention, by the pages that quote it.
    @inlinable public var text: String {
        cut == 0 ? base.string : Self.text(base, Int(start)..<Int(start) + Int(length),
                                           prefix: cut & Self.prefixMark != 0, suffix: cut & Self.suffixMark != 0)
    }

    public var description: String { text }

    @inlinable public var isEmpty: Bool { cut == 0 && base.isEmpty }

    /// Whether the sentence is kept as a cut of its line's text (`decuong-bench census`).
    public var isCut: Bool { cut != 0 }

    /// Whether the sentence holds no bytes of its own: a cut of a line's text run, or all
    /// of one (`decuong-bench census`).
    public var sharesText: Bool { cut != 0 || !base.isWholeBase }

    @usableFromInline static func text(_ base: InlineText, _ bytes: Range<Int>, prefix: Bool, suffix: Bool) -> String {
        let slice = base.string(bytes)
        guard prefix || suffix else { return slice }
        var out = ""
        out.reserveCapacity(bytes.count + (prefix ? 3 : 0) + (suffix ? 3 : 0))
        if prefix { out.append("…") }
        out.append(slice)
        if suffix { out.append("…") }
        return out
    }

    public static func == (lhs: ContextSentence, rhs: ContextSentence) -> Bool {
        if lhs.cut == 0, rhs.cut == 0 { return lhs.base == rhs.base || lhs.text == rhs.text }
        // Cuts of the same length and marks with the same bytes are the same text, with no
        // strings made (comparing two versions of a site compares every place); any other
        // pair is compared as text, by canonical equivalence.
        if lhs.cut == rhs.cut, sameBytes(lhs, rhs) { return true }
        return lhs.text == rhs.text
    }

    /// Whether the cut bytes of two sentences with the same `cut` are equal.
    private static func sameBytes(_ lhs: ContextSentence, _ rhs: ContextSentence) -> Bool {
        let count = Int(lhs.length)
        return lhs.base.withUTF8Bytes { a in
            rhs.base.withUTF8Bytes { b in
                let left = Int(lhs.start)
                let right = Int(rhs.start)
                guard left + count <= a.count, right + count <= b.count else { return false }
                return UnsafeBufferPointer(rebasing: a[left..<left + count])
                    .elementsEqual(UnsafeBufferPointer(rebasing: b[right..<right + count]))
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
