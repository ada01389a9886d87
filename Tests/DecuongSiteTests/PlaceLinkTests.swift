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

extension PlaceLinkTests {
    /// `RelativeURL.from(_:toDocument:anchor:)` against `from(_:to:)` with the target written out.
    @Test func documentLinksEqualLinksToTheirTargets() {
        var generator = SeededGenerator(seed: 47)
        let pages = ["index.html", "van-ban/index.html", "van-ban/trang-2.html", "co-quan/trang-12.html", "a/b/c.html",
                     "ke-hoach-2023/index.html", "ke-hoach/index.html", "đ/index.html", "ke-hoach/ii-1.html"]
        let slugs = ["ke-hoach-2023", "ke-hoach", "van-ban", "a", "a/b", "x#y", "", "đề-cương"]
        let anchors: [String?] = [nil, "i", "ii-1-3", "", "#", "mục-1"]
        for _ in 0..<2_000 {
            let page = pages[Int.random(in: 0..<pages.count, using: &generator)]
            let slug = slugs[Int.random(in: 0..<slugs.count, using: &generator)]
            let anchor = anchors[Int.random(in: 0..<anchors.count, using: &generator)]
            let target = slug + "/index.html" + (anchor.map { "#" + $0 } ?? "")
            #expect(RelativeURL.from(page, toDocument: slug, anchor: anchor) == RelativeURL.from(page, to: target),
                    "\(page) → \(target)")
        }
    }
}

extension PlaceLinkTests {
    /// `RelativeURL.withLink`, which the renderer writes place links from, against `from(_:to:)`
    /// with the target written out, byte for byte; and a place's `href` against the link it writes.
    @Test func linkBytesEqualLinksToTheirTargets() {
        var generator = SeededGenerator(seed: 53)
        let pages = ["index.html", "van-ban/index.html", "van-ban/trang-2.html", "co-quan/trang-12.html", "a/b/c.html",
                     "ke-hoach-2023/index.html", "ke-hoach/index.html", "đ/index.html", "ke-hoach/ii-1.html", "", "/", "a//b.html",
                     "moc-thoi-gian/trang-3.html", "x#y/index.html"]
        let slugs = ["ke-hoach-2023", "ke-hoach", "van-ban", "a", "a/b", "x#y", "", "đề-cương", "/", "moc-thoi-gian", "e\u{301}"]
        let anchors: [String?] = [nil, "i", "ii-1-3", "", "#", "mục-1", "<&>", String(repeating: "a", count: 300)]
        for _ in 0..<4_000 {
            let page = pages[Int.random(in: 0..<pages.count, using: &generator)]
            let slug = slugs[Int.random(in: 0..<slugs.count, using: &generator)]
            let anchor = anchors[Int.random(in: 0..<anchors.count, using: &generator)]
            let target = slug + "/index.html" + (anchor.map { "#" + $0 } ?? "")
            let bytes = RelativeURL.withLink(from: page, toDocument: slug, anchor: anchor) { Array($0) }
            #expect(bytes == Array(RelativeURL.from(page, to: target).utf8), "\(page) → \(target)")
            let place = PlaceView(link: .document(page: page, slug: slug, anchor: anchor), title: "t", sectionWord: "mục",
                                  sectionNumber: nil, context: nil)
            #expect(place.href == RelativeURL.from(page, to: target))
        }
    }
}

extension PlaceLinkTests {
    /// Links to an index entry with the page's number written on the stack, against the
    /// reference that joins the file's name as a String, from pages in and out of the folder.
    @Test func indexLinksEqualTheReference() {
        var generator = SeededGenerator(seed: 61)
        let pages = ["index.html", "van-ban/index.html", "van-ban/trang-2.html", "co-quan/trang-12.html", "a/b/c.html",
                     "ke-hoach-2023/index.html", "đ/index.html", "van-ban/trang-10.html"]
        let folders = [IndexPaging.citedDocumentsFolder, "co-quan", "a/b", "đ", ""]
        let anchors = ["", "35-nq-tw-2018", "a#b", "mục", String(repeating: "x", count: 200)]
        let numbers = [0, 1, 2, 8, 9, 10, 99, 100, 12_345, Int.max - 1, -1, -2, -10, Int.min + 1]
        for _ in 0..<3_000 {
            let page = pages[Int.random(in: 0..<pages.count, using: &generator)]
            let folder = folders[Int.random(in: 0..<folders.count, using: &generator)]
            let anchor = anchors[Int.random(in: 0..<anchors.count, using: &generator)]
            let number = Bool.random(using: &generator) ? numbers[Int.random(in: 0..<numbers.count, using: &generator)]
                : Int.random(in: 0...100_000, using: &generator)
            let fast = RelativeURL.from(page, toIndex: folder, page: number, anchor: anchor)
            let reference = RelativeURL.referenceFrom(page, toIndex: folder, page: number, anchor: anchor)
            #expect(Array(fast.utf8) == Array(reference.utf8), "\(page) → \(folder) \(number) \(anchor)")
        }
    }
}

extension PlaceLinkTests {
    /// `DocumentLinkStart`'s parts, which the renderer writes place links from where it can,
    /// joined against `from(_:toDocument:anchor:)`, byte for byte, from pages at the root, in
    /// folders, in folders the slugs start with or are, and in folders too long to keep.
    @Test func linkStartPartsEqualDocumentLinks() {
        var generator = SeededGenerator(seed: 59)
        let pages = ["index.html", "van-ban/index.html", "van-ban/trang-2.html", "co-quan/trang-12.html", "a/b/c.html",
                     "ke-hoach-2023/index.html", "ke-hoach/index.html", "đ/index.html", "ke-hoach/ii-1.html", "", "/", "a//b.html",
                     "moc-thoi-gian/trang-3.html", "x#y/index.html", "abcdefghijklmno/index.html", "abcdefghijklmnop/index.html",
                     "a/index.html", "index.html#a/x.html"]
        let slugs = ["ke-hoach-2023", "ke-hoach", "van-ban", "van-ban/x", "van-bang", "a", "a/b", "ab", "x#y", "x", "", "đề-cương", "/",
                     "moc-thoi-gian", "moc-thoi-gian/", "e\u{301}", "abcdefghijklmno", "abcdefghijklmnop", "index.html#a", "co-quan"]
        let anchors: [String?] = [nil, "i", "ii-1-3", "", "#", "mục-1", "<&>", String(repeating: "a", count: 300)]
        var fast = 0
        for _ in 0..<6_000 {
            let page = pages[Int.random(in: 0..<pages.count, using: &generator)]
            let slug = slugs[Int.random(in: 0..<slugs.count, using: &generator)]
            let anchor = anchors[Int.random(in: 0..<anchors.count, using: &generator)]
            var bytes: [UInt8] = []
            var texts: [UInt8] = []
            let written = DocumentLinkStart(page: page).write(toDocument: slug, anchor: anchor) { part, isText in
                bytes.append(contentsOf: part)
                if isText { texts.append(contentsOf: part) }
            }
            guard written else {
                #expect(bytes.isEmpty)
                continue
            }
            fast += 1
            #expect(bytes == Array(RelativeURL.from(page, toDocument: slug, anchor: anchor).utf8), "\(page) → \(slug) \(anchor ?? "nil")")
            // Only the slug and the anchor are text to escape.
            #expect(texts == Array((slug + (anchor ?? "")).utf8))
        }
        // Most pairs take the parts: the test is not passing by falling back.
        #expect(fast > 3_000)
    }
}
