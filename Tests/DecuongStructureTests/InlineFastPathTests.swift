import DecuongCore
import DecuongMarkdown
import Foundation
import Testing
@testable import DecuongStructure

/// The shortcuts in front of trimming and the bold test, against the code they stand in
/// front of.
@Suite struct InlineFastPathTests {
    static func inlines(_ random: inout FastPathEquivalenceTests.Random) -> [Inline] {
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
        var out: [Inline] = []
        for _ in 0..<Int(random.next() % 4) {
            let text = random.string(5)
            switch random.next() % 6 {
            case 0: out.append(Inline(.code(text), range: range))
            case 1: out.append(Inline(.strong([Inline(.text(InlineText(text)), range: range)]), range: range))
            case 2: out.append(Inline(.softBreak, range: range))
            case 3: out.append(Inline(.emphasis([Inline(.text(InlineText(text)), range: range), Inline(.text(" "), range: range)]), range: range))
            default: out.append(Inline(.text(InlineText(text)), range: range))
            }
        }
        return out
    }

    @Test func trimmingAndBoldMatchTheOldCode() {
        var random = FastPathEquivalenceTests.Random(state: 61)
        for _ in 0..<6000 {
            let inlines = Self.inlines(&random)
            #expect(InlineEditing.trimLeading(inlines) == Reference.trimLeading(inlines), "\(inlines)")
            #expect(InlineEditing.trimTrailing(inlines) == Reference.trimTrailing(inlines), "\(inlines)")
            #expect(InlineEditing.isAllBold(inlines) == Reference.isAllBold(inlines), "\(inlines)")
        }
    }

    /// The byte test answers as trimming does, on the spaces `trimmed` removes among others
    /// that share their lead bytes.
    @Test func trimmingToEmptyReadsTheBytesAsTheScalars() {
        var random = FastPathEquivalenceTests.Random(state: 62)
        let pieces = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{A1}", "\u{2007}", "\u{2008}", "\u{202F}", "\u{2028}",
                      "\u{3000}", "\u{3001}", "\u{85}", "\u{1680}", "a", "\u{E0}", "\u{20AC}"]
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<Int(random.next() % 5) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer(InlineEditing.trimsToEmpty) == text.trimmed().isEmpty, "\(Array(text.unicodeScalars))")
        }
    }

    /// What `dropPrefix` and the trimming keep of a text run is a part of the same text
    /// (no copy): a section's lead shares its document's text.
    @Test func droppingAndTrimmingKeepAPartOfTheSameText() {
        let document = SharedText("1. Tăng cường công tác  ")
        guard let run = InlineText(document, bytes: 0..<document.text.utf8.count) else {
            Issue.record("a run of the whole text")
            return
        }
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
        let kept = InlineEditing.trimTrailing(InlineEditing.dropPrefix([Inline(.text(run), range: range)], characters: 3))
        guard kept.count == 1, case .text(let text) = kept[0].kind else {
            Issue.record("one text run kept: \(kept)")
            return
        }
        #expect(text == "Tăng cường công tác")
        #expect(text.sharedText === document)
        #expect(!text.isWholeBase)
    }

    private enum Reference {
        static func trimLeading(_ inlines: [Inline]) -> [Inline] {
            let text = inlines.plainText
            let spaces = text.prefix { $0.isWhitespace }.count
            return spaces == 0 ? inlines : InlineEditing.dropPrefix(inlines, characters: spaces)
        }

        static func trimTrailing(_ inlines: [Inline]) -> [Inline] {
            guard let last = inlines.last else { return inlines }
            var head = Array(inlines.dropLast())
            switch last.kind {
            case .text(let text):
                var trimmed = Substring(text.string)
                while let c = trimmed.last, c.isWhitespace { trimmed.removeLast() }
                if trimmed.isEmpty { return trimTrailing(head) }
                head.append(Inline(.text(InlineText(String(trimmed))), range: last.range))
                return head
            case .emphasis, .strong, .strikethrough, .link:
                let children = trimTrailing(last.children)
                if children.isEmpty { return trimTrailing(head) }
                head.append(last.replacingChildren(children))
                return head
            default:
                return inlines
            }
        }

        static func isAllBold(_ inlines: [Inline]) -> Bool {
            var sawText = false
            for inline in inlines {
                switch inline.kind {
                case .strong:
                    if !inline.children.plainText.trimmed().isEmpty { sawText = true }
                case .text(let text):
                    if !text.string.trimmed().isEmpty { return false }
                case .code(let s):
                    if !s.trimmed().isEmpty { return false }
                case .emphasis, .link, .strikethrough:
                    if !isAllBold(inline.children) { return false }
                    sawText = true
                default:
                    continue
                }
            }
            return sawText
        }
    }
}
