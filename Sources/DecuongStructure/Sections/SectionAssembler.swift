import DecuongCore
import DecuongMarkdown

/// Turns the builder's nodes into `Section` values: titles, heading or run-in, body
/// blocks, and stable anchors from the numbering.
struct SectionAssembler {
    let builder: SectionBuilder
    let rebuilder: BlockRebuilder
    private(set) var anchors: [Int: String] = [:]
    private(set) var usedAnchors: [String: Int] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    let file: String

    init(builder: SectionBuilder, file: String) {
        self.builder = builder
        self.rebuilder = BlockRebuilder(lines: builder.lines, consumed: builder.consumedListItems)
        self.file = file
    }

    /// Sections for `roots`, and for every line the anchor of the section holding it.
    mutating func assemble() -> (sections: [Section], lineAnchors: [Int: String]) {
        var lineAnchors: [Int: String] = [:]
        // Nearly every line of the body gets an entry: grown step by step, the table was rehashed each time.
        lineAnchors.reserveCapacity(builder.lines.count)
        usedAnchors.reserveCapacity(builder.nodes.count)
        let sections = builder.rootNodes.map { assemble($0, numbering: .top, parts: AnchorParts(), lineAnchors: &lineAnchors) }
        return (sections, lineAnchors)
    }

    private mutating func assemble(_ id: Int, numbering: SectionNumbering, parts: AnchorParts,
                                   lineAnchors: inout [Int: String]) -> Section {
        // The node's fields one by one: a copy of the whole node retained its label's
        // strings and its arrays, then released them.
        let label = builder.nodes[id].label.label
        let startLine = builder.nodes[id].startLine
        let leadLines = builder.nodes[id].leadLines
        let bodyLines = builder.nodes[id].bodyLines
        let level = builder.nodes[id].level
        let numbering = numbering.appending(label)
        let parts = parts.appending(label)
        let anchor = uniqueAnchor(for: parts, at: startLine)
        for line in leadLines { lineAnchors[line] = anchor }
        for line in bodyLines { lineAnchors[line] = anchor }
        lineAnchors[startLine] = anchor
        // One lead line (most sections) is its own lead: no arrays to join it from.
        let leadInlines = leadLines.count == 1 ? builder.lines[leadLines[0]].inlines
            : InlineEditing.join(builder.lines, leadLines)
        let lines = builder.lines
        let marked = isMarkedHeading(leadLines)
        let (heading, title) = leadLines.count == 1
            ? Self.title(ofLine: lines[leadLines[0]].text, level: level, marked: marked)
            : Self.title(leadText: TextShape.clean(joining: leadLines.lazy.map { lines[$0].text }), level: level, marked: marked)
        let childIDs = builder.nodes[id].children
        let children = childIDs.map { assemble($0, numbering: numbering, parts: parts, lineAnchors: &lineAnchors) }
        let start = builder.lines[startLine].start
        let end = builder.lines[max(builder.nodes[id].endLine, leadLines.last ?? startLine)].end
        return Section(level: level, label: label, marker: builder.nodes[id].label.marker, title: title,
                       lead: leadInlines, isHeading: heading, body: rebuilder.blocks(bodyLines),
                       children: children, anchor: anchor, numbering: numbering,
                       range: SourceRange(start: start, end: max(start, end)))
    }

    /// Whether the lead is marked as a heading: a Markdown heading, or bold throughout.
    private func isMarkedHeading(_ leadLines: [Int]) -> Bool {
        // By index: copying each line (and retaining all it holds) cost more than the tests.
        let lines = builder.lines
        if leadLines.contains(where: { lines[$0].headingLevel != nil }) { return true }
        return !leadLines.isEmpty && leadLines.allSatisfy { lines[$0].isBold }
    }

    /// Whether a section reads as a heading, and its title, from its cleaned lead text:
    /// the reference for `title(ofLine:level:marked:)`.
    static func title(leadText text: String, level: SectionLevel, marked: Bool) -> (heading: Bool, title: String) {
        let heading = marked || isHeading(text, level: level)
        return (heading, heading ? headingTitle(text) : firstSentence(text))
    }

    private static func isHeading(_ text: String, level: SectionLevel) -> Bool {
        if level == .part || level == .chapter || level == .section, TextShape.isMostlyUppercase(text) { return true }
        // A last character that is "." or ";" is that one scalar: its last scalar is the
        // ASCII byte, and no mark can follow (or the last scalar would not be it). Asked
        // before the length, which most run-in leads (ending so) then need not count.
        if let last = text.utf8.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ";") { return false }
        // A short run-in sentence that stops before the body (no period) reads as a heading.
        return ScalarText.hasAtMostCharacters(text, 120)
    }

    /// `title(leadText: TextShape.clean(text), …)` for a lead of one line, without cleaning
    /// all of a run-in lead (often a whole paragraph) when its title is read before any
    /// byte that cleaning changes. Cleaning drops no letter, so the capitals are counted on
    /// the line; its last byte is the line's last kept byte.
    static func title(ofLine text: String, level: SectionLevel, marked: Bool) -> (heading: Bool, title: String) {
        guard !marked, !((level == .part || level == .chapter || level == .section) && TextShape.isMostlyUppercase(text)),
              let last = TextShape.lastKeptByte(text), last == UInt8(ascii: ".") || last == UInt8(ascii: ";") else {
            return title(leadText: TextShape.clean(text), level: level, marked: marked)
        }
        let (sentence, read) = firstSentence(text, fast: true)
        if TextShape.cleanKeepsPrefix(text, through: read) { return (false, sentence) }
        return (false, firstSentence(TextShape.clean(text)))
    }

    static func headingTitle(_ text: String) -> String {
        // A last character that is ":" or "." is that one scalar, so its last byte tells
        // whether there is anything to drop; most headings end otherwise.
        if text.utf8.last.map({ $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: ".") }) ?? true {
            return UTF8Scalars.trimmed(text)
        }
        return referenceHeadingTitle(text)
    }

    /// The heading title as first written: the reference for the tests.
    static func referenceHeadingTitle(_ text: String) -> String {
        var title = text
        while let last = title.last, ":.".contains(last) { title.removeLast() }
        return title.trimmed()
    }

    /// The first sentence, at most 120 characters cut at a word: the short title of a
    /// run-in item.
    static func firstSentence(_ text: String) -> String {
        firstSentence(text, fast: true).title
    }

    /// `firstSentence` a byte at a time and to the sentence's end, as it was before words
    /// were read eight bytes at a time and reading stopped where the title is settled: the
    /// reference for the tests.
    static func referenceFirstSentence(_ text: String) -> String {
        firstSentence(text, fast: false).title
    }

    /// The first sentence, and the offset of the last byte read to find it (the length of
    /// `text` when read to its end): the title depends on no byte after that one.
    @inline(__always)
    private static func firstSentence(_ text: String, fast: Bool) -> (title: String, read: Int) {
        // On UTF-8: the stops, the spaces and the characters trimmed are ASCII, so the
        // bytes tell where the sentence ends; scalars are counted by their lead bytes. The
        // title is a slice of `text`, which needs no validation.
        var read = 0
        let cut: (Int, Int, Bool)? = text.withUTF8Bytes { bytes in
            let n = bytes.count
            @inline(__always) func isStop(_ b: UInt8) -> Bool {
                b == 0x2E || b == 0x3A || b == 0x3B || b == 0x21 || b == 0x3F
            }
            @inline(__always) func isMember(_ b: UInt8, _ all: Bool) -> Bool {
                b == 0x20 || b == 0x2C || (all && (b == 0x3B || b == 0x3A))
            }
            // A sentence of more than 120 scalars, cut at the last space before the 121st.
            @inline(__always) func cut(_ bytes: UnsafeBufferPointer<UInt8>, at120: Int) -> (Int, Int, Bool)? {
                guard Self.isSimple(bytes, upTo: at120) else { return nil }
                // Each scalar is a character here, so the last space byte is the last " ".
                var kept = at120
                if let space = bytes[0..<at120].lastIndex(of: 0x20) { kept = space }
                var first = 0
                while first < kept, isMember(bytes[first], true) { first += 1 }
                while kept > first, isMember(bytes[kept - 1], true) { kept -= 1 }
                return (first, kept, true)
            }
            // The first 400 scalars at most, read only up to the first sentence end.
            var count = 0
            var i = 0
            var lastIsStop = false
            var at120 = -1
            var found: Int?  // byte offset of the stop that ends the sentence
            while i < n {
                // Eight bytes at a time while no scalar of the word can be the 121st (where
                // the byte steps record the cut) and no sentence ends in it.
                if fast, n &- i >= 8, count &+ 8 <= 120, let base = bytes.baseAddress,
                   let (leads, endsInStop) = Self.sentenceWord(base + i, afterStop: lastIsStop) {
                    count &+= leads
                    lastIsStop = endsInStop
                    i &+= 8
                    continue
                }
                let byte = bytes[i]
                if byte & 0xC0 == 0x80 {
                    i += 1
                    continue
                }
                if count == 400 { break }
                // "TP." or "1.2" are not sentence ends; a period before a space is.
                if lastIsStop, byte == 0x20 || byte == 0x0A {
                    found = i - 1
                    break
                }
                if count == 120 { at120 = i }
                count += 1
                lastIsStop = isStop(byte)
                i += 1
                // The 122nd scalar read without a sentence end: whatever follows, the
                // sentence has more than 120 and is cut at the 121st, so reading stops.
                if fast, count == 122 {
                    read = i - 1
                    return cut(bytes, at120: at120)
                }
            }
            read = i
            // A stop as the last scalar read counts as followed by a space.
            if found == nil, lastIsStop { found = i - 1 }
            let end = found ?? i
            var foundCount = count
            if found != nil { foundCount -= 1 }
            if foundCount > 120 { return cut(bytes, at120: at120) }
            var first = 0
            var last = end
            while first < last, isMember(bytes[first], false) { first += 1 }
            while last > first, isMember(bytes[last - 1], false) { last -= 1 }
            return (first, last, false)
        }
        let utf8 = text.utf8
        guard let (first, last, cutShort) = cut else {
            // Characters of more than one scalar in the first 120: cut by character.
            var end = utf8.startIndex
            var count = 0
            for index in text.unicodeScalars.indices {
                if count == 120 { end = index; break }
                count += 1
            }
            return (Self.cutTitle(String(text.unicodeScalars[..<end])), read)
        }
        if first == 0, last == utf8.count, !cutShort { return (text, read) }
        let slice = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: first)..<utf8.index(utf8.startIndex, offsetBy: last)])
        guard cutShort else { return (String(slice), read) }
        // Say that the title goes on, so a table of contents does not read as cut off. Made
        // at its size: the slice copied and then joined to "…" was two strings.
        var title = ""
        title.reserveCapacity(last - first + 3)
        title.append(contentsOf: slice)
        title.append("…")
        return (title, read)
    }

    /// The eight bytes at `p` as `firstSentence` reads them: how many scalars start in them
    /// and whether the last byte is a stop, or nil when a stop in them (or the one before
    /// them, `afterStop`) is followed by a space or LF, which the byte steps then find. A
    /// stop is ASCII, so the byte after it starts the next scalar.
    @inline(__always)
    static func sentenceWord(_ p: UnsafePointer<UInt8>, afterStop: Bool) -> (leads: Int, endsInStop: Bool)? {
        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // The top bit of each byte equal to `value`, exactly (no borrow between lanes).
        @inline(__always) func equal(_ value: UInt64) -> UInt64 {
            let x = word ^ (value &* ones)
            return ~(((x & low7) &+ low7) | x) & high
        }
        // A byte below 20 (LF among them) goes to the byte steps: one borrow test, exact
        // for "any", instead of finding LF.
        if (word &- 0x20 &* ones) & ~word & high != 0 { return nil }
        // ":" and ";" differ in the last bit only: one test for both.
        let colons = word | ones
        let x = colons ^ (0x3B &* ones)
        let stops = equal(0x2E) | equal(0x21) | equal(0x3F) | (~(((x & low7) &+ low7) | x) & high)
        let breaks = equal(0x20)
        if (stops &<< 8) & breaks != 0 || (afterStop && breaks & 0x80 != 0) { return nil }
        let continuations = (word & ~(word &<< 1) & high) &>> 7
        let leads = 8 &- Int(truncatingIfNeeded: (continuations &* ones) &>> 56)
        return (leads, stops &>> 63 != 0)
    }

    /// Whether every scalar in `bytes[..<end]` is a character of its own whatever surrounds
    /// it (`ScalarText.isSimple`, CR excluded).
    private static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) -> Bool {
        var i = 0
        while i < end {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                i += 1
            } else if byte <= 0xCB {
                i += 2
            } else if byte == 0xE1, i + 1 < end, bytes[i + 1] >= 0xB8, bytes[i + 1] <= 0xBB {
                i += 3
            } else if byte == 0xE2, i + 2 < end,
                      (bytes[i + 1] == 0x80 && ((bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0xA7) || bytes[i + 2] >= 0xB0))
                        || (bytes[i + 1] == 0x81 && bytes[i + 2] <= 0x9E) {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// The end of `firstSentence` for a title whose characters are not all single scalars.
    private static func cutTitle(_ cut: String) -> String {
        let cut = Substring(cut)
        let sentence = cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)
        return sentence.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }

    private mutating func uniqueAnchor(for anchorParts: AnchorParts, at line: Int) -> String {
        let parts = anchorParts.parts
        let slug = anchorParts.slug
        let base = slug.isEmpty ? "muc" : slug
        // One hash of the anchor instead of a read and a write.
        let count = Self.increment(&usedAnchors[base, default: 0])
        guard count > 1 else { return base }
        diagnostics.append(.warning("numbering.duplicate-section",
                                    "section \(parts.joined(separator: ".")) appears more than once; its anchor becomes #\(base)-\(count)",
                                    file: file, at: builder.lines[line].start,
                                    hint: "number each section uniquely so links to it stay stable"))
        return "\(base)-\(count)"
    }

    private static func increment(_ value: inout Int) -> Int {
        value += 1
        return value
    }
}

import Foundation
