/// A growable byte buffer that its owner frees explicitly: what a page is written into, so
/// that a section's Markdown can be rendered straight into the page (`HTMLRenderer.render(_:links:into:)`)
/// instead of into an array of its own that the page then copied and freed. Appending to an
/// `[UInt8]` checked uniqueness and went through the generic append every time; this is a
/// pointer, a capacity and a count. Copies share the memory: one owner frees it, once.
public struct HTMLBuffer {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var storedCount = 0

    public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Gives the memory back; the owner calls it once, after its last use of the buffer.
    public func free() {
        base.deallocate()
    }

    public var count: Int {
        @inlinable get { storedCount }
    }

    /// The bytes written so far where they are, for the length of `body`.
    @inlinable
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: storedCount))
    }

    @inlinable
    public subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < storedCount, "an output byte out of range")
        return base[index]
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + storedCount).initialize(from: from, count: bytes.count)
        storedCount += bytes.count
    }

    @inlinable
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[storedCount] = byte
        storedCount += 1
    }

    @inlinable
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Bytes that may not be contiguous (a Character's UTF-8, a bridged string's).
    @inlinable
    public mutating func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        for byte in bytes { append(byte) }
    }

    @inlinable
    public mutating func removeLast(_ removed: Int) {
        precondition(removed >= 0 && removed <= storedCount, "removing more output than was written")
        storedCount -= removed
    }

    @inlinable
    mutating func reserve(_ added: Int) {
        guard storedCount + added > capacity else { return }
        grow(added)
    }

    /// Out of line: the append paths stay small where they are inlined.
    @usableFromInline
    mutating func grow(_ added: Int) {
        let grown = max(capacity * 2, storedCount + added)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: base, count: storedCount)
        base.deallocate()
        base = moved
        capacity = grown
    }
}
