import DecuongCore

/// A block of a Markdown document: an immutable value with the source range it came from.
public struct Block: Sendable, Hashable {
    public var kind: BlockKind
    // The range, packed (PackedLineSpan) into the padding after the kind's tag byte: these
    // fields must stay right after `kind`, in this order, for a block to be 32 bytes.
    @usableFromInline var packedSpanHigh: UInt8
    @usableFromInline var packedSpanLow: UInt16
    @usableFromInline var packedStartLine: Int32
    @usableFromInline var packedColumns: UInt64

    @inlinable
    public init(_ kind: BlockKind, range: SourceRange) {
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

/// The rare large payloads (lists, code, tables, footnotes) are boxed so that the kind stays
/// 17 bytes and every block 32: a site holds hundreds of thousands of blocks.
public enum BlockKind: Sendable, Hashable {
    case paragraph([Inline])
    case heading(level: Int, [Inline])
    case blockQuote([Block])
    indirect case list(ListBlock)
    indirect case codeBlock(CodeBlock)
    /// Raw HTML, kept verbatim; the renderer decides whether it may reach a page.
    case htmlBlock(String)
    case thematicBreak
    indirect case table(Table)
    indirect case footnoteDefinition(FootnoteDefinition)
}

extension Block {
    /// The inline content directly held by this block (paragraphs and headings).
    public var inlines: [Inline]? {
        switch kind {
        case .paragraph(let inlines), .heading(_, let inlines): inlines
        default: nil
        }
    }

    /// The blocks directly inside this one, in order (list items' blocks flattened).
    public var childBlocks: [Block] {
        switch kind {
        case .blockQuote(let blocks): blocks
        case .list(let list): list.items.flatMap(\.blocks)
        case .footnoteDefinition(let definition): definition.blocks
        default: []
        }
    }

    /// The text a reader sees, without markup: inline text joined, soft breaks as spaces.
    public var plainText: String {
        if let inlines { return inlines.plainText }
        switch kind {
        case .codeBlock(let code): return code.literal
        case .table(let table):
            return ([table.header] + table.rows).map { row in
                row.map(\.inlines.plainText).joined(separator: " ")
            }.joined(separator: "\n")
        default:
            return childBlocks.map(\.plainText).joined(separator: "\n")
        }
    }
}
