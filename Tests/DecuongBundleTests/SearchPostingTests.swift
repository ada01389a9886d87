@testable import DecuongSite
import Testing

/// The batched and direct ways of building the index agree with the plain ones they replace.
@Suite struct SearchPostingTests {
    /// The list as `written()` made it before it could be written in place.
    private static func referenceWritten(_ list: PostingList) -> [UInt8] {
        guard list.count > 8 else { return list.bytes }
        let first = Int(list.first)
        var head: [UInt8] = [PostingList.bitmapMark]
        PostingList.appendNumber(UInt32(first), to: &head)
        let span = Int(list.last) - first + 1
        guard head.count + (span + 5) / 6 < list.bytes.count else { return list.bytes }
        var sextets = Array(repeating: 0, count: (span + 5) / 6)
        for id in list.ids() { sextets[(id - first) / 6] |= 1 << ((id - first) % 6) }
        return head + sextets.map { PostingList.digit(UInt32($0)) }
    }

    @Test(arguments: [1, 7, 40, 300])
    func batchesCodeLikeSingleAppends(gapLimit: Int) {
        var generator = XorShiftRandom(state: UInt64(gapLimit))
        for _ in 0..<50 {
            var ids: [Int32] = []
            var id = Int32(generator.next(5)) - 1
            for _ in 0..<generator.next(60) {
                id += Int32(1 + generator.next(gapLimit))
                ids.append(id)
            }
            var single = PostingList()
            for id in ids { single.append(id) }
            var batched = PostingList()
            var scratch: [UInt8] = []
            var start = 0
            while start < ids.count {
                let end = min(ids.count, start + 1 + generator.next(9))
                ids[start..<end].withUnsafeBufferPointer { batched.append($0, scratch: &scratch) }
                start = end
            }
            #expect(batched == single)
            #expect(batched.ids() == ids.map(Int.init))
            #expect(single.written() == Self.referenceWritten(single))
            #expect(single.writtenCount == single.written().count)
        }
    }

    /// Trimming a list's room changes nothing it holds or writes.
    @Test func trimmedListsAreTheSame() {
        var generator = XorShiftRandom(state: 11)
        for _ in 0..<100 {
            var list = PostingList()
            var id = Int32(generator.next(5)) - 1
            for _ in 0..<generator.next(400) {
                id += Int32(1 + generator.next(1 + generator.next(300)))
                list.append(id)
            }
            var trimmed = list
            trimmed.trim()
            #expect(trimmed == list)
            #expect(trimmed.written() == list.written())
            #expect(trimmed.bytes.capacity - trimmed.bytes.count <= max(list.bytes.count / 4 + 16, list.bytes.capacity - list.bytes.count))
            var more = trimmed
            more.append(id + 3)
            list.append(id + 3)
            #expect(more == list)
        }
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
