import DecuongCore
import DecuongMarkdown

/// Turns recognized lines back into Markdown blocks: lines of one paragraph become a
/// paragraph again, lines of one list item a list item, and so on. List items that
/// became sections lose their list wrapper.
struct BlockRebuilder {
    let lines: [TextLine]
    let consumed: Set<SectionBuilder.ContainerKey>

    func blocks(_ indices: [Int]) -> [Block] {
        let entries = indices.map { index -> (Int, [LineContainer]) in
            let containers = lines[index].containers.filter { container in
                guard let item = container.itemIndex else { return true }
                return !consumed.contains(SectionBuilder.ContainerKey(id: container.id, item: item))
            }
            return (index, containers)
        }
        return build(entries[...], depth: 0)
    }

    private func build(_ entries: ArraySlice<(Int, [LineContainer])>, depth: Int) -> [Block] {
        var out: [Block] = []
        var i = entries.startIndex
        while i < entries.endIndex {
            let (index, containers) = entries[i]
            if containers.count > depth {
                let container = containers[depth]
                var j = i
                while j < entries.endIndex, entries[j].1.count > depth, entries[j].1[depth].id == container.id { j += 1 }
                out.append(containerBlock(container, entries[i..<j], depth: depth))
                i = j
                continue
            }
            // By index: a copy of the line retained all it holds.
            if let atomic = lines[index].atomic {
                out.append(atomic)
                i += 1
                continue
            }
            let groupParagraph = lines[index].paragraph
            var j = i
            var group: [Int] = []
            while j < entries.endIndex, entries[j].1.count == depth, lines[entries[j].0].atomic == nil,
                  lines[entries[j].0].paragraph == groupParagraph {
                group.append(entries[j].0)
                j += 1
            }
            if let block = paragraph(group) { out.append(block) }
            i = max(j, i + 1)
        }
        return out
    }

    private func containerBlock(_ container: LineContainer, _ entries: ArraySlice<(Int, [LineContainer])>,
                                depth: Int) -> Block {
        let first = lines[entries.first?.0 ?? 0].range.start
        let last = lines[entries.last?.0 ?? 0].range.end
        let range = SourceRange(start: first, end: last)
        switch container.kind {
        case .quote:
            return Block(.blockQuote(build(entries, depth: depth + 1)), range: range)
        case .listItem(let marker, _, let tight, _):
            var items: [ListItem] = []
            var i = entries.startIndex
            var firstIndex: Int?
            var firstNumber: Int?
            while i < entries.endIndex {
                let item = entries[i].1[depth]
                var j = i
                while j < entries.endIndex, entries[j].1[depth] == item { j += 1 }
                if firstIndex == nil, case .listItem(_, let index, _, let number) = item.kind {
                    firstIndex = index
                    firstNumber = number
                }
                items.append(ListItem(blocks: build(entries[i..<j], depth: depth + 1), range: item.itemRange))
                i = j
            }
            var listMarker = marker
            if case .ordered(let start, let delimiter) = marker {
                listMarker = .ordered(start: firstNumber ?? start + (firstIndex ?? 0), delimiter: delimiter)
            }
            return Block(.list(ListBlock(marker: listMarker, isTight: tight, items: items)), range: range)
        }
    }

    func paragraph(_ group: [Int]) -> Block? {
        // One line (most groups) is its own content: no arrays to join it from.
        let content = group.count == 1 ? lines[group[0]].inlines
            : InlineEditing.join(group.map { lines[$0].inlines }.filter { !$0.isEmpty })
        guard !content.isEmpty, let first = group.first, let last = group.last else { return nil }
        let range = SourceRange(start: lines[first].range.start, end: lines[last].range.end)
        if let level = lines[first].headingLevel { return Block(.heading(level: level, content), range: range) }
        return Block(.paragraph(content), range: range)
    }
}
