extension String {
    /// `body` over the string's UTF-8. A native or small string lends its bytes as they are;
    /// `withUTF8` is mutating, and the copy it needs cost a retain, a release and a
    /// uniqueness test per call, which showed on the recognizer's per-line readers and the
    /// search index's per-record ones. Only a bridged string is copied.
    @inlinable @inline(__always)
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
