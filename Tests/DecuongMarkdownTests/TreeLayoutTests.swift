import Testing
import DecuongCore
import DecuongMarkdown

/// A site holds hundreds of thousands of blocks and inlines; the boxed enum cases keep
/// each one small. A new unboxed case with a large payload would grow every one of them.
@Suite struct TreeLayoutTests {
    @Test func blocksAndInlinesStaySmall() {
        #expect(MemoryLayout<Block>.stride <= 32)
        #expect(MemoryLayout<Inline>.stride <= 32)
        #expect(MemoryLayout<ListItem>.stride <= 32)
    }

    /// Ranges a file can give (and some it cannot) come back as they went in.
    @Test func rangesComeBackAsTheyWentIn() {
        let edges = [Int(Int32.min), -(1 << 23) - 1, -(1 << 23), -1, 0, 1, 2, 255, 256, 65_535, 65_536,
                     (1 << 23) - 1, 1 << 23, (1 << 24) - 1, 1 << 24, Int(Int32.max) - 1, Int(Int32.max)]
        var generator = SystemRandomNumberGenerator()
        var ranges: [SourceRange] = []
        for line in edges {
            for span in [0, 1, 7, 1_000, (1 << 23) - 1, -1, -(1 << 23)] {
                let endLine = line + span
                guard endLine >= Int(Int32.min), endLine <= Int(Int32.max) else { continue }
                for column in [0, 1, 80, Int(Int32.max)] {
                    ranges.append(SourceRange(line: line, column: column, endLine: endLine, endColumn: column / 2))
                    ranges.append(SourceRange(line: line, column: 3, endLine: endLine, endColumn: column))
                }
            }
        }
        for _ in 0..<20_000 {
            let line = Int.random(in: 0...5_000_000, using: &generator)
            ranges.append(SourceRange(line: line, column: Int.random(in: 0...100_000, using: &generator),
                                      endLine: line + Int.random(in: 0...3_000_000, using: &generator),
                                      endColumn: Int.random(in: 0...100_000, using: &generator)))
        }
        for range in ranges {
            #expect(Inline(.softBreak, range: range).range == range)
            #expect(Block(.thematicBreak, range: range).range == range)
            var inline = Inline(.text("x"), range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1))
            inline.range = range
            #expect(inline.range == range)
            var block = Block(.htmlBlock("<hr>"), range: SourceRange(line: 9, column: 9, endLine: 9, endColumn: 9))
            block.range.start = range.start
            block.range.end = range.end
            #expect(block.range == range)
            var item = ListItem(blocks: [], task: .checked, writtenNumber: 7, range: range)
            #expect(item.range == range)
            item.range = SourceRange(line: 2, column: 3, endLine: 4, endColumn: 5)
            item.range = range
            #expect(item.range == range && item.task == .checked && item.writtenNumber == 7)
        }
    }

    /// A node more than 2²³ − 1 lines long keeps its start and end column; its end line is
    /// clamped to that distance (SourceLocation clamps past 2³¹ − 1 the same way).
    @Test func longSpansAreClamped() {
        let long = SourceRange(line: 10, column: 2, endLine: 10 + (1 << 23) + 5, endColumn: 4)
        #expect(Inline(.softBreak, range: long).range
                == SourceRange(line: 10, column: 2, endLine: 10 + (1 << 23) - 1, endColumn: 4))
        let backwards = SourceRange(line: 1 << 24, column: 2, endLine: 3, endColumn: 4)
        #expect(Block(.thematicBreak, range: backwards).range
                == SourceRange(line: 1 << 24, column: 2, endLine: (1 << 24) - (1 << 23), endColumn: 4))
    }

    /// Equal nodes are the ones with equal kinds and ranges.
    @Test func equalityFollowsTheRange() {
        let a = SourceRange(line: 3, column: 1, endLine: 5, endColumn: 9)
        let b = SourceRange(line: 3, column: 1, endLine: 6, endColumn: 9)
        #expect(Inline(.text("t"), range: a) == Inline(.text("t"), range: a))
        #expect(Inline(.text("t"), range: a) != Inline(.text("t"), range: b))
        #expect(Block(.thematicBreak, range: a) != Block(.thematicBreak, range: b))
        #expect(Set([Inline(.text("t"), range: a), Inline(.text("t"), range: a)]).count == 1)
    }

    /// A list item's number and task come back as given, alone and beside each other and
    /// the range, and take part in equality.
    @Test func listItemsKeepTheirNumberAndTask() {
        let range = SourceRange(line: 5, column: 1, endLine: 9, endColumn: 12)
        for number in [nil, 0, 1, 9, 999_999_999, -1, Int.min, Int.max] as [Int?] {
            for task in [nil, .unchecked, .checked] as [ListItem.Task?] {
                var item = ListItem(blocks: [], task: task, writtenNumber: number, range: range)
                #expect(item.writtenNumber == number && item.task == task && item.range == range)
                for other in [nil, .unchecked, .checked] as [ListItem.Task?] {
                    item.task = other
                    #expect(item.writtenNumber == number && item.task == other)
                }
                item.task = task
                item.writtenNumber = nil
                #expect(item.writtenNumber == nil && item.task == task)
                item.writtenNumber = number
                #expect(item == ListItem(blocks: [], task: task, writtenNumber: number, range: range))
                #expect(item.range == range)
            }
        }
        let plain = ListItem(blocks: [], range: range)
        #expect(plain.task == nil && plain.writtenNumber == nil)
        #expect(plain != ListItem(blocks: [], writtenNumber: 0, range: range))
        #expect(plain != ListItem(blocks: [], task: .unchecked, range: range))
        #expect(plain == ListItem(blocks: [], task: .checked, writtenNumber: 3, range: range)
            .with { $0.task = nil; $0.writtenNumber = nil })
    }
}

private extension ListItem {
    func with(_ change: (inout ListItem) -> Void) -> ListItem {
        var copy = self
        change(&copy)
        return copy
    }
}
