/// The bytes of a page as the renderer writes them: one buffer that `TemplateRenderer.render`
/// allocates for a render and frees at its end. Appending to an `[UInt8]` checked that the
/// array was uniquely referenced and went through its generic append for every text, variable
/// and escape, about a hundred instructions each, and a document page has a hundred thousand.
struct TemplateOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Gives the memory back; the owner calls it once, after its last use of the buffer.
    func free() {
        base.deallocate()
    }

    /// The bytes written so far, as an array of their own.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written so far where they are, for the length of `body`.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "an output byte out of range")
        return base[index]
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: from, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Bytes that may not be contiguous (a Character's UTF-8, a bridged string's).
    mutating func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        for byte in bytes {
            reserve(1)
            base[count] = byte
            count += 1
        }
    }

    mutating func removeLast(_ removed: Int) {
        precondition(removed >= 0 && removed <= count, "removing more output than was written")
        count -= removed
    }

    private mutating func reserve(_ added: Int) {
        guard count + added > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + added))
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = max(capacity * 2, count + added)
    }
}
