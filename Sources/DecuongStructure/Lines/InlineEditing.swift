#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DecuongCore
import DecuongMarkdown

/// Operations on inline content that the recognizer needs: cutting it into source lines,
/// removing a label from its front, trimming. Markup is kept: a bold span that covers two
/// lines becomes a bold span on each.
enum InlineEditing {
    /// Splits at soft and hard line breaks; containers crossing a break are duplicated.
    static func splitLines(_ inlines: [Inline]) -> [[Inline]] {
        // A paragraph of one line (most of them) is its own line: nothing is rebuilt.
        if isOneLine(inlines) { return [inlines] }
        var lines: [[Inline]] = [[]]
        for inline in inlines {
            switch inline.kind {
            case .softBreak, .lineBreak:
                lines.append([])
            case .emphasis, .strong, .strikethrough, .link:
                let parts = splitLines(inline.children)
                for (index, part) in parts.enumerated() {
                    if index > 0 { lines.append([]) }
                    if !part.isEmpty { lines[lines.count - 1].append(inline.replacingChildren(part)) }
                }
            default:
                lines[lines.count - 1].append(inline)
            }
        }
        return lines
    }

    /// Whether `splitLines(inlines)` is `[inlines]`: no break anywhere, and no container
    /// (which splitting rebuilds, dropping it when empty) without content.
    static func isOneLine(_ inlines: [Inline]) -> Bool {
        for inline in inlines {
            switch inline.kind {
            case .softBreak, .lineBreak:
                return false
            case .emphasis, .strong, .strikethrough, .link:
                let children = inline.children
                if children.isEmpty || !isOneLine(children) { return false }
            default:
                continue
            }
        }
        return true
    }

    /// Removes the first `count` characters of visible text (and any markup left empty).
    static func dropPrefix(_ inlines: [Inline], characters count: Int) -> [Inline] {
        var remaining = count
        return drop(inlines, remaining: &remaining, fromEnd: false)
    }

    /// Removes the last `count` characters of visible text.
    static func dropSuffix(_ inlines: [Inline], characters count: Int) -> [Inline] {
        var remaining = count
        return drop(inlines, remaining: &remaining, fromEnd: true)
    }

    private static func drop(_ inlines: [Inline], remaining: inout Int, fromEnd: Bool) -> [Inline] {
        var out: [Inline] = []
        // Room for all (a label takes at most a few): grown by appending, the array was
        // copied as it grew, and a section's lead keeps it.
        out.reserveCapacity(inlines.count)
        for inline in fromEnd ? inlines.reversed() : inlines {
            guard remaining > 0 else {
                out.append(inline)
                continue
            }
            switch inline.kind {
            case .text(let text):
                // What is kept of a text run is a slice of it: the lead after a label shares
                // the document's text instead of copying the rest of the line.
                if let kept = text.withUTF8Bytes({ keptBytes($0, remaining: &remaining, fromEnd: fromEnd) }) {
                    out.append(Inline(.text(text.slice(kept)), range: inline.range))
                }
            case .code(let code):
                if let kept = code.withUTF8Bytes({ keptBytes($0, remaining: &remaining, fromEnd: fromEnd) }) {
                    let utf8 = code.utf8
                    let slice = utf8[utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: kept.upperBound)]
                    out.append(Inline(.code(String(Substring(slice))), range: inline.range))
                }
            case .emphasis, .strong, .strikethrough, .link:
                let children = drop(inline.children, remaining: &remaining, fromEnd: fromEnd)
                if !children.isEmpty { out.append(inline.replacingChildren(children)) }
            default:
                out.append(inline)
            }
        }
        return fromEnd ? out.reversed() : out
    }

    /// The bytes of the valid UTF-8 `literal` left once `remaining` characters are dropped
    /// from its front (or its end), taking them off `remaining`; nil when all of it goes.
    private static func keptBytes(_ literal: UnsafeBufferPointer<UInt8>, remaining: inout Int, fromEnd: Bool) -> Range<Int>? {
        // From the front, over characters that are single scalars (nearly always): one walk
        // finds both whether the literal fits and where the rest starts.
        if !fromEnd, let (offset, walked) = UTF8Scalars.simplePrefix(literal, characters: remaining) {
            if offset == literal.count {
                remaining -= walked
                return nil
            }
            remaining = 0
            return offset..<literal.count
        }
        // Characters in general (clusters of several scalars), on a String of the literal;
        // walking no further than `remaining` characters: a line's text can be long.
        let text = String(decoding: literal, as: UTF8.self)
        let cut = fromEnd
            ? text.index(text.endIndex, offsetBy: -remaining, limitedBy: text.startIndex)
            : text.index(text.startIndex, offsetBy: remaining, limitedBy: text.endIndex)
        guard let cut, cut != (fromEnd ? text.startIndex : text.endIndex) else {
            remaining -= text.count
            return nil
        }
        remaining = 0
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: cut)
        return fromEnd ? 0..<offset : offset..<literal.count
    }

    /// Removes leading white space from the visible text.
    static func trimLeading(_ inlines: [Inline]) -> [Inline] {
        // Nearly every line opens with text that opens with no white space: then there is
        // nothing to drop, and no need to build the line's text to learn that.
        // (`Character.isWhitespace` is the property of a character's first scalar.)
        if case .text(let first)? = inlines.first?.kind, let scalar = UTF8Scalars.first(first),
           !ScalarText.isWhitespace(scalar) {
            return inlines
        }
        let text = plainText(inlines)
        let spaces = leadingSpaces(text)
        return spaces == 0 ? inlines : dropPrefix(inlines, characters: spaces)
    }

    /// `text.prefix { $0.isWhitespace }.count`, counted on the bytes when the white space
    /// is ASCII and ends at an ASCII byte (then each is a character of its own: no ASCII
    /// scalar extends another, and CR, which pairs with LF, goes to the characters).
    static func leadingSpaces(_ text: String) -> Int {
        let counted: Int? = text.withUTF8Bytes { bytes in
            var count = 0
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0C) {
                    count += 1
                } else if byte < 0x80, byte != 0x0D {
                    return count
                } else {
                    return nil
                }
            }
            return count
        }
        return counted ?? text.prefix { $0.isWhitespace }.count
    }

    /// Removes trailing white space (and a closing `./.`) from the visible text.
    static func trimTrailing(_ inlines: [Inline]) -> [Inline] {
        guard let last = inlines.last else { return inlines }
        // Text that ends in a scalar that stands alone and is not white space keeps its
        // last character, so nothing is trimmed (the common case): no copies.
        if case .text(let text) = last.kind, let scalar = UTF8Scalars.last(text), ScalarText.isSimple(scalar),
           !ScalarText.isWhitespace(scalar) {
            return inlines
        }
        var head: [Inline] = []
        // Room for the last one again: it was appended to an array made at the size of the others.
        head.reserveCapacity(inlines.count)
        head.append(contentsOf: inlines.dropLast())
        switch last.kind {
        case .text(let text):
            let string = text.string
            var trimmed = Substring(string)
            while let c = trimmed.last, c.isWhitespace { trimmed.removeLast() }
            if trimmed.isEmpty { return trimTrailing(head) }
            head.append(Inline(.text(text.slice(0..<trimmed.utf8.count)), range: last.range))
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

    /// The visible text of one line, as the recognizer reads it (the Markdown layer's own
    /// reading: text and code, breaks as spaces, raw HTML left out).
    static func plainText(_ inlines: [Inline]) -> String {
        // One run of text (most lines, and most bold spans) is its own text: appending it
        // to an empty string went through the general append, some 200 instructions a line.
        if inlines.count == 1, case .text(let text) = inlines[0].kind { return text.string }
        return inlines.plainText
    }

    /// Whether every visible character sits inside bold markup (`**…**`).
    static func isAllBold(_ inlines: [Inline]) -> Bool {
        var sawText = false
        for inline in inlines {
            switch inline.kind {
            case .strong:
                // Read in place when the span is one run of text (most are), as `plainText` would give it.
                if inline.children.count == 1, case .text(let text) = inline.children[0].kind {
                    if !text.withUTF8Bytes(trimsToEmpty) { sawText = true }
                } else if !trimsToEmpty(plainText(inline.children)) {
                    sawText = true
                }
            case .text(let text):
                // Read in place: a copy of each line's text was made only to be read here.
                if !text.withUTF8Bytes(trimsToEmpty) { return false }
            case .code(let s):
                if !trimsToEmpty(s) { return false }
            case .emphasis, .link, .strikethrough:
                if !isAllBold(inline.children) { return false }
                sawText = true
            default:
                continue
            }
        }
        return sawText
    }

    /// `text.trimmed().isEmpty`, without the copy: true when every scalar is one that
    /// `trimmed` removes.
    static func trimsToEmpty(_ text: String) -> Bool {
        text.withUTF8Bytes(trimsToEmpty)
    }

    /// `trimsToEmpty` of valid UTF-8: the scalars it allows are ASCII white space and
    /// U+00A0 (C2 A0), U+2007 (E2 80 87), U+202F (E2 80 AF) and U+3000 (E3 80 80).
    static func trimsToEmpty(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let byte = bytes[i]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                i += 1
            } else if byte == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                i += 2
            } else if byte == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x87 || bytes[i + 2] == 0xAF {
                i += 3
            } else if byte == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Joins lines back into one run of inline content, a soft break between each.
    static func join(_ lines: [[Inline]]) -> [Inline] {
        var out: [Inline] = []
        // At its size: the result is kept in the site model.
        out.reserveCapacity(lines.reduce(max(lines.count - 1, 0)) { $0 + $1.count })
        for (index, line) in lines.enumerated() {
            if index > 0, let last = out.last { out.append(Inline(.softBreak, range: last.range)) }
            out.append(contentsOf: line)
        }
        return out
    }
}

extension InlineEditing {
    /// `join(indices.map { lines[$0].inlines }.filter { !$0.isEmpty })`, made at its size
    /// and without the arrays between: a lead or paragraph of several lines.
    static func join<C: Collection>(_ lines: [TextLine], _ indices: C) -> [Inline] where C.Element == Int {
        var count = -1
        for index in indices where !lines[index].inlines.isEmpty { count += lines[index].inlines.count + 1 }
        var out: [Inline] = []
        out.reserveCapacity(max(count, 0))
        for index in indices where !lines[index].inlines.isEmpty {
            if let last = out.last { out.append(Inline(.softBreak, range: last.range)) }
            out.append(contentsOf: lines[index].inlines)
        }
        return out
    }
}

extension Inline {
    func replacingChildren(_ children: [Inline]) -> Inline {
        var copy = self
        switch kind {
        case .emphasis: copy.kind = .emphasis(children)
        case .strong: copy.kind = .strong(children)
        case .strikethrough: copy.kind = .strikethrough(children)
        case .link(var link):
            link.children = children
            copy.kind = .link(link)
        case .image(var link):
            link.children = children
            copy.kind = .image(link)
        default: break
        }
        return copy
    }
}

