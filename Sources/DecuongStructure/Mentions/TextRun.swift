#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DecuongCore
import DecuongMarkdown

/// The text of consecutive lines of one paragraph, joined with spaces, so that a citation
/// wrapped over two lines is read whole; offsets map back to source positions.
struct TextRun {
    /// The joined text as Unicode scalars: scanners index into it, and a scalar offset is
    /// a column offset (columns count scalars).
    var scalars: [Unicode.Scalar]
    /// Scalar offset where each line starts, and that line's index.
    var starts: [(offset: Int, line: Int)]
    /// Whether the text holds an ASCII digit: document numbers and dates start with one,
    /// and most runs of prose have none, so their scanners can pass those runs over.
    var hasDigit = true
    /// Byte offset in the joined UTF-8 where each line of `starts` begins (`forEachRun`
    /// sets it; empty in runs made otherwise).
    var byteStarts: [Int] = []

    var text: String { ScalarText.string(scalars) }

    static func runs(_ lines: [TextLine], indices: [Int]) -> [TextRun] {
        var runs: [TextRun] = []
        forEachRun(lines, indices: indices, decoding: { _ in true }) { run, _ in runs.append(run) }
        return runs
    }

    /// Calls `body` with each run in turn and its text as UTF-8. The runs share their
    /// storage, one run's after another's (a run kept past `body` keeps its own copy):
    /// allocating the scalars of every run cost more than scanning them. The scalars are
    /// decoded only where `decoding` asks for them, told whether the run holds a digit;
    /// `scalars` is empty otherwise (`starts` and `hasDigit` are always set).
    static func forEachRun(_ lines: [TextLine], indices: [Int], decoding: (_ hasDigit: Bool) -> Bool,
                           _ body: (TextRun, UnsafeBufferPointer<UInt8>) -> Void) {
        var run = TextRun(scalars: [], starts: [], hasDigit: false)
        // The lines' bytes are joined here, and scalars decoded here and copied into the
        // run at once: an array offers no way to write its spare capacity.
        var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 0)
        var byteCapacity = 0
        var scratch = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: 0)
        var scratchCapacity = 0
        defer {
            bytes.deallocate()
            scratch.deallocate()
        }
        var members: [Int] = []
        // Each run is gathered and then scanned in this loop's body: a nested function doing
        // the scan captured the run and the buffers, boxed them, and paid an access check
        // and a retain of the run's three arrays for each run.
        var next = 0
        while true {
            clear(&members)
            var paragraph = -1
            while next < indices.count {
                let index = indices[next]
                // By index: a copy of each line retained all it holds.
                guard lines[index].atomic == nil, !lines[index].text.isEmpty else {
                    next += 1
                    continue
                }
                if !members.isEmpty, lines[index].paragraph != paragraph { break }
                members.append(index)
                paragraph = lines[index].paragraph
                next += 1
            }
            guard !members.isEmpty else { break }

            var capacity = members.count - 1
            for index in members { capacity += lines[index].text.utf8.count }
            if capacity > byteCapacity {
                bytes.deallocate()
                byteCapacity = max(capacity, 2 * byteCapacity)
                bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
            }
            // In the run itself, which hands them on to `sentence(_:utf8:lines:)`.
            clear(&run.byteStarts)
            var length = 0
            for index in members {
                if length > 0 {
                    bytes[length] = 0x20
                    length += 1
                }
                run.byteStarts.append(length)
                // Lent, not copied: `withUTF8` on a copy cost a retain, a release and a
                // uniqueness test per line.
                length += lines[index].text.withUTF8Bytes { line in
                    guard let source = line.baseAddress else { return 0 }
                    (bytes + length).update(from: source, count: line.count)
                    return line.count
                }
            }
            let joined = UnsafeBufferPointer(start: bytes, count: length)
            run.hasDigit = containsDigit(joined)
            clear(&run.starts)
            // Left empty by runs that were not decoded (most).
            if !run.scalars.isEmpty { run.scalars.removeAll(keepingCapacity: true) }
            // Each line runs from its first byte to the space before the next (or the end).
            let lineCount = run.byteStarts.count
            if decoding(run.hasDigit) {
                // A scalar takes at least one byte, so the bytes bound the scalars.
                if length > scratchCapacity {
                    scratch.deallocate()
                    scratchCapacity = max(length, 2 * scratchCapacity)
                    scratch = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: scratchCapacity)
                }
                let out = UnsafeMutableRawPointer(scratch)
                var written = 0
                for k in 0..<lineCount {
                    if k > 0 {
                        out.storeBytes(of: 0x20, toByteOffset: written &* 4, as: UInt32.self)
                        written += 1
                    }
                    run.starts.append((written, members[k]))
                    let lineEnd = k + 1 < lineCount ? run.byteStarts[k + 1] - 1 : length
                    written += decode(UnsafeBufferPointer(rebasing: joined[run.byteStarts[k]..<lineEnd]), into: out + written &* 4)
                }
                run.scalars.append(contentsOf: UnsafeBufferPointer(start: scratch, count: written))
            } else {
                var counted = 0
                for k in 0..<lineCount {
                    if k > 0 { counted += 1 }
                    run.starts.append((counted, members[k]))
                    // The last line's count would place a line after it: there is none (a
                    // run of one line, most of them, counts nothing).
                    if k + 1 < lineCount { counted += scalarCount(bytes, run.byteStarts[k], run.byteStarts[k + 1] - 1) }
                }
            }
            body(run, joined)
        }
    }

    /// Empties an array of a run's few lines, keeping its storage: `removeAll(keepingCapacity:)`
    /// replaces the whole range, some eighty instructions each time, three times a run.
    @inline(__always)
    private static func clear<Element>(_ array: inout [Element]) {
        while !array.isEmpty { array.removeLast() }
    }

    /// How many scalars start in `base[from..<to]` of valid UTF-8 (the bytes that are not
    /// 10xxxxxx), eight bytes at a time. Continuation bytes are counted per byte lane and
    /// the lanes summed before one can overflow: a popcount each word (the baseline has
    /// no instruction for it) cost more.
    static func scalarCount(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var i = from
        var continued = 0
        while to &- i >= 8 {
            var lanes: UInt64 = 0
            let chunkEnd = i &+ min((to &- i) & ~7, 255 &* 8)
            while i < chunkEnd {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                lanes &+= (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
                i &+= 8
            }
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            continued &+= Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        var count = i &- from &- continued
        while i < to {
            if base[i] & 0xC0 != 0x80 { count &+= 1 }
            i &+= 1
        }
        return count
    }

    /// Whether `bytes` hold an ASCII digit, read eight at a time. For a byte below 0x80,
    /// adding 0x50 sets its top bit from "0" up and adding 0x46 from ":" up, without a
    /// carry into the next byte; bytes from 0x80 are masked to seven bits for the sums and
    /// then left out.
    static func containsDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return false }
        let n = bytes.count
        var i = 0
        while n &- i >= 8 {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let low = word & 0x7F7F_7F7F_7F7F_7F7F
            if (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ~word & 0x8080_8080_8080_8080 != 0 {
                return true
            }
            i &+= 8
        }
        while i < n {
            if p[i] &- 0x30 < 10 { return true }
            i &+= 1
        }
        return false
    }

    /// Writes the scalars of the valid UTF-8 `bytes` to `out` as 32-bit values (the
    /// layout of `Unicode.Scalar`); the count.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableRawPointer) -> Int {
        guard let p = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = 0
        var o = 0
        // Strings hold valid UTF-8: lead bytes tell each scalar's length.
        while i < n {
            let byte = p[i]
            var value: UInt32
            if byte < 0x80 {
                value = UInt32(byte)
                i &+= 1
            } else if byte < 0xE0 {
                value = (UInt32(byte & 0x1F) << 6) | UInt32(p[i &+ 1] & 0x3F)
                i &+= 2
            } else if byte < 0xF0 {
                value = (UInt32(byte & 0x0F) << 12) | (UInt32(p[i &+ 1] & 0x3F) << 6) | UInt32(p[i &+ 2] & 0x3F)
                i &+= 3
            } else {
                value = (UInt32(byte & 0x07) << 18) | (UInt32(p[i &+ 1] & 0x3F) << 12)
                    | (UInt32(p[i &+ 2] & 0x3F) << 6) | UInt32(p[i &+ 3] & 0x3F)
                i &+= 4
            }
            out.storeBytes(of: value, toByteOffset: o &* 4, as: UInt32.self)
            o &+= 1
        }
        return o
    }

    /// `runs(_:indices:)` as it was, scalar by scalar: the reference for the tests.
    static func referenceRuns(_ lines: [TextLine], indices: [Int]) -> [TextRun] {
        var runs: [TextRun] = []
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
        return (start.line, SourceLocation(line: line.start.line, column: line.start.column + offset - start.offset))
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

    /// The sentence of `bounds`, trimmed as `trimmed()` trims, with its marks of omission,
    /// written into one string.
    func sentence(_ bounds: SentenceBounds) -> String {
        scalars.withUnsafeBufferPointer { chars in
            var from = bounds.from
            var to = bounds.to
            while from < to, Self.isTrimmedSpace(chars[from]) { from += 1 }
            while to > from, Self.isTrimmedSpace(chars[to - 1]) { to -= 1 }
            // "…" is E2 80 A6.
            var length = (bounds.prefix ? 3 : 0) + (bounds.suffix ? 3 : 0)
            for k in from..<to {
                let value = chars[k].value
                length &+= value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
            }
            guard length > 0 else { return "" }
            return String(unsafeUninitializedCapacity: length) { buffer in
                guard let out = buffer.baseAddress else { return 0 }
                var i = 0
                if bounds.prefix {
                    out[0] = 0xE2
                    out[1] = 0x80
                    out[2] = 0xA6
                    i = 3
                }
                for k in from..<to {
                    let value = chars[k].value
                    if value < 0x80 {
                        out[i] = UInt8(truncatingIfNeeded: value)
                        i &+= 1
                    } else if value < 0x800 {
                        out[i] = UInt8(truncatingIfNeeded: 0xC0 | (value >> 6))
                        out[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                        i &+= 2
                    } else if value < 0x10000 {
                        out[i] = UInt8(truncatingIfNeeded: 0xE0 | (value >> 12))
                        out[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
                        out[i &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                        i &+= 3
                    } else {
                        out[i] = UInt8(truncatingIfNeeded: 0xF0 | (value >> 18))
                        out[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 12) & 0x3F))
                        out[i &+ 2] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
                        out[i &+ 3] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                        i &+= 4
                    }
                }
                if bounds.suffix {
                    out[i] = 0xE2
                    out[i &+ 1] = 0x80
                    out[i &+ 2] = 0xA6
                    i &+= 3
                }
                return i
            }
        }
    }

    /// The scalar range of `bounds` without the spaces `sentence` trims from its ends.
    private func trimmed(_ bounds: SentenceBounds) -> (from: Int, to: Int) {
        scalars.withUnsafeBufferPointer { chars in
            var from = bounds.from
            var to = bounds.to
            while from < to, Self.isTrimmedSpace(chars[from]) { from += 1 }
            while to > from, Self.isTrimmedSpace(chars[to - 1]) { to -= 1 }
            return (from, to)
        }
    }

    /// `sentence(bounds)` copied from `utf8`, the run's text as UTF-8 (as `forEachRun`
    /// gives it): the trimmed scalars' bytes are found by counting scalar starts, eight
    /// bytes at a time, instead of encoding every scalar again.
    func sentence(_ bounds: SentenceBounds, utf8: UnsafeBufferPointer<UInt8>) -> String {
        let (from, to) = trimmed(bounds)
        let byteFrom = Self.byteOffset(ofScalar: from, in: utf8, after: (0, 0))
        let byteTo = Self.byteOffset(ofScalar: to, in: utf8, after: (byteFrom, from))
        // "…" is E2 80 A6.
        let length = (bounds.prefix ? 3 : 0) + (byteTo - byteFrom) + (bounds.suffix ? 3 : 0)
        guard length > 0, let source = utf8.baseAddress else { return "" }
        return String(unsafeUninitializedCapacity: length) { buffer in
            guard let out = buffer.baseAddress else { return 0 }
            var i = 0
            if bounds.prefix {
                out[0] = 0xE2
                out[1] = 0x80
                out[2] = 0xA6
                i = 3
            }
            (out + i).update(from: source + byteFrom, count: byteTo - byteFrom)
            i += byteTo - byteFrom
            if bounds.suffix {
                out[i] = 0xE2
                out[i &+ 1] = 0x80
                out[i &+ 2] = 0xA6
                i &+= 3
            }
            return i
        }
    }

    /// `sentence(bounds, utf8:)` put together from slices of the lines' own strings, whose
    /// bytes `utf8` joins (a space between two), as `forEachRun` gives them: a slice of a
    /// string is valid UTF-8 already, and validating the sentence's bytes again was most of
    /// making it. The byte offsets are counted from the start of the line that holds each
    /// end (`byteStarts`), not from the start of the run. `sentence(_:utf8:)` is the
    /// reference.
    func sentence(_ bounds: SentenceBounds, utf8: UnsafeBufferPointer<UInt8>, lines: [TextLine]) -> String {
        guard byteStarts.count == starts.count, !starts.isEmpty else { return sentence(bounds, utf8: utf8) }
        let (byteFrom, byteTo) = trimmedBytes(bounds, utf8: utf8)
        let length = (bounds.prefix ? 3 : 0) + (byteTo - byteFrom) + (bounds.suffix ? 3 : 0)
        guard length > 0 else { return "" }
        if !bounds.prefix, !bounds.suffix, let whole = Self.wholeLineText(byteFrom, byteTo, utf8: utf8, byteStarts: byteStarts,
                                                                         starts: starts, lines: lines) {
            return whole
        }
        var out = ""
        out.reserveCapacity(length)
        if bounds.prefix { out.append("…") }
        for k in byteStarts.indices {
            let start = byteStarts[k]
            // The space joining this line to the one before.
            if k > 0, start - 1 >= byteFrom, start - 1 < byteTo { out.append(" ") }
            if start >= byteTo { break }
            let end = k + 1 < byteStarts.count ? byteStarts[k + 1] - 1 : utf8.count
            let a = max(start, byteFrom)
            let b = min(end, byteTo)
            guard a < b else { continue }
            let text = lines[starts[k].line].text.utf8
            out.append(contentsOf: Substring(text[text.index(text.startIndex, offsetBy: a - start)..<text.index(text.startIndex, offsetBy: b - start)]))
        }
        if bounds.suffix { out.append("…") }
        return out
    }

    /// `sentence(bounds, utf8:lines:)` as the mention keeps it: cut from the string of the
    /// line that holds it when that line is one text inline (most lines), so that it holds
    /// no bytes of its own; that string is the one the document keeps in its blocks.
    func contextSentence(_ bounds: SentenceBounds, utf8: UnsafeBufferPointer<UInt8>, lines: [TextLine]) -> ContextSentence {
        guard byteStarts.count == starts.count, !starts.isEmpty, let base = utf8.baseAddress else {
            return ContextSentence(sentence(bounds, utf8: utf8, lines: lines))
        }
        let (byteFrom, byteTo) = trimmedBytes(bounds, utf8: utf8)
        // The line the sentence starts in, and where that line's bytes end in `utf8`.
        var k = 0
        while k + 1 < byteStarts.count, byteStarts[k + 1] <= byteFrom { k += 1 }
        let lineStart = byteStarts[k]
        let lineEnd = k + 1 < byteStarts.count ? byteStarts[k + 1] - 1 : utf8.count
        let line = starts[k].line
        guard byteFrom < byteTo, byteTo <= lineEnd, lines[line].inlines.count == 1,
              case .text(let text) = lines[line].inlines[0].kind else {
            return ContextSentence(sentence(bounds, utf8: utf8, lines: lines))
        }
        let same = text.withUTF8Bytes { bytes in
            guard bytes.count == lineEnd - lineStart, let start = bytes.baseAddress else { return false }
            return memcmp(base + lineStart, start, bytes.count) == 0
        }
        guard same else { return ContextSentence(sentence(bounds, utf8: utf8, lines: lines)) }
        return ContextSentence(cutFrom: text, bytes: (byteFrom - lineStart)..<(byteTo - lineStart),
                               prefix: bounds.prefix, suffix: bounds.suffix)
    }

    /// The byte offsets in `utf8` of the trimmed sentence's first byte and of the byte after it.
    private func trimmedBytes(_ bounds: SentenceBounds, utf8: UnsafeBufferPointer<UInt8>) -> (from: Int, to: Int) {
        let (from, to) = trimmed(bounds)
        let byteFrom = Self.byteOffset(ofScalar: from, in: utf8, after: lineStart(before: from))
        let toStart = lineStart(before: to)
        let byteTo = Self.byteOffset(ofScalar: to, in: utf8, after: toStart.byte >= byteFrom ? toStart : (byteFrom, from))
        return (byteFrom, byteTo)
    }

    /// The string of the line's one run of text when the sentence is that whole line (a
    /// one-sentence line, as many citing lines are): the mention then shares the string the
    /// document keeps in its blocks, where a copy of it was kept for each such sentence.
    /// Nil unless the line is one text inline with the sentence's bytes.
    private static func wholeLineText(_ byteFrom: Int, _ byteTo: Int, utf8: UnsafeBufferPointer<UInt8>, byteStarts: [Int],
                                      starts: [(offset: Int, line: Int)], lines: [TextLine]) -> String? {
        guard let k = byteStarts.firstIndex(of: byteFrom) else { return nil }
        let end = k + 1 < byteStarts.count ? byteStarts[k + 1] - 1 : utf8.count
        guard end == byteTo, let base = utf8.baseAddress else { return nil }
        let line = starts[k].line
        guard lines[line].inlines.count == 1, case .text(let text) = lines[line].inlines[0].kind else { return nil }
        let same = text.withUTF8Bytes { bytes in
            guard bytes.count == byteTo - byteFrom, let start = bytes.baseAddress else { return false }
            return memcmp(base + byteFrom, start, bytes.count) == 0
        }
        return same ? text.string : nil
    }

    /// The byte and scalar offsets where the last line starting at or before scalar
    /// `offset` starts.
    private func lineStart(before offset: Int) -> (byte: Int, scalar: Int) {
        var k = 0
        while k + 1 < starts.count, starts[k + 1].offset <= offset { k += 1 }
        return (byteStarts[k], starts[k].offset)
    }

    /// The byte in the valid UTF-8 `utf8` where scalar `offset` starts (the count of bytes
    /// when it is the count of scalars), searched from `start`, a byte where scalar
    /// `start.scalar` starts (at or before the one asked for).
    static func byteOffset(ofScalar offset: Int, in utf8: UnsafeBufferPointer<UInt8>, after start: (byte: Int, scalar: Int)) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let n = utf8.count
        var i = start.byte
        var scalar = start.scalar
        // A word is passed over while every scalar starting in it comes before the one asked for.
        while n &- i >= 8 {
            let starts = ScalarText.scalarStarts(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            guard scalar &+ starts <= offset else { break }
            scalar &+= starts
            i &+= 8
        }
        while i < n {
            if base[i] & 0xC0 != 0x80 {
                if scalar == offset { return i }
                scalar &+= 1
            }
            i &+= 1
        }
        return n
    }

    /// The scalars `String.trimmed()` removes at either end.
    private static func isTrimmedSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2007, 0x202F, 0x3000: true
        default: false
        }
    }

    func sentenceBounds(around range: Range<Int>) -> SentenceBounds {
        scalars.withUnsafeBufferPointer { sentenceBounds(around: range, in: $0) }
    }

    private func sentenceBounds(around range: Range<Int>, in chars: UnsafeBufferPointer<Unicode.Scalar>) -> SentenceBounds {
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
