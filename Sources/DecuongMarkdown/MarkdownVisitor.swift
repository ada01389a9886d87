/// What a visitor wants after seeing a node.
public enum WalkAction: Sendable {
    case visitChildren, skipChildren
}

/// Reads a Markdown tree in document order (pre-order). Both methods default to
/// descending, so a visitor implements only what it looks at.
public protocol MarkdownVisitor {
    mutating func visit(block: Block) -> WalkAction
    mutating func visit(listItem: ListItem) -> WalkAction
    mutating func visit(inline: Inline) -> WalkAction
}

extension MarkdownVisitor {
    public mutating func visit(block: Block) -> WalkAction { .visitChildren }
    public mutating func visit(listItem: ListItem) -> WalkAction { .visitChildren }
    public mutating func visit(inline: Inline) -> WalkAction { .visitChildren }
}

extension MarkdownDocument {
    public func walk<V: MarkdownVisitor>(_ visitor: inout V) {
        MarkdownWalk.blocks(blocks, &visitor)
    }
}

extension Block {
    public func walk<V: MarkdownVisitor>(_ visitor: inout V) {
        MarkdownWalk.blocks([self], &visitor)
    }
}

enum MarkdownWalk {
    static func blocks<V: MarkdownVisitor>(_ blocks: [Block], _ visitor: inout V) {
        for block in blocks {
            guard visitor.visit(block: block) == .visitChildren else { continue }
            switch block.kind {
            case .paragraph(let content), .heading(_, let content):
                inlines(content, &visitor)
            case .blockQuote(let children):
                self.blocks(children, &visitor)
            case .list(let list):
                for item in list.items where visitor.visit(listItem: item) == .visitChildren {
                    self.blocks(item.blocks, &visitor)
                }
            case .table(let table):
                for cell in table.header + table.rows.joined() { inlines(cell.inlines, &visitor) }
            case .footnoteDefinition(let definition):
                self.blocks(definition.blocks, &visitor)
            case .codeBlock, .htmlBlock, .thematicBreak:
                break
            }
        }
    }

    static func inlines<V: MarkdownVisitor>(_ inlines: [Inline], _ visitor: inout V) {
        for inline in inlines where visitor.visit(inline: inline) == .visitChildren {
            self.inlines(inline.children, &visitor)
        }
    }
}
