/// Rewrites a Markdown tree bottom-up: children first, then the node itself, which may
/// become zero, one or several nodes (a text run split into text and a citation link,
/// a block dropped). Defaults keep everything as it is.
public protocol MarkdownRewriter {
    func rewrite(block: Block) -> [Block]
    func rewrite(inline: Inline) -> [Inline]
}

extension MarkdownRewriter {
    public func rewrite(block: Block) -> [Block] { [block] }
    public func rewrite(inline: Inline) -> [Inline] { [inline] }
}

extension MarkdownDocument {
    public func rewritten<R: MarkdownRewriter>(by rewriter: R) -> MarkdownDocument {
        MarkdownDocument(blocks: MarkdownRewrite(rewriter: rewriter).blocks(blocks))
    }
}

extension Array where Element == Block {
    public func rewritten<R: MarkdownRewriter>(by rewriter: R) -> [Block] {
        MarkdownRewrite(rewriter: rewriter).blocks(self)
    }
}

extension Array where Element == Inline {
    public func rewritten<R: MarkdownRewriter>(by rewriter: R) -> [Inline] {
        MarkdownRewrite(rewriter: rewriter).inlines(self)
    }
}

/// A rewriter from two closures, for one-off rewrites.
public struct ClosureRewriter: MarkdownRewriter {
    let blockTransform: (Block) -> [Block]
    let inlineTransform: (Inline) -> [Inline]

    public init(block: @escaping (Block) -> [Block] = { [$0] },
                inline: @escaping (Inline) -> [Inline] = { [$0] }) {
        blockTransform = block
        inlineTransform = inline
    }

    public func rewrite(block: Block) -> [Block] { blockTransform(block) }
    public func rewrite(inline: Inline) -> [Inline] { inlineTransform(inline) }
}

struct MarkdownRewrite<R: MarkdownRewriter> {
    let rewriter: R

    func blocks(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { rewriter.rewrite(block: children(of: $0)) }
    }

    private func children(of block: Block) -> Block {
        var block = block
        switch block.kind {
        case .paragraph(let content):
            block.kind = .paragraph(inlines(content))
        case .heading(let level, let content):
            block.kind = .heading(level: level, inlines(content))
        case .blockQuote(let children):
            block.kind = .blockQuote(blocks(children))
        case .list(var list):
            list.items = list.items.map { item in
                var item = item
                item.blocks = blocks(item.blocks)
                return item
            }
            block.kind = .list(list)
        case .table(var table):
            table.header = cells(table.header)
            table.rows = table.rows.map(cells)
            block.kind = .table(table)
        case .footnoteDefinition(var definition):
            definition.blocks = blocks(definition.blocks)
            block.kind = .footnoteDefinition(definition)
        case .codeBlock, .htmlBlock, .thematicBreak:
            break
        }
        return block
    }

    private func cells(_ cells: [TableCell]) -> [TableCell] {
        cells.map { cell in
            var cell = cell
            cell.inlines = inlines(cell.inlines)
            return cell
        }
    }

    func inlines(_ inlines: [Inline]) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            var inline = inline
            switch inline.kind {
            case .emphasis(let c): inline.kind = .emphasis(self.inlines(c))
            case .strong(let c): inline.kind = .strong(self.inlines(c))
            case .strikethrough(let c): inline.kind = .strikethrough(self.inlines(c))
            case .link(var link):
                link.children = self.inlines(link.children)
                inline.kind = .link(link)
            case .image(var link):
                link.children = self.inlines(link.children)
                inline.kind = .image(link)
            default: break
            }
            return rewriter.rewrite(inline: inline)
        }
    }
}
