import Foundation
import DecuongCore
import DecuongMarkdown

/// Turns recognized lines back into Markdown blocks: lines of one paragraph become a
/// paragraph again, lines of one list item a list item, and so on. List items that
/// became sections lose their list wrapper.
///
/// Every array it returns is made at its final size (counted first): they are kept in the
/// site model, where arrays grown by appending held up to twice the room they use.
struct BlockRebuilder {
    let lines: [TextLine]
    let consumed: Set<SectionBuilder.ContainerKey>

    /// A line and the containers it keeps (those whose list item did not become a section).
    struct Entry {
        var index: Int
        var containers: [LineContainer]
    }

    /// A run of entries that makes one block at a depth.
    private enum Segment {
        case container(Range<Int>)
        case atomic(Int)
        case paragraph(Range<Int>)
    }

    func blocks(_ indices: [Int]) -> [Block] {
        var entries: [Entry] = []
        entries.reserveCapacity(indices.count)
        for index in indices { entries.append(Entry(index: index, containers: keptContainers(index))) }
        return build(entries[...], depth: 0)
    }

    /// The containers of line `index` without the consumed list items. Most lines lose
    /// none, and keep their array as it is (a filtered copy was made for every line).
    private func keptContainers(_ index: Int) -> [LineContainer] {
        let containers = lines[index].containers
        guard !consumed.isEmpty, let first = containers.firstIndex(where: isConsumed) else { return containers }
        var kept: [LineContainer] = []
        kept.reserveCapacity(containers.count - 1)
        kept.append(contentsOf: containers[..<first])
        for container in containers[(first + 1)...] where !isConsumed(container) { kept.append(container) }
        return kept
    }

    private func isConsumed(_ container: LineContainer) -> Bool {
        guard let item = container.itemIndex else { return false }
        return consumed.contains(SectionBuilder.ContainerKey(id: container.id, item: item))
    }

    private func build(_ entries: ArraySlice<Entry>, depth: Int) -> [Block] {
        var count = 0
        forEachSegment(entries, depth: depth) { segment in
            if case .paragraph(let range) = segment, !hasContent(entries[range]) { return }
            count += 1
        }
        var out: [Block] = []
        out.reserveCapacity(count)
        forEachSegment(entries, depth: depth) { segment in
            switch segment {
            case .container(let range):
                out.append(containerBlock(entries[range.lowerBound].containers[depth], entries[range], depth: depth))
            case .atomic(let i):
                // By index: a copy of the line retained all it holds.
                if let atomic = lines[entries[i].index].atomic { out.append(atomic) }
            case .paragraph(let range):
                if let block = paragraph(entries[range]) { out.append(block) }
            }
        }
        return out
    }

    /// The blocks of `entries` at `depth`, in order: a container (list or quote) for the
    /// entries that share the one at `depth`, a line that is a block of its own, or the
    /// lines of one paragraph.
    @inline(__always)
    private func forEachSegment(_ entries: ArraySlice<Entry>, depth: Int, _ body: (Segment) -> Void) {
        var i = entries.startIndex
        let end = entries.endIndex
        while i < end {
            let index = entries[i].index
            if entries[i].containers.count > depth {
                let id = entries[i].containers[depth].id
                var j = i + 1
                while j < end, entries[j].containers.count > depth, entries[j].containers[depth].id == id { j += 1 }
                body(.container(i..<j))
                i = j
                continue
            }
            if lines[index].atomic != nil {
                body(.atomic(i))
                i += 1
                continue
            }
            let groupParagraph = lines[index].paragraph
            var j = i
            while j < end, entries[j].containers.count == depth, lines[entries[j].index].atomic == nil,
                  lines[entries[j].index].paragraph == groupParagraph {
                j += 1
            }
            body(.paragraph(i..<j))
            i = max(j, i + 1)
        }
    }

    private func containerBlock(_ container: LineContainer, _ entries: ArraySlice<Entry>, depth: Int) -> Block {
        let first = lines[entries.first?.index ?? 0].start
        let last = lines[entries.last?.index ?? 0].end
        let range = SourceRange(start: first, end: last)
        switch container.kind {
        case .quote:
            return Block(.blockQuote(build(entries, depth: depth + 1)), range: range)
        case .listItem(let marker, _, let tight, _):
            var count = 0
            forEachItem(entries, depth: depth) { _ in count += 1 }
            var items: [ListItem] = []
            items.reserveCapacity(count)
            var firstIndex: Int?
            var firstNumber: Int?
            forEachItem(entries, depth: depth) { range in
                let item = entries[range.lowerBound].containers[depth]
                if firstIndex == nil, case .listItem(_, let index, _, let number) = item.kind {
                    firstIndex = index
                    firstNumber = number
                }
                items.append(ListItem(blocks: build(entries[range], depth: depth + 1), range: item.itemRange))
            }
            var listMarker = marker
            if case .ordered(let start, let delimiter) = marker {
                listMarker = .ordered(start: firstNumber ?? start + (firstIndex ?? 0), delimiter: delimiter)
            }
            return Block(.list(ListBlock(marker: listMarker, isTight: tight, items: items)), range: range)
        }
    }

    /// The runs of `entries` that share their container at `depth` (one list item each).
    @inline(__always)
    private func forEachItem(_ entries: ArraySlice<Entry>, depth: Int, _ body: (Range<Int>) -> Void) {
        var i = entries.startIndex
        while i < entries.endIndex {
            let item = entries[i].containers[depth]
            var j = i + 1
            while j < entries.endIndex, entries[j].containers[depth] == item { j += 1 }
            body(i..<j)
            i = j
        }
    }

    /// Whether the lines of `group` make a paragraph: some line has content.
    private func hasContent(_ group: ArraySlice<Entry>) -> Bool {
        group.contains { !lines[$0.index].inlines.isEmpty }
    }

    func paragraph(_ group: ArraySlice<Entry>) -> Block? {
        guard let first = group.first?.index, let last = group.last?.index else { return nil }
        // One line (most groups) is its own content: no arrays to join it from.
        let content = group.count == 1 ? lines[first].inlines : InlineEditing.join(lines, group.lazy.map(\.index))
        guard !content.isEmpty else { return nil }
        let range = SourceRange(start: lines[first].start, end: lines[last].end)
        if let level = lines[first].headingLevel { return Block(.heading(level: level, content), range: range) }
        return Block(.paragraph(content), range: range)
    }
}
