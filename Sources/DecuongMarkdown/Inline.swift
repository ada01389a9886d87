import DecuongCore

/// Inline content: text and its markup, with the source range cmark reports
/// (cmark tracks inline positions approximately; missing ones take the enclosing block's).
public struct Inline: Sendable, Hashable {
    public var kind: InlineKind
    // The range, packed (PackedLineSpan) into the padding after the kind's tag byte: these
    // fields must stay right after `kind`, in this order, for an inline to be 32 bytes.
    @usableFromInline var packedSpanHigh: UInt8
    @usableFromInline var packedSpanLow: UInt16
    @usableFromInline var packedStartLine: Int32
    @usableFromInline var packedColumns: UInt64

    @inlinable
    public init(_ kind: InlineKind, range: SourceRange) {
        self.kind = kind
        (packedSpanHigh, packedSpanLow, packedStartLine, packedColumns) = PackedLineSpan.pack(range)
    }

    public var range: SourceRange {
        @inlinable get {
            PackedLineSpan.range(packedSpanHigh, packedSpanLow, packedStartLine, packedColumns)
        }
        @inlinable set {
            (packedSpanHigh, packedSpanLow, packedStartLine, packedColumns) = PackedLineSpan.pack(newValue)
        }
    }
}

/// Links and footnote references are boxed so that the kind stays 17 bytes (a String or an
/// `InlineText`, and a tag) and an inline 32: text runs, by far the most common, need no more.
public enum InlineKind: Sendable, Hashable {
    case text(InlineText)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    indirect case link(Link)
    indirect case image(Link)
    indirect case footnoteReference(FootnoteReference)
}

/// The target of a link or image; `children` is the link text or the image's alt text.
public struct Link: Sendable, Hashable {
    public var destination: String
    public var title: String
    public var children: [Inline]

    public init(destination: String, title: String = "", children: [Inline]) {
        self.destination = destination
        self.title = title
        self.children = children
    }
}

public struct FootnoteReference: Sendable, Hashable {
    /// The label of the definition it points to (as written there).
    public var label: String
    /// The footnote's number, shown as the reference text.
    public var number: Int
    /// 1 for the first reference to this footnote, 2 for the second, …
    public var occurrence: Int

    public init(label: String, number: Int, occurrence: Int) {
        self.label = label
        self.number = number
        self.occurrence = occurrence
    }
}

extension Inline {
    public var children: [Inline] {
        switch kind {
        case .emphasis(let c), .strong(let c), .strikethrough(let c): c
        case .link(let link), .image(let link): link.children
        default: []
        }
    }
}

extension Array where Element == Inline {
    /// What a reader sees: text and code literally, breaks as spaces, markup dropped.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        for inline in self {
            switch inline.kind {
            case .text(let text): text.append(to: &out)
            case .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .footnoteReference(let ref): out += "[\(ref.number)]"
            default: inline.children.appendPlainText(to: &out)
            }
        }
    }
}
