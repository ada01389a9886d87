@testable import DecuongSite
import Foundation
import Testing

/// The link checker's attribute reading, against the Foundation reading it replaced, and on
/// a page of megabytes (the size of a large site's index pages).
@Suite struct HTMLScannerTests {
    /// The reading before: Foundation's `range(of:)` on the rest of the page.
    static func reference(_ name: String, in html: String) -> [String] {
        var out: [String] = []
        let needle = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: needle) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            out.append(String(rest[valueStart..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return out
    }

    static let pages = [
        "",
        "<p>không có thuộc tính</p>",
        #"<a href="../chu-de/ii-1.html#muc-2" id="a1">Chủ đề</a> <img src="anh.png" alt="ảnh">"#,
        #"<section id="ii-1-2"><h2 id="tieu-de">Nghị quyết số 35-NQ/TW</h2><a href="van-ban/trang-2.html#35-nq-tw">35</a></section>"#,
        #"<a href="">trống</a><a href="x.html?q=1&amp;r=2">x</a> href="không phải thuộc tính""#,
        #"<a  href="hai-dau-cach.html">x</a><a href="chưa đóng"#,
        #"<div id="đầu"> id="giữa" <span id="cuối">"#,
    ]

    @Test func readsWhatFoundationRead() {
        for page in Self.pages {
            for name in ["href", "src", "id"] {
                #expect(HTMLScanner.attributeValues(name, in: page) == Self.reference(name, in: page), "\(name) in \(page)")
            }
        }
    }

    @Test func findsCanonicalAndFeedLinks() {
        let head = #"<link rel="stylesheet" href="assets/style.css"><link rel="canonical" href="https://x.vn/a/"><link href="https://x.vn/feed.xml" rel="alternate" type="application/atom+xml"><link rel="icon" href="i.png">"#
        #expect(HTMLScanner.canonicalURLs(in: head) == ["https://x.vn/a/", "https://x.vn/feed.xml"])
        #expect(HTMLScanner.canonicalURLs(in: "<link rel=\"canonical\" href=\"a\"") == [])
    }

    /// 100,000 attributes in 5 MB, as on the largest index page of 10,000 documents; with
    /// the reading before, each attribute copied the rest of the page.
    @Test(.timeLimit(.minutes(1))) func readsAPageOfMegabytesInOnePass() {
        var page = "<main>"
        for index in 0..<100_000 {
            page += #"<li id="muc-\#(index)"><a href="../doc-\#(index)/index.html#i-1">Kế hoạch số \#(index)-KH/TU</a></li>"#
        }
        page += "</main>"
        #expect(page.utf8.count > 5_000_000)
        let ids = HTMLScanner.attributeValues("id", in: page)
        let links = HTMLScanner.attributeValues("href", in: page)
        #expect(ids.count == 100_000 && ids.last == "muc-99999")
        #expect(links.count == 100_000 && links.first == "../doc-0/index.html#i-1")
    }
}
