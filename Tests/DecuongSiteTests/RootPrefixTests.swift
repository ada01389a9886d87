@testable import DecuongSite
import Testing

/// `RelativeURL.rootPrefix` counts a page's path parts on bytes when the path is ASCII; the
/// count must be `split(separator: "/")`'s, empty parts left out.
struct RootPrefixTests {
    @Test func partCountEqualsTheCharacterSplit() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["/", "//", "a", "index.html", "van-ban", "ư", "/\u{301}", "\r\n", "-", ""]
        for _ in 0..<20_000 {
            let page = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            if let fast = RelativeURL.asciiPartCount(page) {
                #expect(fast == page.split(separator: "/").count, "\(page.debugDescription)")
            } else {
                #expect(page.utf8.contains { $0 >= 0x80 }, "\(page.debugDescription)")
            }
        }
        #expect(RelativeURL.rootPrefix(of: "a/b/index.html") == "../../")
        #expect(RelativeURL.rootPrefix(of: "index.html") == "")
    }
}
