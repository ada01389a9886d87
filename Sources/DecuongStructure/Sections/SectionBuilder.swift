import DecuongCore
import DecuongMarkdown

/// Builds the section tree from the body's lines. A line opens a section when it starts
/// with a label that fits the numbering around it: Roman numerals must continue their
/// sequence and carry a capitalized title, points follow the alphabet, and inside a
/// paragraph (hard-wrapped or PDF text) only the next number in an open sequence counts,
/// so a wrapped line that happens to start with "2." stays text.
struct SectionBuilder {
    struct Node {
        var label: SectionLabel
        var level: SectionLevel
        var rank: Int
        var leadLines: [Int] = []
        var leadOpen = true
        var bodyLines: [Int] = []
        var children: [Int] = []
        var parent: Int?
        var startLine: Int
        var endLine: Int
        /// The list item this section was cut from, if CommonMark made it one.
        var listItem: ContainerKey?
    }

    struct ContainerKey: Hashable {
        var id: Int
        var item: Int
    }

    private(set) var lines: [TextLine]
    private(set) var nodes: [Node] = []
    private var roots: [Int] = []
    private var stack: [Int] = []
    private var preambleLines: [Int] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var lastRoman = 0
    private var sawRoman = false
    private let file: String
    /// The longest line of each paragraph (in UTF-8 bytes: O(1) to read, and only compared
    /// with lines of the same paragraph), to tell a short heading line from a wrapped one.
    /// Indexed by paragraph number: the extractor numbers paragraphs from 1 up, and lines
    /// only ever move to a paragraph another line has, so every number read is in range.
    private var paragraphWidth: [Int] = []

    init(lines: [TextLine], file: String) {
        self.lines = lines
        self.file = file
        var last = 0
        for index in lines.indices { last = max(last, lines[index].paragraph) }
        var widths = [Int](repeating: 0, count: last + 1)
        for index in lines.indices where lines[index].paragraph >= 0 {
            let paragraph = lines[index].paragraph
            widths[paragraph] = max(widths[paragraph], lines[index].text.utf8.count)
        }
        paragraphWidth = widths
    }

    // MARK: Building

    mutating func build(range: Range<Int>) {
        // Room for the sections of most documents (a few dozen): grown from empty, the
        // nodes (some 180 bytes each) were copied into a new array five or six times.
        nodes.reserveCapacity(min(range.count, 64))
        for index in range {
            // By index: a copy of each line retained all it holds, for every line of the body.
            if lines[index].atomic == nil, !lines[index].isBlank || lines[index].listNumber != nil,
               let label = candidate(at: index) {
                if accept(label, at: index) {
                    open(label, at: index)
                    continue
                }
                if label.fromListMarker { demoteListMarker(label, at: index) }
            }
            addContent(index)
        }
    }

    /// The label line `index` starts with, if any. By index: the line passed as an argument
    /// was copied (everything it holds retained) for every line of the body.
    private func candidate(at index: Int) -> SectionLabel? {
        if let (number, delimiter) = lines[index].listNumber {
            // An item whose text starts with its own label (`1.` list, then `1.1. …`) is that label.
            if let inner = LabelScanner.scan(lines[index].text), inner.form != .arabic || inner.numbers.count > 1 { return inner }
            // Joined, not interpolated: interpolating the number looked up its conformances
            // at run time for every numbered item.
            let label = String(number)
            return SectionLabel(form: .arabic, label: label, marker: label + (delimiter == .period ? "." : ")"),
                                numbers: [number], length: 0, title: lines[index].text, fromListMarker: true)
        }
        if lines[index].bullet != nil { return nil }
        return LabelScanner.scan(lines[index].text)
    }

    /// Whether a line starts a paragraph (or a heading or list item) rather than continuing one.
    private func startsParagraph(_ index: Int) -> Bool {
        let line = lines[index]
        return line.isFirstInParagraph || line.headingLevel != nil || line.startsListItem
    }

    /// A list item CommonMark made of a hard-wrapped line ("… với\n5. tháng sau"): after a
    /// line that stops mid-sentence, its number must fit the sequence like any wrapped line.
    private func followsWrappedLine(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = lines[index - 1]
        return previous.atomic == nil && !previous.isBlank && previous.headingLevel == nil && !previous.isBold
            && !TextShape.endsSentence(previous.text) && !TextShape.isMostlyUppercase(previous.text)
    }

    /// A rejected list item is text again: its marker goes back in front of it, it leaves
    /// the list, and a wrapped line rejoins the paragraph it was cut from.
    private mutating func demoteListMarker(_ label: SectionLabel, at index: Int) {
        let marker = label.marker + " "
        lines[index].inlines = [Inline(.text(InlineText(marker)), range: lines[index].range)] + lines[index].inlines
        lines[index].replaceText(marker + lines[index].text)
        lines[index].startsListItem = false
        guard let container = lines[index].containers.last else { return }
        let paragraph = lines[index].paragraph
        let joinTo = followsWrappedLine(index) ? lines[index - 1].paragraph : nil
        var i = index
        while i < lines.count, lines[i].containers.contains(container) {
            lines[i].containers.removeAll { $0 == container }
            if let joinTo, lines[i].paragraph == paragraph {
                lines[i].paragraph = joinTo
                lines[i].isFirstInParagraph = false
            }
            i += 1
        }
    }

    private mutating func accept(_ label: SectionLabel, at index: Int) -> Bool {
        let strict = !startsParagraph(index) || (label.fromListMarker && followsWrappedLine(index))
        switch label.form {
        case .roman:
            let value = label.numbers[0]
            guard titleIsCapitalized(label, at: index) else { return false }
            if value == lastRoman + 1 || (value == 1 && !sawRoman) { return true }
            if strict { return false }
            // A gap or a repeat in an otherwise good heading: keep it, but say so.
            if value > lastRoman, value <= lastRoman + 3 || !sawRoman {
                warn("numbering.roman-gap", "section \(label.label) follows \(LabelScanner.toRoman(max(lastRoman, 1))) (expected \(LabelScanner.toRoman(lastRoman + 1)))",
                     at: index, hint: "check whether a section is missing or misnumbered")
                return true
            }
            return false
        case .point:
            let parent = parentIndex(forRank: rank(for: label))
            let last = lastChild(of: parent, form: .point)?.label.numbers[0] ?? -1
            return label.numbers[0] == last + 1
        case .part, .chapter, .article:
            if !strict { return true }
            let parent = parentIndex(forRank: rank(for: label))
            let last = lastChild(of: parent, form: label.form)?.label.numbers[0] ?? 0
            return label.numbers[0] == last + 1
        case .arabic:
            return acceptArabic(label, at: index, strict: strict)
        }
    }

    private mutating func acceptArabic(_ label: SectionLabel, at index: Int, strict: Bool) -> Bool {
        let numbers = label.numbers
        if numbers.count > 1 {
            // A slice, not an array: one was made for every sub-item label tried.
            let prefix = numbers.dropLast()
            guard let parent = stack.last(where: {
                nodes[$0].label.form == .arabic && nodes[$0].label.numbers.elementsEqual(prefix)
            }) else {
                if strict { return false }
                warn("numbering.orphan-subitem", "sub-item \(label.label) is not inside item \(prefix.map(String.init).joined(separator: "."))",
                     at: index, hint: "check the numbering of the item above it")
                return true
            }
            let last = nodes[parent].children.last { nodes[$0].label.numbers.count == numbers.count }
                .map { nodes[$0].label.numbers.last ?? 0 } ?? 0
            return checkSequence(label, last: last, strict: strict, at: index)
        }
        let parent = parentIndex(forRank: rank(for: label))
        let last = lastChild(of: parent, form: .arabic, components: 1)?.label.numbers[0] ?? 0
        if strict {
            // Inside a paragraph only the next number counts, at this level or an outer one.
            if numbers[0] == last + 1 { return true }
            return stack.contains { open in
                nodes[open].label.form == .arabic && nodes[open].label.numbers.count == 1
                    && nodes[open].label.numbers[0] + 1 == numbers[0]
            }
        }
        // A paragraph that starts with a number is a label unless it is far out of sequence.
        if numbers[0] > last + 5, label.fromListMarker == false, numbers[0] != 1 { return false }
        return checkSequence(label, last: last, strict: false, at: index)
    }

    private mutating func checkSequence(_ label: SectionLabel, last: Int, strict: Bool, at index: Int) -> Bool {
        guard let value = label.numbers.last else { return false }
        if value == last + 1 { return true }
        if strict { return false }
        if value == 1 {
            warn("numbering.restart", "numbering restarts at \(label.label) after \(last)", at: index,
                 hint: "check whether a heading above it is missing")
        } else if value <= last {
            warn("numbering.duplicate", "item \(label.label) repeats a number already used", at: index,
                 hint: "renumber the items so each number appears once")
        } else {
            warn("numbering.gap", "item \(label.label) follows \(last) (expected \(last + 1))", at: index,
                 hint: "check whether an item is missing or misnumbered")
        }
        return true
    }

    /// Roman headings are capitalized (`II- NỘI DUNG`); `C. Mác` is not section C.
    private func titleIsCapitalized(_ label: SectionLabel, at index: Int) -> Bool {
        if !label.title.isEmpty { return TextShape.isMostlyUppercase(label.title) }
        let next = index + 1
        return next < lines.count && TextShape.isMostlyUppercase(lines[next].text)
    }

    // MARK: Opening sections

    private func level(for label: SectionLabel) -> SectionLevel {
        switch label.form {
        case .part: .part
        case .chapter: .chapter
        case .roman: .section
        case .article: .article
        case .point: .point
        case .arabic:
            label.numbers.count > 1 ? .subitem : (isPromoted(label) ? .section : .item)
        }
    }

    /// When Word's auto-numbering turned `I.` into `1.`, the item keeps an all-caps title;
    /// while a document has no Roman sections, such items stand at the section level.
    private func isPromoted(_ label: SectionLabel) -> Bool {
        guard !sawRoman, label.numbers.count == 1 else { return false }
        let words = label.title.split(separator: " ")
        guard words.count >= 2, TextShape.isMostlyUppercase(label.title) else { return false }
        return stack.allSatisfy { nodes[$0].rank < 2 || (nodes[$0].level == .section && nodes[$0].label.form == .arabic) }
    }

    private func rank(for label: SectionLabel) -> Int {
        switch level(for: label) {
        case .part: 0
        case .chapter: 1
        case .section: 2
        case .article: 3
        case .item: 4
        case .subitem: 4 + label.numbers.count - 1
        case .point: 12
        }
    }

    private func parentIndex(forRank rank: Int) -> Int? {
        stack.last { nodes[$0].rank < rank }
    }

    private func lastChild(of parent: Int?, form: SectionLabel.Form, components: Int? = nil) -> Node? {
        let children = parent.map { nodes[$0].children } ?? roots
        return children.last { nodes[$0].label.form == form && (components == nil || nodes[$0].label.numbers.count == components) }
            .map { nodes[$0] }
    }

    private mutating func open(_ label: SectionLabel, at index: Int) {
        let level = level(for: label)
        let rank = rank(for: label)
        if level == .section, label.form == .roman {
            lastRoman = label.numbers[0]
            sawRoman = true
        }
        if level == .part || level == .chapter { lastRoman = 0 }
        closeLead()
        while let top = stack.last, nodes[top].rank >= rank { stack.removeLast() }
        var node = Node(label: label, level: level, rank: rank, parent: stack.last, startLine: index, endLine: index)
        if label.fromListMarker, let container = lines[index].containers.last, let item = container.itemIndex {
            node.listItem = ContainerKey(id: container.id, item: item)
            // Room for a few items at the first: grown from empty, the set was rehashed at
            // nearly every insert of a document's first items.
            if consumedListItems.isEmpty { consumedListItems.reserveCapacity(16) }
            consumedListItems.insert(ContainerKey(id: container.id, item: item))
        }
        // The label's characters leave the lead; what follows is the title.
        lines[index].inlines = InlineEditing.trimLeading(InlineEditing.dropPrefix(lines[index].inlines, characters: label.length))
        lines[index].replaceText(label.title)
        if !lines[index].text.isEmpty { node.leadLines.append(index) }
        let id = nodes.count
        // Moved in: appending a copy retained all the node holds, then released it.
        nodes.append(consume node)
        if let parent = stack.last { nodes[parent].children.append(id) } else { roots.append(id) }
        stack.append(id)
    }

    private mutating func closeLead() {
        if let top = stack.last { nodes[top].leadOpen = false }
    }

    // MARK: Content

    private mutating func addContent(_ index: Int) {
        guard let top = stack.last else {
            joinBrokenParagraph(index, previous: preambleLines.last)
            preambleLines.append(index)
            return
        }
        nodes[top].endLine = index
        if nodes[top].leadOpen, lines[index].atomic == nil, leadContinues(top, with: index) {
            nodes[top].leadLines.append(index)
            return
        }
        nodes[top].leadOpen = false
        joinBrokenParagraph(index, previous: nodes[top].bodyLines.last ?? nodes[top].leadLines.last)
        if nodes[top].bodyLines.isEmpty, let lastLead = nodes[top].leadLines.last,
           lines[index].paragraph == lines[lastLead].paragraph, !nodes[top].leadLines.contains(index) {
            // A run-in lead joined by a page break continues as lead.
            nodes[top].leadLines.append(index)
            nodes[top].leadOpen = true
            return
        }
        // Room for a few body lines at the first: grown from one, the array was made
        // again at two, four and eight.
        if nodes[top].bodyLines.isEmpty { nodes[top].bodyLines.reserveCapacity(8) }
        nodes[top].bodyLines.append(index)
    }

    /// Whether `index` continues the lead of section `node` (same paragraph, or the title
    /// of a label that stood alone on its line).
    private func leadContinues(_ node: Int, with index: Int) -> Bool {
        let line = lines[index]
        let lead = nodes[node].leadLines
        guard let lastLead = lead.last else {
            // Label alone on its line: the title is the next line, even in a new paragraph.
            return !line.isBlank && line.bullet == nil && line.listNumber == nil
        }
        let previous = lines[lastLead]
        guard line.paragraph == previous.paragraph, !line.startsListItem else { return false }
        // A bold heading ends where the bold ends.
        if previous.isBold != line.isBold { return false }
        if previous.isBold { return true }
        // A short line that ends without punctuation, followed by a capitalized line, was
        // a heading on a line of its own (PDF text keeps no other sign of it).
        let width = paragraphWidth.indices.contains(line.paragraph) ? paragraphWidth[line.paragraph] : 0
        if lead.count == 1, !TextShape.endsSentence(previous.text), previous.text.utf8.count < width * 6 / 10,
           let first = line.text.first, first.isUppercase || first.isASCIIDigit {
            return false
        }
        return true
    }

    /// A paragraph cut in two by a page break (the second part starts in lowercase and
    /// the first has no closing punctuation) becomes one paragraph again.
    private mutating func joinBrokenParagraph(_ index: Int, previous: Int?) {
        guard let previous, lines[index].isFirstInParagraph, lines[index].atomic == nil,
              lines[previous].atomic == nil,
              lines[index].bullet == nil, lines[index].listNumber == nil, lines[index].headingLevel == nil,
              TextShape.startsLowercase(lines[index].text), !TextShape.endsSentence(lines[previous].text),
              // Last: the containers are filtered into new arrays to be compared.
              effectiveContainers(index) == effectiveContainers(previous) else { return }
        let from = lines[index].paragraph
        let into = lines[previous].paragraph
        var i = index
        while i < lines.count, lines[i].paragraph == from {
            lines[i].paragraph = into
            lines[i].isFirstInParagraph = false
            i += 1
        }
    }

    /// The containers of a line, without the list items that became sections.
    private func effectiveContainers(_ index: Int) -> [LineContainer] {
        let consumed = consumedListItems
        return lines[index].containers.filter { container in
            guard let item = container.itemIndex else { return true }
            return !consumed.contains(ContainerKey(id: container.id, item: item))
        }
    }

    private mutating func warn(_ code: String, _ message: String, at index: Int, hint: String) {
        diagnostics.append(.warning(code, message, file: file, at: lines[index].start, hint: hint))
    }

    // MARK: Results

    var preamble: [Int] { preambleLines }
    var rootNodes: [Int] { roots }

    /// List items that became sections: their list wrapper must not come back when blocks
    /// are rebuilt. Kept as sections open (it was recomputed per line: quadratic).
    private(set) var consumedListItems: Set<ContainerKey> = []
}
