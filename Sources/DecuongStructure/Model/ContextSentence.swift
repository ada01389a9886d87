/// The sentence around a mention, as index pages quote it. Most sentences are a part of
/// one line of the document's text: those keep that line's string (which the document
/// keeps anyway) and where they are cut from it, not a copy of their bytes. A copy held
/// 15 MiB at 10,000 documents, from loading to the last index page. Equal and hashed by
/// the text it stands for, however it is held.
public struct ContextSentence: Sendable, Hashable, CustomStringConvertible {
    /// The whole sentence, or (when `length` is not 0) the string it is cut from.
    private var base: String
    private var start: UInt32
    private var length: UInt32
    /// A cut sentence's marks of omission: bit 0 "…" before it, bit 1 "…" after it.
    private var marks: UInt8

    public init(_ text: String) {
        base = text
        start = 0
        length = 0
        marks = 0
    }

    /// The bytes `bytes` of `base`, which must start and end on scalar boundaries, with "…"
    /// before them (`prefix`) and after them (`suffix`). Falls back to a copy where the
    /// offsets do not fit in 32 bits.
    init(cutFrom base: String, bytes: Range<Int>, prefix: Bool, suffix: Bool) {
        self.start = 0
        self.length = 0
        marks = 0
        guard !bytes.isEmpty, bytes.lowerBound >= 0, bytes.upperBound <= base.utf8.count,
              let start = UInt32(exactly: bytes.lowerBound), let length = UInt32(exactly: bytes.count) else {
            self.base = Self.text(base, bytes.clamped(to: 0..<base.utf8.count), prefix: prefix, suffix: suffix)
            return
        }
        self.base = base
        // The whole string needs no cut.
        guard bytes.count < base.utf8.count || prefix || suffix else { return }
        self.start = start
        self.length = length
        marks = (prefix ? 1 : 0) | (suffix ? 2 : 0)
    }

    /// The sentence. Made anew from its line for a cut sentence: read once or twice per
    /// mention, by the pages that quote it.
    public var text: String {
        length == 0 ? base : Self.text(base, Int(start)..<Int(start + length), prefix: marks & 1 != 0, suffix: marks & 2 != 0)
    }

    public var description: String { text }

    public var isEmpty: Bool { length == 0 && base.isEmpty }

    /// Whether the sentence is kept as a cut of its line's string (`decuong-bench census`).
    public var isCut: Bool { length != 0 }

    private static func text(_ base: String, _ bytes: Range<Int>, prefix: Bool, suffix: Bool) -> String {
        let utf8 = base.utf8
        let slice = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)])
        guard prefix || suffix else { return String(slice) }
        var out = ""
        out.reserveCapacity(bytes.count + (prefix ? 3 : 0) + (suffix ? 3 : 0))
        if prefix { out.append("…") }
        out.append(contentsOf: slice)
        if suffix { out.append("…") }
        return out
    }

    public static func == (lhs: ContextSentence, rhs: ContextSentence) -> Bool {
        if lhs.length == 0, rhs.length == 0 { return lhs.base == rhs.base }
        return lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
