import DecuongCore

/// Finds what a document cites and names: document numbers with their kind and date,
/// dates, and organizations.
struct MentionScanner {
    let lines: [TextLine]
    let lineAnchors: [Int: String]
    let organizationNames: [String]
    let file: String
    private(set) var citations: [Citation] = []
    private(set) var dates: [DateMention] = []
    private(set) var organizations: [OrganizationMention] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(lines: [TextLine], lineAnchors: [Int: String], organizationNames: [String], file: String) {
        self.lines = lines
        self.lineAnchors = lineAnchors
        self.organizationNames = organizationNames
        self.file = file
    }

    mutating func scan(_ indices: [Int]) {
        // The organizations named so far, each mention of a name given the first one's string.
        var names = NameTable()
        // Organizations are read from the UTF-8: only numbers and dates need the scalars.
        TextRun.forEachRun(lines, indices: indices, decoding: { $0 }) { run, utf8 in
            // Numbers and dates start with a digit: a run without one has neither.
            if run.hasDigit {
                // Numbers once per run: citations are numbers, and dates inside them are not dates.
                let numbers = DocumentNumberScanner.scan(run.scalars)
                var sentences: [(bounds: TextRun.SentenceBounds, text: ContextSentence)] = []
                scanCitations(run, utf8, numbers: numbers, sentences: &sentences)
                scanDates(run, utf8, numbers: numbers.map(\.range), sentences: &sentences)
            }
            OrganizationScanner.scan(utf8: utf8, known: organizationNames, names: &names) { name, range in
                let (line, location) = run.location(of: range.lowerBound, in: lines)
                organizations.append(OrganizationMention(name: name, sectionAnchor: lineAnchors[line], location: location))
            }
        }
    }

    /// The sentence around `range`, built once per run for the mentions that share it.
    private func sentence(_ run: TextRun, _ utf8: UnsafeBufferPointer<UInt8>, around range: Range<Int>,
                          _ sentences: inout [(bounds: TextRun.SentenceBounds, text: ContextSentence)]) -> ContextSentence {
        let bounds = run.sentenceBounds(around: range)
        // A run has few sentences with mentions: a list is searched faster than hashed.
        if let known = sentences.first(where: { $0.bounds == bounds }) { return known.text }
        let sentence = run.contextSentence(bounds, utf8: utf8, lines: lines)
        sentences.append((bounds, sentence))
        return sentence
    }

    private mutating func scanCitations(_ run: TextRun, _ utf8: UnsafeBufferPointer<UInt8>,
                                        numbers: [DocumentNumberScanner.Match],
                                        sentences: inout [(bounds: TextRun.SentenceBounds, text: ContextSentence)]) {
        let chars = run.scalars
        for match in numbers {
            let (line, location) = run.location(of: match.range.lowerBound, in: lines)
            let kind = CitationKinds.kind(before: match.range.lowerBound, in: chars)
            var date: String?
            // "… số 35-NQ/TW, ngày 22/10/2018" or "… ngày 22 tháng 10 năm 2018".
            let tailStart = match.range.upperBound
            let tail = Array(chars[tailStart..<min(chars.count, tailStart + 40)])
            if let found = DateScanner.first(in: tail) {
                // Read from the scalars: the string is built only where lowercasing needs it.
                let gap = Self.trimmedGap(tail[..<found.range.lowerBound])
                if gap.isEmpty || (Self.isNgay(scalars: gap) ?? (ScalarText.string(gap).lowercased() == "ngày")) {
                    date = found.date
                    if found.isImpossible {
                        diagnostics.append(.warning("citation.impossible-date",
                                                    "the date \(found.text) of \(match.id) does not exist",
                                                    file: file, at: location, hint: "check the day and month"))
                        date = nil
                    }
                }
            }
            let year = date.flatMap { Self.year(ofISODate: $0) } ?? CitationKinds.year(in: match.id)
            citations.append(Citation(id: match.id, kind: kind, date: date, year: year, sectionAnchor: lineAnchors[line],
                                      location: location, sentence: sentence(run, utf8, around: match.range, &sentences)))
        }
    }

    /// The text between a number and its date, as
    /// `trimmingCharacters(in: CharacterSet(charactersIn: " ,"))` leaves it: both are single
    /// UTF-16 units, so trimming scalars trims the same, without NSString.
    static func gap(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        ScalarText.string(trimmedGap(scalars))
    }

    /// The scalars of `gap(_:)`: the bounds moved in, not the slice shortened a scalar at a
    /// time (`referenceTrimmedGap`).
    static func trimmedGap(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, scalars[lower] == " " || scalars[lower] == "," { lower += 1 }
        while upper > lower, scalars[upper - 1] == " " || scalars[upper - 1] == "," { upper -= 1 }
        return scalars[lower..<upper]
    }

    /// `trimmedGap` as first written: the reference for the tests.
    static func referenceTrimmedGap(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var gap = scalars
        while let first = gap.first, first == " " || first == "," { gap.removeFirst() }
        while let last = gap.last, last == " " || last == "," { gap.removeLast() }
        return gap
    }

    /// `Int(date.prefix(4))`: four ASCII digits (every date the scanner writes) read from
    /// the bytes, anything else as before.
    static func year(ofISODate date: String) -> Int? {
        let utf8 = date.utf8
        var value = 0
        var count = 0
        for byte in utf8.prefix(5) {
            if count == 4 {
                // A fifth byte must not be one `prefix(4)` would have kept as a character.
                guard byte < 0x80, byte != 0x0D else { return Int(date.prefix(4)) }
                break
            }
            guard byte &- 0x30 < 10 else { return Int(date.prefix(4)) }
            value = value * 10 + Int(byte &- 0x30)
            count += 1
        }
        return count == 4 ? value : Int(date.prefix(4))
    }

    /// `isNgay(ScalarText.string(gap))` read from the scalars, without the string.
    static func isNgay(scalars gap: ArraySlice<Unicode.Scalar>) -> Bool? {
        guard ScalarText.isSimple(scalars: gap) else { return nil }
        guard gap.count == 4 else { return false }
        let lower: [Unicode.Scalar] = ["n", "g", "\u{E0}", "y"]
        let upper: [Unicode.Scalar] = ["N", "G", "\u{C0}", "Y"]
        for (k, scalar) in zip(0..., gap) where scalar != lower[k] && scalar != upper[k] { return false }
        return true
    }

    /// `gap.lowercased() == "ngày"` read from the scalars, or nil when that needs the
    /// standard library. When every scalar stands alone as a character (see
    /// `ScalarText.isSimple`), only `n N`, `g G`, `à À`, `y Y` lowercase to the letters
    /// of "ngày", one each, and the comparison is of scalars: the gap must be those four.
    static func isNgay(_ gap: String) -> Bool? {
        guard ScalarText.isSimple(gap) else { return nil }
        let expected: [(Unicode.Scalar, Unicode.Scalar)] = [("n", "N"), ("g", "G"), ("\u{E0}", "\u{C0}"), ("y", "Y")]
        var count = 0
        for scalar in gap.unicodeScalars {
            guard count < 4, scalar == expected[count].0 || scalar == expected[count].1 else { return false }
            count += 1
        }
        return count == 4
    }

    private mutating func scanDates(_ run: TextRun, _ utf8: UnsafeBufferPointer<UInt8>, numbers: [Range<Int>],
                                    sentences: inout [(bounds: TextRun.SentenceBounds, text: ContextSentence)]) {
        for match in DateScanner.scan(run.scalars, hasDigit: run.hasDigit) where !numbers.contains(where: { $0.overlaps(match.range) }) {
            let (line, location) = run.location(of: match.range.lowerBound, in: lines)
            if match.isImpossible {
                diagnostics.append(.warning("date.impossible", "the date \(match.text) does not exist", file: file,
                                            at: location, hint: "check the day and month"))
                continue
            }
            dates.append(DateMention(date: match.date, endDate: match.endDate, text: match.text,
                                     sectionAnchor: lineAnchors[line], location: location,
                                     sentence: sentence(run, utf8, around: match.range, &sentences)))
        }
    }
}

import Foundation
