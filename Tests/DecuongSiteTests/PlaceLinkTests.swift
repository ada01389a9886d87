@testable import DecuongSite
import Testing

/// Index pages join a label and a link target per place as bytes: the result must be the
/// Strings joined.
struct PlaceLinkTests {
    @Test func joinedIsConcatenation() {
        var generator = SeededGenerator(seed: 43)
        let pieces = ["", "a", "Kế hoạch", "mục", ", ", " ", "II.1.3", "e\u{301}", "\u{301}", "<&>", String(repeating: "đ", count: 40),
                      "van-ban/index.html", "#", "🇻🇳"]
        for _ in 0..<2_000 {
            let parts = (0..<5).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
            let joined = PageContext.joined(parts[0], parts[1], parts[2], parts[3], parts[4])
            #expect(joined == parts.joined())
            #expect(Array(joined.utf8) == Array(parts.joined().utf8))
        }
    }
}
