import DecuongCore

/// The text of consecutive lines of one paragraph, joined with spaces, so that a citation
/// wrapped over two lines is read whole; offsets map back to source positions.
struct TextRun {
    var text: String
    /// Character offset in `text` where each line starts, and that line's index.
    var starts: [(offset: Int, line: Int)]

    static func runs(_ lines: [TextLine], indices: [Int]) -> [TextRun] {
        var runs: [TextRun] = []
        var current: TextRun?
        var lastParagraph = -1
        for index in indices {
            let line = lines[index]
            guard line.atomic == nil, !line.text.isEmpty else { continue }
            if var run = current, line.paragraph == lastParagraph {
                run.text += " "
                run.starts.append((run.text.count, index))
                run.text += line.text
                current = run
            } else {
                if let run = current { runs.append(run) }
                current = TextRun(text: line.text, starts: [(0, index)])
            }
            lastParagraph = line.paragraph
        }
        if let run = current { runs.append(run) }
        return runs
    }

    /// The source line and position of character `offset`.
    func location(of offset: Int, in lines: [TextLine]) -> (line: Int, location: SourceLocation) {
        let start = starts.last { $0.offset <= offset } ?? starts[0]
        let line = lines[start.line]
        return (start.line, SourceLocation(line: line.range.start.line, column: line.range.start.column + offset - start.offset))
    }

    /// The sentence around `range`, for index pages.
    func sentence(around range: Range<Int>) -> String {
        let chars = Array(text)
        var start = min(range.lowerBound, chars.count)
        while start > 0, !(".;!?".contains(chars[start - 1]) && start < chars.count && chars[start] == " ") { start -= 1 }
        var end = min(range.upperBound, chars.count)
        while end < chars.count, !(".;!?".contains(chars[end]) && (end + 1 == chars.count || chars[end + 1] == " ")) { end += 1 }
        var sentence = String(chars[start..<min(end + 1, chars.count)]).trimmingCharacters(in: .whitespaces)
        if sentence.count > 300 {
            let from = max(0, range.lowerBound - start - 120)
            sentence = "…" + String(Array(sentence)[from..<min(sentence.count, from + 280)]) + "…"
        }
        return sentence
    }
}

import Foundation
