/// Where the HTML renderer and the escapes write: an `[UInt8]` of their own (the reference
/// entry points, `renderBytes`) or a caller's `HTMLBuffer` (a page being written). Internal,
/// so every use is specialized for the two.
protocol HTMLByteSink {
    var count: Int { get }
    func byte(at index: Int) -> UInt8
    mutating func appendByte(_ byte: UInt8)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Room for `capacity` bytes in all, for an array of its own; a caller's buffer grows as it must.
    mutating func reserveRoom(_ capacity: Int)
}

extension HTMLByteSink {
    mutating func appendBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendBytes($0) }
    }

    mutating func appendSequence<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes { appendByte(byte) }
    }

    mutating func appendUTF8(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendBytes($0) }) == nil { appendSequence(text.utf8) }
    }
}

extension Array: HTMLByteSink where Element == UInt8 {
    func byte(at index: Int) -> UInt8 { self[index] }

    mutating func appendByte(_ byte: UInt8) { append(byte) }

    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }

    mutating func reserveRoom(_ capacity: Int) { reserveCapacity(capacity) }
}

extension HTMLBuffer: HTMLByteSink {
    func byte(at index: Int) -> UInt8 { self[index] }

    mutating func appendByte(_ byte: UInt8) { append(byte) }

    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(bytes) }

    mutating func reserveRoom(_ capacity: Int) {}
}
