/// What the links from one page to documents' pages have in common, worked out once for the
/// page. From a page in a folder (`co-quan/trang-3.html`), `RelativeURL.from(page, toDocument:
/// slug, anchor: anchor)` is a `../` for each `/` of the page and then the target
/// (`slug/index.html#anchor`) as it is, unless the target starts with the page's first folder
/// and its `/` (`co-quan/`): only then does it share a folder with the page, or is it the page
/// itself. Index pages link tens of thousands of places, and `RelativeURL.withLink` put each
/// target together on the stack and compared it with the page before the link was written.
struct DocumentLinkStart {
    let page: String
    /// The page's `/`s: the `../`s every link starts with. -1: the page is at the root (no
    /// folder to leave), or its first folder is longer than `folder` holds; `withLink` decides.
    private let climbs: Int
    /// The page's first folder and its `/`, byte `i` in bits `8 * (i % 8)` of word `i / 8`.
    private let folder: (UInt64, UInt64)
    private let folderCount: Int

    init(page: String) {
        self.page = page
        var climbs = 0
        var folder: (UInt64, UInt64) = (0, 0)
        var folderCount = -1
        page.withUTF8Bytes { bytes in
            for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
                if climbs == 0, index < 16 {
                    folderCount = index + 1
                    for byte in 0...index {
                        let shifted = UInt64(bytes[byte]) << UInt64(8 * (byte % 8))
                        if byte < 8 { folder.0 |= shifted } else { folder.1 |= shifted }
                    }
                }
                climbs += 1
            }
        }
        self.climbs = folderCount < 0 ? -1 : climbs
        self.folder = folder
        self.folderCount = folderCount
    }

    /// The link to `slug`'s page (at `anchor`) in its parts, in order, each to `part` with
    /// whether it is the slug's or the anchor's text (`isText`: an HTML page escapes it) or
    /// the link's own `../`, `/index.html` or `#`, which have nothing to escape. False, with
    /// nothing handed out, where the link is not the target after the `../`s.
    func write(toDocument slug: String, anchor: String?,
               _ part: (_ bytes: UnsafeBufferPointer<UInt8>, _ isText: Bool) -> Void) -> Bool {
        guard climbs >= 0 else { return false }
        return slug.withUTF8Bytes { slugBytes in
            guard !startsWithFolder(slugBytes) else { return false }
            for _ in 0..<climbs { Self.withBytes("../") { part($0, false) } }
            part(slugBytes, true)
            Self.withBytes("/index.html") { part($0, false) }
            if let anchor {
                Self.withBytes("#") { part($0, false) }
                anchor.withUTF8Bytes { part($0, true) }
            }
            return true
        }
    }

    /// Whether `slug/index.html` starts with the page's first folder and its `/`.
    private func startsWithFolder(_ slug: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<folderCount {
            let word = index < 8 ? folder.0 : folder.1
            let expected = UInt8(truncatingIfNeeded: word >> UInt64(8 * (index % 8)))
            // Past the slug comes the `/` of `/index.html`.
            let byte = index < slug.count ? slug[index] : index == slug.count ? UInt8(ascii: "/") : nil
            guard byte == expected else { return false }
        }
        return true
    }

    /// A literal's bytes where the binary keeps them: a static array cost a `swift_once`
    /// check, a retain and a release each time it was read.
    @inline(__always)
    private static func withBytes(_ literal: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        body(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
