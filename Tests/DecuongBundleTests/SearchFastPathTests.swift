@testable import DecuongSite
import Testing

/// The search index's byte-level fast paths against plain Swift: interning by the word-wise
/// hash gives the ids a dictionary would, and keys sort as their `String`s' UTF-8 does.
@Suite struct SearchFastPathTests {
    static let pieces: [String] = ["a", "b", "đ", "ư", "ờ", "ng", "h", "x", "0", "-", "ệ", "👍", "\u{0301}", " "]

    @Test func internerMatchesADictionary() {
        var random = XorShiftRandom(state: 7)
        var interner = ByteInterner(capacity: 16)
        var reference: [[UInt8]: Int32] = [:]
        for _ in 0..<40000 {
            // Lengths from 1 to about 40 bytes, with many repeats, read from inside a longer buffer.
            var word = ""
            for _ in 0..<(1 + random.next(random.next(4) == 0 ? 14 : 4)) { word += Self.pieces[random.next(Self.pieces.count)] }
            let padded = Array("«\(word)»".utf8)
            let start = 2, end = padded.count - 2
            let key = Array(padded[start..<end])
            let expected = reference[key]
            padded.withUnsafeBufferPointer { buffer in
                #expect(interner.lookup(buffer, start, end) == expected)
                let (id, isNew) = interner.intern(buffer, start, end)
                #expect(isNew == (expected == nil))
                #expect(id == expected ?? Int32(reference.count))
            }
            if expected == nil { reference[key] = Int32(reference.count) }
        }
        #expect(interner.count == reference.count)
        for (key, id) in reference {
            #expect(Array(interner.bytes[interner.range(of: id)]) == key)
            key.withUnsafeBufferPointer { #expect(interner.lookup($0, 0, key.count) == id) }
        }
    }

    @Test func keysSortByTheirBytes() {
        var random = XorShiftRandom(state: 9)
        for round in 0..<200 {
            var keys: [SearchIndex.Key] = []
            var seen: Set<String> = []
            for _ in 0..<(round % 50) {
                var text = ""
                for _ in 0..<random.next(6) { text += Self.pieces[random.next(Self.pieces.count)] }
                guard seen.insert(text).inserted else { continue }
                keys.append(SearchIndex.Key(kind: .folded, text: text))
            }
            let ids = (0..<Int32(keys.count)).shuffled()
            let expected = ids.sorted { keys[Int($0)].text.utf8.lexicographicallyPrecedes(keys[Int($1)].text.utf8) }
            let (sorted, texts) = SearchIndexWriter.sortedByText(ids, keys)
            #expect(sorted == expected)
            for (position, id) in sorted.enumerated() {
                var written: [UInt8] = [0x22]
                texts.appendEscaped(position, to: &written)
                written.append(0x22)
                var expected: [UInt8] = []
                JSON.appendString(keys[Int(id)].text, to: &expected)
                #expect(written == expected)
                #expect(texts.count(position) == keys[Int(id)].text.utf8.count)
            }
        }
    }
}
