/// Links between pages of the site, always relative and always naming a file, so that the
/// same files work from a web server at any sub-path and from disk (`file://`).
enum RelativeURL {
    /// The link from the page at `page` to `target`; both are paths from the site root
    /// (`ke-hoach-2023/index.html`, `van-ban/index.html#35-nq-tw-2018`).
    static func from(_ page: String, to target: String) -> String {
        // On bytes, into one buffer: index pages make a link per place, tens of thousands per
        // build. Folders are equal when their bytes up to and including the `/` are; the link
        // climbs out of the page's other folders and goes down the rest of the target's path.
        var pageCopy = page
        var targetCopy = target
        return pageCopy.withUTF8 { pageBytes in
            targetCopy.withUTF8 { targetBytes in from(pageBytes, to: targetBytes) }
        }
    }

    /// `from(page, to: "<slug>/index.html#<anchor>")` (no `#` and anchor when nil), with the
    /// target put together on the stack: index pages link tens of thousands of places, and a
    /// target String of its own was an allocation, and a validation, per link.
    static func from(_ page: String, toDocument slug: String, anchor: String?) -> String {
        let count = slug.utf8.count + documentPage.utf8.count + (anchor.map { $0.utf8.count + 1 } ?? 0)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { target in
            var written = 0
            UTF8Copy.copy(slug, to: target, at: &written)
            UTF8Copy.copy(documentPage, to: target, at: &written)
            if let anchor {
                UTF8Copy.copy("#", to: target, at: &written)
                UTF8Copy.copy(anchor, to: target, at: &written)
            }
            var pageCopy = page
            return pageCopy.withUTF8 { from($0, to: UnsafeBufferPointer(rebasing: target[..<written])) }
        }
    }

    private static let documentPage = "/index.html"

    /// `from(page, toDocument: slug, anchor: anchor)`'s bytes, handed to `body` from the stack
    /// without making a String: the renderer writes a place's link where it is needed, and
    /// each String made for it was validated, kept with the page and freed after.
    static func withLink<Result>(from page: String, toDocument slug: String, anchor: String?,
                                 _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let pageCount = page.utf8.count
        let targetCount = slug.utf8.count + documentPage.utf8.count + (anchor.map { $0.utf8.count + 1 } ?? 0)
        // The target, then the link: at most three bytes (`../`) per byte of the page, and the target.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: targetCount + 3 * pageCount + targetCount) { buffer in
            let target = UnsafeMutableBufferPointer(rebasing: buffer[..<targetCount])
            var written = 0
            UTF8Copy.copy(slug, to: target, at: &written)
            UTF8Copy.copy(documentPage, to: target, at: &written)
            if let anchor {
                UTF8Copy.copy("#", to: target, at: &written)
                UTF8Copy.copy(anchor, to: target, at: &written)
            }
            let link = UnsafeMutableBufferPointer(rebasing: buffer[targetCount...])
            var pageCopy = page
            let count = pageCopy.withUTF8 { write($0, to: UnsafeBufferPointer(rebasing: target[..<written]), into: link) }
            return body(UnsafeBufferPointer(rebasing: link[..<count]))
        }
    }

    /// `from(_:to:)` on bytes, written into `out` (room for three bytes per byte of the page
    /// and the target's): the count written.
    private static func write(_ pageBytes: UnsafeBufferPointer<UInt8>, to targetBytes: UnsafeBufferPointer<UInt8>,
                              into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let to = out.baseAddress, let targetBase = targetBytes.baseAddress else { return 0 }
        let slash = UInt8(ascii: "/")
        let pathEnd = targetBytes.firstIndex(of: UInt8(ascii: "#")) ?? targetBytes.count
        if pathEnd < targetBytes.count, pathEnd == pageBytes.count,
           UnsafeBufferPointer(rebasing: targetBytes[..<pathEnd]).elementsEqual(pageBytes) {
            to.initialize(from: targetBase + pathEnd, count: targetBytes.count - pathEnd)
            return targetBytes.count - pathEnd
        }
        var commonEnd = 0
        var index = 0
        while index < pageBytes.count, index < pathEnd, pageBytes[index] == targetBytes[index] {
            if pageBytes[index] == slash { commonEnd = index + 1 }
            index += 1
        }
        var written = 0
        for byte in pageBytes[commonEnd...] where byte == slash {
            to[written] = UInt8(ascii: ".")
            to[written + 1] = UInt8(ascii: ".")
            to[written + 2] = slash
            written += 3
        }
        (to + written).initialize(from: targetBase + commonEnd, count: targetBytes.count - commonEnd)
        return written + targetBytes.count - commonEnd
    }

    /// `from(page, to: IndexPaging.path(folder: folder, page: number) + "#" + anchor)`, the
    /// target put together on the stack (see `from(_:toDocument:anchor:)`): document pages
    /// link every number cited that is not in the site to its index entry.
    static func from(_ page: String, toIndex folder: String, page number: Int, anchor: String) -> String {
        // `folder/index.html` or `folder/trang-N.html`, as `IndexPaging.path` writes them, the
        // page's number written on the stack: a String for it, then one for the file's name,
        // were a third of a link's instructions.
        let count = folder.utf8.count + anchor.utf8.count + 40
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { target in
            var written = 0
            UTF8Copy.copy(folder, to: target, at: &written)
            if number == 0 {
                UTF8Copy.copy("/index.html#", to: target, at: &written)
            } else {
                UTF8Copy.copy("/trang-", to: target, at: &written)
                writeDecimal(number + 1, to: target, at: &written)
                UTF8Copy.copy(".html#", to: target, at: &written)
            }
            UTF8Copy.copy(anchor, to: target, at: &written)
            var pageCopy = page
            return pageCopy.withUTF8 { from($0, to: UnsafeBufferPointer(rebasing: target[..<written])) }
        }
    }

    /// `String(value)`'s bytes at `written` in `buffer` (room for 21 more); `written` moves past them.
    private static func writeDecimal(_ value: Int, to buffer: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) {
        if value < 0 {
            buffer[written] = UInt8(ascii: "-")
            written += 1
        }
        var magnitude = value.magnitude
        var digits = 0
        var probe = magnitude
        repeat {
            digits += 1
            probe /= 10
        } while probe > 0
        var position = written + digits - 1
        repeat {
            buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        written += digits
    }

    /// `from(_:toIndex:page:anchor:)` with the file's name joined as a String, kept as its reference.
    static func referenceFrom(_ page: String, toIndex folder: String, page number: Int, anchor: String) -> String {
        let file = number == 0 ? "index" : PageContext.joined("trang-", String(number + 1))
        let count = folder.utf8.count + file.utf8.count + anchor.utf8.count + 7
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { target in
            var written = 0
            UTF8Copy.copy(folder, to: target, at: &written)
            UTF8Copy.copy("/", to: target, at: &written)
            UTF8Copy.copy(file, to: target, at: &written)
            UTF8Copy.copy(".html#", to: target, at: &written)
            UTF8Copy.copy(anchor, to: target, at: &written)
            var pageCopy = page
            return pageCopy.withUTF8 { from($0, to: UnsafeBufferPointer(rebasing: target[..<written])) }
        }
    }

    private static func from(_ pageBytes: UnsafeBufferPointer<UInt8>, to targetBytes: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        let pathEnd = targetBytes.firstIndex(of: UInt8(ascii: "#")) ?? targetBytes.count
        if pathEnd < targetBytes.count, pathEnd == pageBytes.count,
           UnsafeBufferPointer(rebasing: targetBytes[..<pathEnd]).elementsEqual(pageBytes) {
            return String(decoding: UnsafeBufferPointer(rebasing: targetBytes[pathEnd...]), as: UTF8.self)
        }
        var commonEnd = 0
        var index = 0
        while index < pageBytes.count, index < pathEnd, pageBytes[index] == targetBytes[index] {
            if pageBytes[index] == slash { commonEnd = index + 1 }
            index += 1
        }
        var up = 0
        for byte in pageBytes[commonEnd...] where byte == slash { up += 1 }
        let tail = UnsafeBufferPointer(rebasing: targetBytes[commonEnd...])
        return String(unsafeUninitializedCapacity: up * 3 + tail.count) { out in
            var written = 0
            for _ in 0..<up {
                out[written] = UInt8(ascii: ".")
                out[written + 1] = UInt8(ascii: ".")
                out[written + 2] = slash
                written += 3
            }
            // The rest in one copy: byte by byte was most of a link's instructions.
            if let from = tail.baseAddress, let to = out.baseAddress {
                (to + written).initialize(from: from, count: tail.count)
                written += tail.count
            }
            return written
        }
    }

    /// The prefix that leads from `page` back to the site root: `""` or `"../"`.
    static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: (asciiPartCount(page) ?? page.split(separator: "/").count) - 1)
    }

    /// `page.split(separator: "/").count` on bytes, or nil when the path is not ASCII (then a
    /// `/` could start a Character with a mark after it, which is no separator). Splitting
    /// Characters cost thousands of instructions a page.
    static func asciiPartCount(_ page: String) -> Int? {
        var count = 0
        var inPart = false
        for byte in page.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: "/") {
                inPart = false
            } else if !inPart {
                inPart = true
                count += 1
            }
        }
        return count
    }

    static func split(_ target: String) -> (path: String, fragment: String?) {
        // Looked for in the UTF-8 view: searching Characters breaks graphemes all the way.
        guard let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (target, nil) }
        return (String(target[..<hash]), String(target[target.utf8.index(after: hash)...]))
    }
}
