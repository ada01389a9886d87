import DecuongCore
import Testing
@testable import DecuongStructure

/// Sentences built once per run give what building each one gave.
@Suite struct SentenceBoundsTests {
    @Test func boundsBuildTheSameSentence() {
        var random = FastPathEquivalenceTests.Random(state: 62)
        for _ in 0..<2000 {
            let scalars = Array(random.string(random.next() % 4 == 0 ? 300 : 40).unicodeScalars)
            let run = TextRun(scalars: scalars, starts: [(0, 0)])
            guard !scalars.isEmpty else { continue }
            let a = Int(random.next() % UInt64(scalars.count))
            let b = min(scalars.count, a + Int(random.next() % 20))
            #expect(run.sentence(around: a..<b) == Self.reference(run, around: a..<b), "\(scalars)")
        }
    }

    /// `TextRun.sentence(around:)` as it was.
    static func reference(_ run: TextRun, around range: Range<Int>) -> String {
        let chars = run.scalars
        func isStop(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == ";" || scalar == "!" || scalar == "?" }
        var start = min(range.lowerBound, chars.count)
        while start > 0, !(isStop(chars[start - 1]) && start < chars.count && chars[start] == " ") { start -= 1 }
        var end = min(range.upperBound, chars.count)
        while end < chars.count, !(isStop(chars[end]) && (end + 1 == chars.count || chars[end + 1] == " ")) { end += 1 }
        var from = start
        var to = min(end + 1, chars.count)
        var prefix = ""
        var suffix = ""
        if to - from > 300 {
            from = max(start, range.lowerBound - 120)
            to = min(to, from + 280)
            prefix = from > start ? "…" : ""
            suffix = "…"
        }
        return prefix + ScalarText.string(chars[from..<to]).trimmed() + suffix
    }
}
