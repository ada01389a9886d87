@testable import DecuongSite
import Testing

/// `ShortWordTable.value` compares keys only (a word of no zero byte is told by its
/// zero-padded key, length included): against a dictionary of the words and against
/// `referenceValue`, which compares lengths too, for random words of 1 to 8 bytes read from
/// inside a longer buffer and at its end (where the key is built byte by byte).
@Suite struct ShortWordTableTests {
    static let pieces: [String] = ["a", "b", "đ", "ư", "ờ", "ng", "h", "x", "0", "-", "ệ", "\u{0301}", "/", "A"]

    @Test func keysAloneFindTheWords() {
        var random = XorShiftRandom(state: 11)
        var table = ShortWordTable(capacity: 8)
        var reference: [[UInt8]: Int32] = [:]
        for _ in 0..<30000 {
            var word: [UInt8] = []
            while true {
                let next = Array(Self.pieces[random.next(Self.pieces.count)].utf8)
                if word.count + next.count > ShortWordTable.maxLength { break }
                word += next
                if random.next(3) == 0 { break }
            }
            let atEnd = random.next(2) == 0
            let padded = Array("«".utf8) + word + (atEnd ? [] : Array(" trailing".utf8))
            let start = 2, end = start + word.count
            let expected = reference[word]
            padded.withUnsafeBufferPointer { buffer in
                let key = ShortWordTable.key(buffer, start, end)
                #expect(table.value(key, length: word.count) == expected)
                #expect(table.referenceValue(key, length: word.count) == expected)
                if expected == nil { table.insert(key, length: word.count, Int32(reference.count)) }
            }
            if expected == nil { reference[word] = Int32(reference.count) }
        }
        #expect(table.count == reference.count)
        for (word, value) in reference {
            word.withUnsafeBufferPointer { buffer in
                let key = ShortWordTable.key(buffer, 0, word.count)
                #expect(table.value(key, length: word.count) == value)
                #expect(table.referenceValue(key, length: word.count) == value)
            }
        }
    }
}
