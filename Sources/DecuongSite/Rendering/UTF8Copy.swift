/// Copies a String's UTF-8 into a buffer being filled, for text made of parts in one
/// allocation (labels, links): the bytes are valid already, so nothing validates them again.
enum UTF8Copy {
    /// `part`'s bytes at `written` in `buffer`, which has room for them; `written` moves past them.
    static func copy(_ part: String, to buffer: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) {
        let copied: Int? = part.utf8.withContiguousStorageIfAvailable { bytes in
            guard let from = bytes.baseAddress, let to = buffer.baseAddress else { return 0 }
            (to + written).initialize(from: from, count: bytes.count)
            return bytes.count
        }
        if let copied {
            written += copied
            return
        }
        for byte in part.utf8 {
            buffer[written] = byte
            written += 1
        }
    }
}
