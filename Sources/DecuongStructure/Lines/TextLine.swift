import DecuongCore
import DecuongMarkdown

/// One line of a document as the recognizer sees it. Converted documents put structure
/// at the start of lines (a label, `Nơi nhận:`, a signature), whatever block CommonMark
/// made of them, so recognition works on lines and the blocks are rebuilt afterwards.
struct TextLine: Sendable {
    /// The line's inline content, markup kept.
    var inlines: [Inline]
    /// The visible text, white space trimmed at both ends.
    var text: String
    var range: SourceRange
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
