#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DecuongCore
import DecuongMarkdown

/// A numbered part of a document, from `Phần thứ nhất` down to point `a)`.
public struct Section: Sendable, Hashable {
    public var level: SectionLevel
    /// True when `lead` is only a heading (rendered as one), false for a run-in paragraph.
    /// Declared beside `level`: the two one-byte fields share a word, where each took one
    /// of its own (8 bytes in every section of every loaded document).
    public var isHeading: Bool
    /// When non-zero, the title is this many bytes at the start of the lead's one text node,
    /// and `ownTitle` is empty. A run-in item's title is most often its lead's first
    /// sentence: kept as their own strings, such titles took 20 MiB at 10,000 documents that
    /// the leads already hold. Declared after the one-byte fields, in the padding they leave.
    @usableFromInline private(set) var titlePrefixLength: UInt32 = 0
    /// The bare label: `I`, `1`, `1.1`, `a`, `Điều 5`, `Phần thứ nhất`.
    public var label: String
    /// The label as written in the source (`I-`, `1.`, `a)`, `**1.**`), for display.
    public var marker: String
    /// A short title: the heading, or for a run-in item its first sentence (at most ~120
    /// characters), Markdown markers stripped and whitespace collapsed.
    public var title: String {
        // Inlinable, so that a caller in another module reading `sections[i].title` reads the
        // fields it needs in place; called through, each read copied the whole section (ten
        // references retained and released). Loops over every section use `title(at:)`.
        @inlinable get { titlePrefixLength == 0 ? ownTitle : Self.prefix(of: lead, bytes: Int(titlePrefixLength)) ?? "" }
        set {
            ownTitle = newValue
            titlePrefixLength = 0
            shareTitle()
        }
    }
    @usableFromInline var ownTitle: String
    /// `title` of the section at `section`, read field by field where it lies: `title` read
    /// through an array or a buffer copied the whole section first (its ten references
    /// retained and released) in the loops that read every section's title.
    @inlinable public static func title(at section: UnsafePointer<Section>) -> String {
        let length = section.pointee.titlePrefixLength
        return length == 0 ? section.pointee.ownTitle : prefix(of: section.pointee.lead, bytes: Int(length)) ?? ""
    }

    /// `sections[index].title`, read where the section lies (`title(at:)`).
    @inlinable public static func title(of sections: [Section], at index: Int) -> String {
        precondition(sections.indices.contains(index), "section index out of range")
        return sections.withUnsafeBufferPointer { $0.baseAddress.map { title(at: $0 + index) } ?? "" }
    }
    /// Whether the title is kept as a length into the lead (`decuong-bench census`).
    @inlinable public var titleIsInLead: Bool { titlePrefixLength != 0 }
    /// The text after the label in the label's paragraph, with its markup. For a heading
    /// this is the heading; for a run-in item it is the whole first paragraph.
    public var lead: [Inline] {
        didSet {
            if titlePrefixLength != 0 {
                ownTitle = Self.prefix(of: oldValue, bytes: Int(titlePrefixLength)) ?? ""
                titlePrefixLength = 0
            }
            shareTitle()
        }
    }
    /// The blocks that follow the lead and belong to this section before its first child.
    public var body: [Block]
    public var children: [Section]
    /// A stable URL fragment built from the numbering: `ii`, `ii-1`, `ii-1-3`, `ii-2-a`.
    public var anchor: String
    /// The numbering a reader would quote: `II.1.3`, `IV.2.a`. Made once, from the labels of
    /// the section and those above it: index pages ask for it once per place, hundreds of
    /// thousands of times in a large site. The labels themselves are not kept (they are
    /// the labels of the sections above): they were 16 bytes in every section, read by no one.
    public private(set) var displayNumber: String
    public var range: SourceRange

    public init(level: SectionLevel, label: String, marker: String, title: String, lead: [Inline],
                isHeading: Bool, body: [Block] = [], children: [Section] = [], anchor: String,
                path: [String], range: SourceRange) {
        self.level = level
        self.label = label
        self.marker = marker
        ownTitle = title
        self.lead = lead
        self.isHeading = isHeading
        self.body = body
        self.children = children
        self.anchor = anchor
        self.range = range
        displayNumber = Self.displayNumber(of: path)
        shareTitle()
    }

    /// A section whose path and number were made a label at a time (`SectionNumbering`).
    init(level: SectionLevel, label: String, marker: String, title: String, lead: [Inline], isHeading: Bool,
         body: [Block], children: [Section], anchor: String, numbering: SectionNumbering, range: SourceRange) {
        self.level = level
        self.label = label
        self.marker = marker
        ownTitle = title
        self.lead = lead
        self.isHeading = isHeading
        self.body = body
        self.children = children
        self.anchor = anchor
        displayNumber = numbering.displayNumber
        self.range = range
        shareTitle()
    }

    /// Drops `ownTitle` for a length when the title is a prefix of the lead's one text node
    /// (or all of it) and long enough to have storage of its own (over 15 bytes). Applied on
    /// every change of either, so that a title and lead of the same bytes have one
    /// representation and the synthesized `==` and `hash` hold. (A title that matches its
    /// lead only up to canonical equivalence keeps its own string, and its section then
    /// differs from one whose title has the lead's bytes.)
    private mutating func shareTitle() {
        let length = ownTitle.utf8.count
        guard length > 15, length <= Int(UInt32.max), lead.count == 1, case .text(let text) = lead[0].kind,
              text.utf8Count >= length else { return }
        let isPrefix: Bool? = ownTitle.utf8.withContiguousStorageIfAvailable { title in
            text.withUTF8Bytes { whole in
                guard let title = title.baseAddress, let whole = whole.baseAddress else { return false }
                return memcmp(title, whole, length) == 0
            }
        }
        guard isPrefix == true else { return }
        titlePrefixLength = UInt32(length)
        ownTitle = ""
    }

    /// The first `bytes` bytes of a lead of one text inline; a whole-character prefix, since
    /// it was once a title's bytes.
    @usableFromInline static func prefix(of lead: [Inline], bytes: Int) -> String? {
        guard lead.count == 1, case .text(let text) = lead[0].kind, text.utf8Count >= bytes else { return nil }
        return text.string(0..<bytes)
    }

    static func displayNumber(of path: [String]) -> String {
        if path.count <= 1 { return path.first ?? "" }
        return asciiDisplayNumber(of: path) ?? referenceDisplayNumber(of: path)
    }

    /// `referenceDisplayNumber(of:)` written byte by byte into one string, or nil when a
    /// label is not ASCII. On ASCII, `hasPrefix(last + ".")` is a byte comparison: ASCII
    /// characters are equal only when their bytes are, and the only ASCII pair that forms
    /// one character (CR LF) cannot straddle the end of a prefix that ends in ".".
    static func asciiDisplayNumber(of path: [String]) -> String? {
        var capacity = path.count - 1
        for label in path {
            let ascii = label.utf8.withContiguousStorageIfAvailable { bytes in
                for byte in bytes where byte >= 0x80 { return false }
                return true
            }
            guard ascii == true else { return nil }
            capacity += label.utf8.count
        }
        guard capacity > 0 else { return "" }
        return String(unsafeUninitializedCapacity: capacity) { out in
            var written = 0
            var parts = 0
            // Where the last part starts in `out`, and its length.
            var lastStart = 0
            var lastLength = 0
            for label in path {
                _ = label.utf8.withContiguousStorageIfAvailable { bytes in
                    if parts > 0, bytes.count > lastLength, bytes[lastLength] == 0x2E,
                       bytesEqual(out, from: lastStart, bytes, count: lastLength) {
                        // Drop the last part and the separator before it.
                        written = parts > 1 ? lastStart - 1 : 0
                        parts -= 1
                    }
                    if parts > 0 {
                        out[written] = 0x2E
                        written += 1
                    }
                    lastStart = written
                    lastLength = bytes.count
                    for byte in bytes {
                        out[written] = byte
                        written += 1
                    }
                    parts += 1
                }
            }
            return written
        }
    }

    private static func bytesEqual(_ out: UnsafeMutableBufferPointer<UInt8>, from start: Int,
                                    _ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
        for k in 0..<count where out[start + k] != bytes[k] { return false }
        return true
    }

    /// The display number as first written, on `String`: the reference for the tests.
    static func referenceDisplayNumber(of path: [String]) -> String {
        var parts: [String] = []
        for label in path {
            // A sub-item label (`1.3`) repeats its parent's number (`1`); show it once.
            if let last = parts.last, label.hasPrefix(last + ".") { parts.removeLast() }
            parts.append(label)
        }
        return parts.joined(separator: ".")
    }
}

public enum SectionLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case part, chapter, section, article, item, subitem, point

    private var depth: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: SectionLevel, rhs: SectionLevel) -> Bool { lhs.depth < rhs.depth }
}
