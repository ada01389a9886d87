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
        let sections = builder.rootNodes.map { assemble($0, path: [], lineAnchors: &lineAnchors) }
        return (sections, lineAnchors)
    }

    private mutating func assemble(_ id: Int, path: [String], lineAnchors: inout [Int: String]) -> Section {
        let node = builder.nodes[id]
        let path = path + [node.label.label]
        let anchor = uniqueAnchor(for: path, at: node.startLine)
        for line in node.leadLines + node.bodyLines { lineAnchors[line] = anchor }
        lineAnchors[node.startLine] = anchor
        let leadInlines = InlineEditing.join(node.leadLines.map { builder.lines[$0].inlines }.filter { !$0.isEmpty })
        let leadText = TextShape.clean(node.leadLines.map { builder.lines[$0].text }.joined(separator: " "))
        let heading = isHeading(node, text: leadText)
        let title = heading ? headingTitle(leadText) : SectionAssembler.firstSentence(leadText)
        let children = node.children.map { assemble($0, path: path, lineAnchors: &lineAnchors) }
        let start = builder.lines[node.startLine].range.start
        let end = builder.lines[max(node.endLine, node.leadLines.last ?? node.startLine)].range.end
        return Section(level: node.level, label: node.label.label, marker: node.label.marker, title: title,
                       lead: leadInlines, isHeading: heading, body: rebuilder.blocks(node.bodyLines),
                       children: children, anchor: anchor, path: path,
                       range: SourceRange(start: start, end: max(start, end)))
    }

    private func isHeading(_ node: SectionBuilder.Node, text: String) -> Bool {
        let leadLines = node.leadLines.map { builder.lines[$0] }
        if leadLines.contains(where: { $0.headingLevel != nil }) { return true }
        if !leadLines.isEmpty, leadLines.allSatisfy(\.isBold) { return true }
        if [.part, .chapter, .section].contains(node.level), TextShape.isMostlyUppercase(text) { return true }
        guard ScalarText.hasAtMostCharacters(text, 120) else { return false }
        if let last = text.last, ".;".contains(last) { return false }
        // A short run-in sentence that stops before the body (no period) reads as a heading.
        return true
    }

    private func headingTitle(_ text: String) -> String {
        var title = text
        while let last = title.last, ":.".contains(last) { title.removeLast() }
        return title.trimmed()
    }

    /// The first sentence, at most 120 characters cut at a word: the short title of a
    /// run-in item.
    static func firstSentence(_ text: String) -> String {
        // The first 400 scalars at most, read only up to the first sentence end.
        func isStop(_ c: Unicode.Scalar) -> Bool { c == "." || c == ":" || c == ";" || c == "!" || c == "?" }
        var chars: [Unicode.Scalar] = []
        chars.reserveCapacity(min(400, text.utf8.count))
        var found: Int?
        for scalar in text.unicodeScalars {
            if chars.count == 400 { break }
            // "TP." or "1.2" are not sentence ends; a period before a space is.
            if let last = chars.last, isStop(last), scalar == " " || scalar == "\n" {
                found = chars.count - 1
                break
            }
            chars.append(scalar)
        }
        // A stop as the last scalar read counts as followed by a space.
        if found == nil, let last = chars.last, isStop(last) { found = chars.count - 1 }
        let end = found ?? chars.count
        if end > 120 {
            let cut = chars[0..<120]
            guard ScalarText.isSimple(scalars: cut) else { return Self.cutTitle(ScalarText.string(cut)) }
            // Each scalar is a character here, so the last space scalar is the last " ".
            let kept = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
            // Say that the title goes on, so a table of contents does not read as cut off.
            return ScalarText.string(trimming(kept, " ,;:")) + "…"
        }
        return ScalarText.string(trimming(chars[0..<end], " ,"))
    }

    /// The end of `firstSentence` for a title whose characters are not all single scalars.
    private static func cutTitle(_ cut: String) -> String {
        let cut = Substring(cut)
        let sentence = cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)
        return sentence.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }

    /// `scalars` without the members of `set` (ASCII) at either end, as Foundation's
    /// `trimmingCharacters(in:)` trims: by code unit, not by character.
    private static func trimming(_ scalars: ArraySlice<Unicode.Scalar>, _ set: StaticString) -> ArraySlice<Unicode.Scalar> {
        func isMember(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.isASCII else { return false }
            let byte = UInt8(scalar.value)
            return set.withUTF8Buffer { $0.contains(byte) }
        }
        var slice = scalars
        while let first = slice.first, isMember(first) { slice.removeFirst() }
        while let last = slice.last, isMember(last) { slice.removeLast() }
        return slice
    }

    private mutating func uniqueAnchor(for path: [String], at line: Int) -> String {
        var parts: [String] = []
        for label in path {
            if let last = parts.last, label.hasPrefix(last + ".") { parts.removeLast() }
            // Points đ and d would share a slug; keep đ apart as "dd".
            parts.append(label == "đ" ? "dd" : label)
        }
        let slug = Slug.make(parts.joined(separator: "-"))
        let base = slug.isEmpty ? "muc" : slug
        let count = (usedAnchors[base] ?? 0) + 1
        usedAnchors[base] = count
        guard count > 1 else { return base }
        diagnostics.append(.warning("numbering.duplicate-section",
                                    "section \(parts.joined(separator: ".")) appears more than once; its anchor becomes #\(base)-\(count)",
                                    file: file, at: builder.lines[line].range.start,
                                    hint: "number each section uniquely so links to it stay stable"))
        return "\(base)-\(count)"
    }
}

import Foundation
