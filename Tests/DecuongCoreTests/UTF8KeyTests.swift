import DecuongCore
import Foundation
import Testing

struct UTF8KeyTests {
    @Test func equalBytesAreEqualKeys() {
        let names = ["Ban Tuyên giáo Tỉnh ủy", "UBND tỉnh", "", "a", "Sở Giáo dục và Đào tạo", "35-NQ/TW@2017"]
        var table: [UTF8Key: Int] = [:]
        for (index, name) in names.enumerated() { table[UTF8Key(name)] = index }
        for (index, name) in names.enumerated() {
            // A copy made from other storage (a large native string, a substring) finds the same entry.
            let rebuilt = String(decoding: Array(name.utf8), as: UTF8.self)
            #expect(table[UTF8Key(rebuilt)] == index)
            #expect(UTF8Key(rebuilt) == UTF8Key(name))
        }
        #expect(table[UTF8Key("UBND tỉnh ")] == nil)
        #expect(UTF8Key("ab") != UTF8Key("abc"))
    }

    @Test func canonicallyEquivalentSpellingsAreDifferentKeys() {
        // What the type promises: bytes, not canonical equivalence (content is NFC before it
        // gets here, and a memo recomputes the same value for the other spelling).
        let composed = "Tỉnh"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(composed == decomposed)
        #expect(UTF8Key(composed) != UTF8Key(decomposed))
    }
}
