#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level comparisons of strings for the index writer: `String.UTF8View`'s generic
/// `starts(with:)` and `elementsEqual` step an index per byte, and breadcrumbs are long.
enum UTF8Bytes {
    /// Whether `bytes` holds `part` at `offset`.
    @inline(__always)
    static func has(_ bytes: UnsafeBufferPointer<UInt8>, _ part: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset >= 0, part.count <= bytes.count - offset else { return false }
        guard let base = bytes.baseAddress, let other = part.baseAddress, part.count > 0 else { return true }
        return memcmp(base + offset, other, part.count) == 0
    }

    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && has(a, b, at: 0)
    }
}
