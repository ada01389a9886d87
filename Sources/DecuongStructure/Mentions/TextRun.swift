import DecuongCore

/// The text of consecutive lines of one paragraph, joined with spaces, so that a citation
/// wrapped over two lines is read whole; offsets map back to source positions.
struct TextRun {
    /// The joined text as Unicode scalars: scanners index into it, and a scalar offset is
    /// a column offset (columns count scalars).
    var scalars: [Unicode.Scalar]
    /// Scalar offset where each line starts, and that line's index.
    var starts: [(offset: Int, line: Int)]

    var text: String { ScalarText.string(scalars) }

    static func runs(_ lines: [TextLine], indices: [Int]) -> [TextRun] {
        var runs: [TextRun] = []
        // The open run, built in place: copying a run per line copied its scalars each time.
        var scalars: [Unicode.Scalar] = []
        var starts: [(offset: Int, line: Int)] = []
        var lastParagraph = -1
        for index in indices {
            let line = lines[index]
            guard line.atomic == nil, !line.text.isEmpty else { continue }
            if !starts.isEmpty, line.paragraph == lastParagraph {
                scalars.append(" ")
                starts.append((scalars.count, index))
            } else {
                if !starts.isEmpty { runs.append(TextRun(scalars: scalars, starts: starts)) }
                scalars = []
                scalars.reserveCapacity(line.text.utf8.count)
                starts = [(0, index)]
            }
            for scalar in line.text.unicodeScalars { scalars.append(scalar) }
            lastParagraph = line.paragraph
        }
        if !starts.isEmpty { runs.append(TextRun(scalars: scalars, starts: starts)) }
        return runs
    }

    /// The source line and position of scalar `offset`.
    func location(of offset: Int, in lines: [TextLine]) -> (line: Int, location: SourceLocation) {
        let start = starts.last { $0.offset <= offset } ?? starts[0]
        let line = lines[start.line]
        return (start.line, SourceLocation(line: line.range.start.line, column: line.range.start.column + offset - start.offset))
    }

    /// Where the sentence around a range lies, and whether it was cut: a citation and the
    /// date after it share one, which is then built once (`MentionScanner` keeps them).
    struct SentenceBounds: Hashable {
        var from: Int
        var to: Int
        var prefix: Bool
        var suffix: Bool
    }

    /// The sentence around `range`, for index pages.
    func sentence(around range: Range<Int>) -> String {
        sentence(sentenceBounds(around: range))
    }

    func sentence(_ bounds: SentenceBounds) -> String {
        (bounds.prefix ? "…" : "") + ScalarText.string(scalars[bounds.from..<bounds.to]).trimmed() + (bounds.suffix ? "…" : "")
    }

    func sentenceBounds(around range: Range<Int>) -> SentenceBounds {
        let chars = scalars
        func isStop(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == ";" || scalar == "!" || scalar == "?" }
        var start = min(range.lowerBound, chars.count)
        while start > 0, !(isStop(chars[start - 1]) && start < chars.count && chars[start] == " ") { start -= 1 }
        var end = min(range.upperBound, chars.count)
        while end < chars.count, !(isStop(chars[end]) && (end + 1 == chars.count || chars[end + 1] == " ")) { end += 1 }
        var from = start
        var to = min(end + 1, chars.count)
        var prefix = false
        var suffix = false
        if to - from > 300 {
            from = max(start, range.lowerBound - 120)
            to = min(to, from + 280)
            prefix = from > start
            suffix = true
        }
        return SentenceBounds(from: from, to: to, prefix: prefix, suffix: suffix)
    }
}
