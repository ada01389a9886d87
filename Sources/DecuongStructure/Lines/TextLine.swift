#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DecuongCore
import DecuongMarkdown

/// One line of a document as the recognizer sees it. Converted documents put structure
/// at the start of lines (a label, `Nơi nhận:`, a signature), whatever block CommonMark
/// made of them, so recognition works on lines and the blocks are rebuilt afterwards.
struct TextLine: Sendable {
    /// The line's inline content, markup kept.
    var inlines: [Inline]
    /// The visible text, white space trimmed at both ends. Changed through `replaceText`,
    /// which keeps `range` where the source line was.
    private(set) var text: String
    /// Where the line starts in the source.
    var start: SourceLocation
    /// Where the line ends, when that is not the text's last character: a block's end (atomic
    /// lines), or the end the line had before its text was replaced. Nil: the end is counted
    /// from the text when asked for: only the last lines of sections, blocks, the header and
    /// the closing are asked, and a labelled line is not counted again when its text becomes
    /// its title (`replaceText`).
    private var storedEnd: SourceLocation?
    /// Characters the text lost from its front (`replaceText`), counted into its end.
    private var droppedCharacters = 0

    var range: SourceRange { SourceRange(start: start, end: end) }

    /// The last character's position: the line's column plus the text's characters (those it
    /// had in the source), less one.
    var end: SourceLocation {
        storedEnd ?? SourceLocation(line: start.line,
                                    column: start.column + max(droppedCharacters + ScalarText.characterCount(text) - 1, 0))
    }

    /// A line whose range is given whole (a block's, or a test's).
    init(inlines: [Inline], text: String, range: SourceRange, paragraph: Int, isFirstInParagraph: Bool,
         containers: [LineContainer], startsListItem: Bool, headingLevel: Int?, atomic: Block?, isBold: Bool) {
        self.init(inlines: inlines, text: text, start: range.start, paragraph: paragraph, isFirstInParagraph: isFirstInParagraph,
                  containers: containers, startsListItem: startsListItem, headingLevel: headingLevel, atomic: atomic, isBold: isBold)
        storedEnd = range.end
    }

    /// A line of a paragraph, which ends at its text's last character.
    init(inlines: [Inline], text: String, start: SourceLocation, paragraph: Int, isFirstInParagraph: Bool,
         containers: [LineContainer], startsListItem: Bool, headingLevel: Int?, atomic: Block?, isBold: Bool) {
        self.inlines = inlines
        self.text = text
        self.start = start
        self.paragraph = paragraph
        self.isFirstInParagraph = isFirstInParagraph
        self.containers = containers
        self.startsListItem = startsListItem
        self.headingLevel = headingLevel
        self.atomic = atomic
        self.isBold = isBold
    }

    /// Puts `newText` in place of the text, the line's range unchanged. A labelled line's text
    /// becomes its title, the end of the same text: then only the label's characters are
    /// counted (see `droppedPrefix`), not the whole line's.
    mutating func replaceText(_ newText: String) {
        if storedEnd == nil, let dropped = Self.droppedPrefix(of: text, leaving: newText) {
            droppedCharacters += dropped
        } else {
            storedEnd = end
        }
        text = newText
    }

    /// The characters before `suffix` in `text` when `text` ends with `suffix` and the
    /// characters of `text` are those before it and those of `suffix`, as counted here: the
    /// part before is ASCII without CR (each byte a character, none joining the next) and
    /// `suffix` starts with a scalar that never joins the one before it. Nil otherwise.
    static func droppedPrefix(of text: String, leaving suffix: String) -> Int? {
        text.withUTF8Bytes { whole in
            suffix.withUTF8Bytes { tail -> Int? in
                let dropped = whole.count - tail.count
                guard dropped >= 0 else { return nil }
                for index in 0..<dropped where whole[index] >= 0x80 || whole[index] == 0x0D { return nil }
                // `memcmp`: compared a byte at a time, the title (most of the line) cost some
                // 3,000 instructions a labelled line, 1.4 % of a build's.
                if let tailBase = tail.baseAddress, let wholeBase = whole.baseAddress,
                   memcmp(wholeBase + dropped, tailBase, tail.count) != 0 { return nil }
                guard dropped > 0, let first = suffix.unicodeScalars.first else { return dropped }
                return ScalarText.isSimple(first) && first != "\n" ? dropped : nil
            }
        }
    }
    /// The source paragraph the line came from (lines of one paragraph share it).
    var paragraph: Int
    var isFirstInParagraph: Bool
    /// The lists and quotes around the line, outermost first.
    var containers: [LineContainer]
    /// Set when the line is the first line of a list item (of the innermost container).
    var startsListItem: Bool
    var headingLevel: Int?
    /// Tables, code, raw HTML and rules travel as whole blocks.
    var atomic: Block?
    var isBold: Bool

    var isBlank: Bool { atomic == nil && text.isEmpty }

    /// The ordered-list number CommonMark took from the start of this line, if any.
    var listNumber: (number: Int, delimiter: ListBlock.Delimiter)? {
        guard startsListItem, let container = containers.last,
              case .listItem(let marker, let index, _, let number) = container.kind,
              case .ordered(let start, let delimiter) = marker else { return nil }
        return (number ?? start + index, delimiter)
    }

    /// The bullet CommonMark took from the start of this line, if any.
    var bullet: Character? {
        guard startsListItem, let container = containers.last,
              case .listItem(let marker, _, _, _) = container.kind,
              case .bullet(let character) = marker else { return nil }
        return character
    }
}

/// A list item or block quote that holds a line.
struct LineContainer: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case quote
        case listItem(marker: ListBlock.Marker, index: Int, tight: Bool, number: Int?)
    }

    /// The list (or quote) this belongs to; items of one list share it.
    var id: Int
    var kind: Kind
    var itemRange: SourceRange

    var itemIndex: Int? {
        if case .listItem(_, let index, _, _) = kind { return index }
        return nil
    }
}
