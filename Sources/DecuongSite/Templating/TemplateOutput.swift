import DecuongMarkdown

/// The bytes of a page as the renderer writes them: one buffer that `TemplateRenderer.render`
/// allocates for a render and frees at its end. Appending to an `[UInt8]` checked that the
/// array was uniquely referenced and went through its generic append for every text, variable
/// and escape, about a hundred instructions each, and a document page has a hundred thousand.
/// The storage is DecuongMarkdown's `HTMLBuffer`, so that section HTML is rendered into it.
struct TemplateOutput {
    var buffer: HTMLBuffer

    init(capacity: Int) {
        buffer = HTMLBuffer(capacity: capacity)
    }

    /// Gives the memory back; the owner calls it once, after its last use of the buffer.
    func free() {
        buffer.free()
    }

    var count: Int { buffer.count }

    /// The bytes written so far, as an array of their own.
    var bytes: [UInt8] { buffer.withBytes { Array($0) } }

    /// The bytes written so far where they are, for the length of `body`.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        buffer.withBytes(body)
    }

    subscript(index: Int) -> UInt8 { buffer[index] }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer.append(bytes)
    }

    mutating func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    /// Bytes that may not be contiguous (a Character's UTF-8, a bridged string's).
    mutating func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        buffer.append(contentsOf: bytes)
    }

    mutating func removeLast(_ removed: Int) {
        buffer.removeLast(removed)
    }
}
