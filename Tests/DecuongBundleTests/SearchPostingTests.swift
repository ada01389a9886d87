@testable import DecuongSite
import Testing

/// The batched and direct ways of building the index agree with the plain ones they replace.
@Suite struct SearchPostingTests {
    /// The list as `written()` made it before it could be written in place: its numbers
    /// coded one by one, or the bitmap when shorter.
    private static func referenceWritten(_ ids: [Int]) -> [UInt8] {
        var numbers: [UInt8] = []
        var previous = -1
        for id in ids {
            PostingList.appendNumber(UInt32(id - previous - 1), to: &numbers)
            previous = id
        }
        guard ids.count > 8, let first = ids.first, let last = ids.last else { return numbers }
        var head: [UInt8] = [PostingList.bitmapMark]
        PostingList.appendNumber(UInt32(first), to: &head)
        let span = last - first + 1
        guard head.count + (span + 5) / 6 < numbers.count else { return numbers }
        var sextets = Array(repeating: 0, count: (span + 5) / 6)
        for id in ids { sextets[(id - first) / 6] |= 1 << ((id - first) % 6) }
        return head + sextets.map { PostingList.digit(UInt32($0)) }
    }

    /// Increasing record numbers from `start`, gaps up to `gapLimit` (long ones now and then).
    private static func ids(_ generator: inout XorShiftRandom, count: Int, after start: Int32, gapLimit: Int) -> [Int32] {
        var ids: [Int32] = []
        var id = start
        for _ in 0..<count {
            id += Int32(1 + generator.next(generator.next(10) == 0 ? 40_000 : gapLimit))
            ids.append(id)
        }
        return ids
    }

    /// Appends `ids` to `list` in batches of up to 9.
    private static func appendInBatches(_ ids: [Int32], to list: inout PostingList, in store: PostingStore,
                                        _ generator: inout XorShiftRandom) {
        var scratch: [UInt8] = []
        var start = 0
        while start < ids.count {
            let end = min(ids.count, start + 1 + generator.next(9))
            ids[start..<end].withUnsafeBufferPointer { list.append($0, scratch: &scratch, in: store) }
            start = end
        }
    }

    @Test(arguments: [1, 7, 40, 300])
    func batchesCodeLikeSingleAppends(gapLimit: Int) {
        var generator = XorShiftRandom(state: UInt64(gapLimit))
        let store = PostingStore()
        for _ in 0..<200 {
            let ids = Self.ids(&generator, count: generator.next(generator.next(4) == 0 ? 3000 : 60),
                               after: Int32(generator.next(5)) - 1, gapLimit: gapLimit)
            var single = PostingList()
            for id in ids { single.append(id, in: store) }
            var batched = PostingList()
            Self.appendInBatches(ids, to: &batched, in: store, &generator)
            let reference = Self.referenceWritten(ids.map(Int.init))
            for list in [single, batched] {
                #expect(list.ids(in: store) == ids.map(Int.init))
                #expect(list.written(in: store) == reference)
                #expect(list.writtenCount(in: store) == reference.count)
                #expect(list.count == Int32(ids.count))
                #expect(list.first(in: store) == ids.first ?? -1)
            }
        }
    }

    /// Lists of later runs linked to a list, each run in a store of its own that the first
    /// one adopts, read and write as one list made of all their records: every part's first
    /// number counted again from the part before, marks and all slice sizes crossed.
    @Test(arguments: [2, 3, 5])
    func linkedRunsReadAsOneList(runs: Int) {
        var generator = XorShiftRandom(state: UInt64(runs) * 977)
        for _ in 0..<150 {
            let index = PostingStore()
            var joined = PostingList()
            var all: [Int32] = []
            // A store's other lists, between and after, so that slices interleave.
            var others: [(list: PostingList, ids: [Int32])] = []
            for run in 0..<runs {
                let store = run == 0 ? index : PostingStore()
                let ids = Self.ids(&generator, count: generator.next(4) == 0 ? 0 : generator.next(generator.next(3) == 0 ? 2000 : 30),
                                   after: all.last ?? -1, gapLimit: 1 + generator.next(300))
                var list = PostingList()
                var other = PostingList()
                let otherIDs = Self.ids(&generator, count: generator.next(50), after: -1, gapLimit: 20)
                for chunk in stride(from: 0, to: max(ids.count, otherIDs.count), by: 7) {
                    let mine = Array(ids[min(chunk, ids.count)..<min(chunk + 7, ids.count)])
                    Self.appendInBatches(mine, to: &list, in: store, &generator)
                    let theirs = Array(otherIDs[min(chunk, otherIDs.count)..<min(chunk + 7, otherIDs.count)])
                    Self.appendInBatches(theirs, to: &other, in: store, &generator)
                }
                all += ids
                if run == 0 {
                    joined = list
                    others.append((other, otherIDs))
                } else {
                    let shift = index.adopt(store)
                    joined.link(list.shifted(by: shift), in: index)
                    others.append((other.shifted(by: shift), otherIDs))
                }
            }
            // The joined list still grows after its last part.
            let more = Self.ids(&generator, count: generator.next(40), after: all.last ?? -1, gapLimit: 9)
            Self.appendInBatches(more, to: &joined, in: index, &generator)
            all += more
            let reference = Self.referenceWritten(all.map(Int.init))
            #expect(joined.ids(in: index) == all.map(Int.init))
            #expect(joined.written(in: index) == reference)
            #expect(joined.writtenCount(in: index) == reference.count)
            #expect(joined.count == Int32(all.count))
            #expect(joined.first(in: index) == all.first ?? -1)
            for (list, ids) in others { #expect(list.ids(in: index) == ids.map(Int.init)) }
        }
    }

    /// A copy of a list taken before more was appended or linked still reads as it was.
    @Test func anEarlierCopyIsUnchanged() {
        var generator = XorShiftRandom(state: 5)
        let store = PostingStore()
        var list = PostingList()
        let before = Self.ids(&generator, count: 25, after: -1, gapLimit: 30)
        Self.appendInBatches(before, to: &list, in: store, &generator)
        let copy = list
        let later = PostingStore()
        var next = PostingList()
        Self.appendInBatches(Self.ids(&generator, count: 300, after: before.last ?? 0, gapLimit: 30), to: &next, in: later, &generator)
        list.link(next.shifted(by: store.adopt(later)), in: store)
        Self.appendInBatches(Self.ids(&generator, count: 300, after: Int32(list.ids(in: store).last ?? 0), gapLimit: 30),
                             to: &list, in: store, &generator)
        #expect(copy.ids(in: store) == before.map(Int.init))
        #expect(copy.written(in: store) == Self.referenceWritten(before.map(Int.init)))
    }

    @Test func numberLengthIsWhatAppendNumberWrites() {
        for value: UInt32 in [0, 1, 31, 32, 1023, 1024, 32767, 32768, 1 << 25, (1 << 30) - 1, 1 << 30, .max] {
            var out: [UInt8] = []
            PostingList.appendNumber(value, to: &out)
            #expect(PostingList.numberLength(value) == out.count, "\(value)")
        }
    }

    @Test func keepingByPageAsksAsThePageWould() {
        let urls = ["", "#a", "#a", "#a#b", "a#b#c", "a#b", "p.html", "p.html#x", "p.html#y", "p.htmlx#y", "p.html",
                    "q#", "q", "q#r", "#", "#", "r/index.html#1", "r/index.html#2", "s/index.html"]
        let records = urls.map { SearchRecord(kind: .section, title: $0, breadcrumb: "", url: $0, text: "") }
        #expect(records.kept { (_: Int) in true }.map(\.url) == urls)
        for keep: (String) -> Bool in [{ $0.hasPrefix("p") }, { $0.contains("#") }, { $0.isEmpty }, { $0.count % 2 == 0 }] {
            var asked: [String] = []
            let fastOnPages = records.kept(onPages: { asked.append($0); return keep($0) })
            #expect(fastOnPages.map(\.url) == records.filter { keep($0.page) }.map(\.url))
            #expect(Set(asked).isSubset(of: Set(records.map(\.page))))
        }
    }
}
