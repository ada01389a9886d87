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
        let sections = builder.rootNodes.map { assemble($0, path: [], parts: AnchorParts(), lineAnchors: &lineAnchors) }
        return (sections, lineAnchors)
    }

    private mutating func assemble(_ id: Int, path: [String], parts: AnchorParts, lineAnchors: inout [Int: String]) -> Section {
        // The node's fields one by one: a copy of the whole node retained its label's
        // strings and its arrays, then released them.
        let label = builder.nodes[id].label.label
        let startLine = builder.nodes[id].startLine
        let leadLines = builder.nodes[id].leadLines
        let bodyLines = builder.nodes[id].bodyLines
        let level = builder.nodes[id].level
        let path = path + [label]
        let parts = parts.appending(label)
        let anchor = uniqueAnchor(for: parts, at: startLine)
        for line in leadLines { lineAnchors[line] = anchor }
        for line in bodyLines { lineAnchors[line] = anchor }
        lineAnchors[startLine] = anchor
        // One lead line (most sections) is its own lead: no arrays to join it from.
        let leadInlines = leadLines.count == 1 ? builder.lines[leadLines[0]].inlines
            : InlineEditing.join(leadLines.map { builder.lines[$0].inlines }.filter { !$0.isEmpty })
        let lines = builder.lines
        let leadText = TextShape.clean(joining: leadLines.lazy.map { lines[$0].text })
        let heading = isHeading(leadLines: leadLines, level: level, text: leadText)
        let title = heading ? Self.headingTitle(leadText) : SectionAssembler.firstSentence(leadText)
        let childIDs = builder.nodes[id].children
        let children = childIDs.map { assemble($0, path: path, parts: parts, lineAnchors: &lineAnchors) }
        let start = builder.lines[startLine].range.start
        let end = builder.lines[max(builder.nodes[id].endLine, leadLines.last ?? startLine)].range.end
        return Section(level: level, label: label, marker: builder.nodes[id].label.marker, title: title,
                       lead: leadInlines, isHeading: heading, body: rebuilder.blocks(bodyLines),
                       children: children, anchor: anchor, path: path,
                       range: SourceRange(start: start, end: max(start, end)))
    }

    private func isHeading(leadLines: [Int], level: SectionLevel, text: String) -> Bool {
        // By index: copying each line (and retaining all it holds) cost more than the tests.
        let lines = builder.lines
        if leadLines.contains(where: { lines[$0].headingLevel != nil }) { return true }
        if !leadLines.isEmpty, leadLines.allSatisfy({ lines[$0].isBold }) { return true }
        if level == .part || level == .chapter || level == .section, TextShape.isMostlyUppercase(text) { return true }
        guard ScalarText.hasAtMostCharacters(text, 120) else { return false }
        // A last character that is "." or ";" is that one scalar: its last scalar is the
        // ASCII byte, and no mark can follow (or the last scalar would not be it).
        if let last = text.utf8.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ";") { return false }
        // A short run-in sentence that stops before the body (no period) reads as a heading.
        return true
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
        // On UTF-8: the stops, the spaces and the characters trimmed are ASCII, so the
        // bytes tell where the sentence ends; scalars are counted by their lead bytes. The
        // title is a slice of `text`, which needs no validation.
        var copy = text
        let cut: (Int, Int, Bool)? = copy.withUTF8 { bytes in
            let n = bytes.count
            @inline(__always) func isStop(_ b: UInt8) -> Bool {
                b == 0x2E || b == 0x3A || b == 0x3B || b == 0x21 || b == 0x3F
            }
            @inline(__always) func isMember(_ b: UInt8, _ all: Bool) -> Bool {
                b == 0x20 || b == 0x2C || (all && (b == 0x3B || b == 0x3A))
            }
            // The first 400 scalars at most, read only up to the first sentence end.
            var count = 0
            var i = 0
            var lastIsStop = false
            var at120 = -1
            var found: Int?  // byte offset of the stop that ends the sentence
            while i < n {
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
            }
            // A stop as the last scalar read counts as followed by a space.
            if found == nil, lastIsStop { found = i - 1 }
            let end = found ?? i
            var foundCount = count
            if found != nil { foundCount -= 1 }
            if foundCount > 120 {
                guard Self.isSimple(bytes, upTo: at120) else { return nil }
                // Each scalar is a character here, so the last space byte is the last " ".
                var kept = at120
                if let space = bytes[0..<at120].lastIndex(of: 0x20) { kept = space }
                var first = 0
                while first < kept, isMember(bytes[first], true) { first += 1 }
                while kept > first, isMember(bytes[kept - 1], true) { kept -= 1 }
                return (first, kept, true)
            }
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
            return Self.cutTitle(String(text.unicodeScalars[..<end]))
        }
        let title = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: first)..<utf8.index(utf8.startIndex, offsetBy: last)]))
        // Say that the title goes on, so a table of contents does not read as cut off.
        return cutShort ? title + "…" : title
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
                                    file: file, at: builder.lines[line].range.start,
                                    hint: "number each section uniquely so links to it stay stable"))
        return "\(base)-\(count)"
    }

    private static func increment(_ value: inout Int) -> Int {
        value += 1
        return value
    }
}

import Foundation
