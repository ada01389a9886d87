@testable import DecuongSite
import Testing

/// Tidying asks once a page whether it has `<pre` (`SiteRenderer.containsPreTag`, `memchr`
/// and a word comparison per `<`): it must answer as the tag-by-tag reference does, with the
/// tag and its near misses at every offset, at the very end, and cut short by the end.
struct PreTagScanTests {
    @Test func scanEqualsTheTagByTagSearch() {
        var generator = SeededGenerator(seed: 31)
        let pieces = ["<pre", "<p", "<pr", "pre", "<", "<<pre", "<PRE", "< pre", "<pre>", "</pre>", "x", "ư", "\n", "  ", "<span>", "e", "r"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let bytes = Array(text.utf8)
            for cut in Set([bytes.count, max(0, bytes.count - 1), max(0, bytes.count - 3)]) {
                let prefix = Array(bytes[..<cut])
                prefix.withUnsafeBufferPointer { buffer in
                    #expect(SiteRenderer.containsPreTag(buffer) == SiteRenderer.containsPreTagByTags(buffer), "\(prefix)")
                }
            }
        }
        let empty: [UInt8] = []
        empty.withUnsafeBufferPointer { #expect(!SiteRenderer.containsPreTag($0)) }
    }
}

/// Pages without `<pre>` lose their blank lines in one pass written into the array's memory
/// (`SiteRenderer.dropBlankLines`): the same bytes as appending each kept run.
struct BlankLineDropTests {
    @Test func writtenEqualsAppended() {
        var generator = SeededGenerator(seed: 41)
        let pieces = ["<p>a</p>", "x", " ", "\t", "\r", "\n", "\n\n", "  \n", " \t\r\n", "đề cương", "<b>", String(repeating: "y", count: 40)]
        for _ in 0..<20_000 {
            let html = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let bytes = Array(html.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(SiteRenderer.dropBlankLines(buffer) == SiteRenderer.dropBlankLinesByAppending(buffer), "\(html.debugDescription)")
            }
        }
    }
}
