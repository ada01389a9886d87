import DecuongCore
import DecuongMarkdown
import Testing

/// Later stages traverse and rewrite the tree; these check the walker and the rewriter.
@Suite struct MarkdownTreeToolsTests {
    let document = MarkdownParser().parse("""
        # Kế hoạch

        Theo Nghị quyết số 35-NQ/TW và *Kết luận số 01-KL/TW*.

        - Mục một
        - Mục hai

        > Trích
        """)

    struct Counter: MarkdownVisitor {
        var blocks = 0
        var items = 0
        var texts: [String] = []

        mutating func visit(block: Block) -> WalkAction {
            blocks += 1
            return .visitChildren
        }

        mutating func visit(listItem: ListItem) -> WalkAction {
            items += 1
            return .visitChildren
        }

        mutating func visit(inline: Inline) -> WalkAction {
            if case .text(let text) = inline.kind { texts.append(text.string) }
            return .visitChildren
        }
    }

    @Test func walkerVisitsEverythingInOrder() {
        var counter = Counter()
        document.walk(&counter)
        // heading, paragraph, list, two item paragraphs, quote, quoted paragraph
        #expect(counter.blocks == 7)
        #expect(counter.items == 2)
        #expect(counter.texts == ["Kế hoạch", "Theo Nghị quyết số 35-NQ/TW và ", "Kết luận số 01-KL/TW", ".",
                                  "Mục một", "Mục hai", "Trích"])
    }

    struct SkipLists: MarkdownVisitor {
        var texts = 0
        mutating func visit(block: Block) -> WalkAction {
            if case .list = block.kind { return .skipChildren }
            return .visitChildren
        }
        mutating func visit(inline: Inline) -> WalkAction {
            if case .text = inline.kind { texts += 1 }
            return .visitChildren
        }
    }

    @Test func walkerCanSkipSubtrees() {
        var visitor = SkipLists()
        document.walk(&visitor)
        #expect(visitor.texts == 5)
    }

    @Test func rewriterTurnsCitationTextIntoLinks() {
        let linker = ClosureRewriter(inline: { inline in
            guard case .text(let run) = inline.kind, case let text = run.string, let range = text.range(of: "35-NQ/TW") else { return [inline] }
            let link = Link(destination: "van-ban/35-nq-tw.html",
                            children: [Inline(.text("35-NQ/TW"), range: inline.range)])
            return [Inline(.text(InlineText(String(text[..<range.lowerBound]))), range: inline.range),
                    Inline(.link(link), range: inline.range),
                    Inline(.text(InlineText(String(text[range.upperBound...]))), range: inline.range)]
        })
        let html = HTMLRenderer().render(document.rewritten(by: linker))
        #expect(html.contains("<p>Theo Nghị quyết số <a href=\"van-ban/35-nq-tw.html\">35-NQ/TW</a> và <em>Kết luận số 01-KL/TW</em>.</p>"))
    }

    @Test func rewriterCanDropAndSplitBlocks() {
        let dropQuotes = ClosureRewriter(block: { block in
            if case .blockQuote = block.kind { return [] }
            return [block]
        })
        let rewritten = document.rewritten(by: dropQuotes)
        #expect(rewritten.blocks.count == document.blocks.count - 1)
        #expect(!HTMLRenderer().render(rewritten).contains("blockquote"))
    }

    @Test func safeModeDropsDangerousLinksAndRawHTML() {
        let hostile = MarkdownParser().parse("[x](javascript:alert(1)) <script>alert(1)</script>\n\n<div onclick=\"x\">y</div>\n")
        let safe = HTMLRenderer().render(hostile)
        #expect(!safe.contains("javascript"))
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        #expect(safe == CMarkReference.renderHTML("[x](javascript:alert(1)) <script>alert(1)</script>\n\n<div onclick=\"x\">y</div>\n"))
        #expect(HTMLEscaping.isDangerousURL("JavaScript:alert(1)"))
        #expect(HTMLEscaping.isDangerousURL("data:text/html,x"))
        #expect(!HTMLEscaping.isDangerousURL("data:image/png;base64,AAAA"))
        #expect(!HTMLEscaping.isDangerousURL("van-ban/index.html"))
    }
}
