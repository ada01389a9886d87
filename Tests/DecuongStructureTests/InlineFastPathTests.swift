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
            case 1: out.append(Inline(.strong([Inline(.text(text), range: range)]), range: range))
            case 2: out.append(Inline(.softBreak, range: range))
            case 3: out.append(Inline(.emphasis([Inline(.text(text), range: range), Inline(.text(" "), range: range)]), range: range))
            default: out.append(Inline(.text(text), range: range))
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

    /// A label's title handed to `dropPrefix` takes the place of a text cut to the same
    /// bytes, and changes nothing else: titles that are the rest of the first text, the
    /// rest of another, random or empty.
    @Test func droppingReusesOnlyEqualText() {
        var random = FastPathEquivalenceTests.Random(state: 67)
        for _ in 0..<6000 {
            let inlines = Self.inlines(&random)
            let count = Int(random.next() % 8)
            let plain = InlineEditing.dropPrefix(inlines, characters: count)
            var known: String
            switch random.next() % 4 {
            case 0:
                known = ""
                if case .text(let text)? = plain.first?.kind { known = text }
                if case .strong(let children)? = plain.first?.kind, case .text(let text)? = children.first?.kind { known = text }
            case 1: known = plain.plainText
            case 2: known = random.string(3)
            default: known = ""
            }
            #expect(InlineEditing.dropPrefix(inlines, characters: count, reusing: known) == plain, "\(inlines) \(count) \(known)")
        }
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
                var trimmed = Substring(text)
                while let c = trimmed.last, c.isWhitespace { trimmed.removeLast() }
                if trimmed.isEmpty { return trimTrailing(head) }
                head.append(Inline(.text(String(trimmed)), range: last.range))
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
                case .text(let s), .code(let s):
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
