/// A key of page data (`title`, `bodyHtml`) with its hash worked out once. Rendering looks
/// keys up at every level of the context stack, and hashing a `String` (which normalizes it
/// first) was a quarter of a document page's instructions; the compiled templates make
/// their keys once, and a page's keys are literals hashed with a few instructions.
struct TemplateKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    let name: String
    private let hash: UInt64

    init(_ name: String) {
        self.name = name
        var hash = Self.offsetBasis
        for byte in name.utf8 { hash = Self.mix(hash, byte) }
        self.hash = hash
    }

    /// Literals are hashed from their bytes in the binary: a page context makes tens of
    /// thousands of keys, and walking a `String`'s UTF-8 view cost more than the lookup saved.
    init(stringLiteral value: StaticString) {
        var hash = Self.offsetBasis
        if value.hasPointerRepresentation {
            for byte in UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount) {
                hash = Self.mix(hash, byte)
            }
        } else {
            for byte in String(value.unicodeScalar).utf8 { hash = Self.mix(hash, byte) }
        }
        self.hash = hash
        name = value.description
    }

    // FNV-1a over the UTF-8 bytes: keys are short, and names compare by their bytes.
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    var description: String { name }

    static func == (lhs: TemplateKey, rhs: TemplateKey) -> Bool {
        // Keys up to 15 bytes are stored inline, so equal keys are usually equal bits, the
        // first thing `==` on String tries.
        lhs.hash == rhs.hash && lhs.name == rhs.name
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    /// What a Dictionary buckets by: the FNV hash mixed with the table's seed, without a
    /// round of SipHash per lookup (that was still most of a lookup's instructions).
    func _rawHashValue(seed: Int) -> Int {
        var mixed = (hash ^ UInt64(truncatingIfNeeded: seed)) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        return Int(truncatingIfNeeded: mixed)
    }
}
