import DecuongCore
import DecuongMarkdown

/// A numbered part of a document, from `Phần thứ nhất` down to point `a)`.
public struct Section: Sendable, Hashable {
    public var level: SectionLevel
    /// True when `lead` is only a heading (rendered as one), false for a run-in paragraph.
    /// Declared beside `level`: the two one-byte fields share a word, where each took one
    /// of its own (8 of a section's 144 bytes, in every loaded document).
    public var isHeading: Bool
    /// The bare label: `I`, `1`, `1.1`, `a`, `Điều 5`, `Phần thứ nhất`.
    public var label: String
    /// The label as written in the source (`I-`, `1.`, `a)`, `**1.**`), for display.
    public var marker: String
    /// A short title: the heading, or for a run-in item its first sentence (at most ~120
    /// characters), Markdown markers stripped and whitespace collapsed.
    public var title: String
    /// The text after the label in the label's paragraph, with its markup. For a heading
    /// this is the heading; for a run-in item it is the whole first paragraph.
    public var lead: [Inline]
    /// The blocks that follow the lead and belong to this section before its first child.
    public var body: [Block]
    public var children: [Section]
    /// A stable URL fragment built from the numbering: `ii`, `ii-1`, `ii-1-3`, `ii-2-a`.
    public var anchor: String
    /// The labels from the outermost section down to this one: `["II", "1", "1.3"]`.
    public var path: [String] {
        get { SectionPathText.labels(pathText) }
        set {
            pathText = SectionPathText.joined(newValue)
            displayNumber = Self.displayNumber(of: newValue)
        }
    }
    /// `path` joined into one string (`SectionPathText`): an array per section cost an
    /// allocation in every loaded section, and the path is read only to make `displayNumber`.
    private var pathText: String
    /// The numbering a reader would quote: `II.1.3`, `IV.2.a`. Made once, from `path`: index
    /// pages ask for it once per place, hundreds of thousands of times in a large site.
    public private(set) var displayNumber: String
    public var range: SourceRange

    public init(level: SectionLevel, label: String, marker: String, title: String, lead: [Inline],
                isHeading: Bool, body: [Block] = [], children: [Section] = [], anchor: String,
                path: [String], range: SourceRange) {
        self.level = level
        self.label = label
        self.marker = marker
        self.title = title
        self.lead = lead
        self.isHeading = isHeading
        self.body = body
        self.children = children
        self.anchor = anchor
        pathText = SectionPathText.joined(path)
        self.range = range
        displayNumber = Self.displayNumber(of: path)
    }

    /// A section whose path and number were made a label at a time (`SectionNumbering`).
    init(level: SectionLevel, label: String, marker: String, title: String, lead: [Inline], isHeading: Bool,
         body: [Block], children: [Section], anchor: String, numbering: SectionNumbering, range: SourceRange) {
        self.level = level
        self.label = label
        self.marker = marker
        self.title = title
        self.lead = lead
        self.isHeading = isHeading
        self.body = body
        self.children = children
        self.anchor = anchor
        pathText = numbering.pathText
        displayNumber = numbering.displayNumber
        self.range = range
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
