#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DecuongCore

/// The organization names a document has named, so that a name mentioned again is kept
/// as the string made for its first mention: a document names a few organizations many
/// times, and each mention held its own copy of the name in the loaded site. Names are
/// compared by their bytes (the same bytes are the same string whatever it is compared
/// with), and a name short enough to be stored in the string itself is left as it is.
struct NameTable {
    /// Each name with its length and first eight bytes, which rule out nearly every other
    /// name before the bytes are compared.
    private var names: [(count: Int, head: UInt64, name: String)] = []

    /// The longest UTF-8 a string holds without storage of its own.
    static let smallLimit = 15

    /// `name`, or an earlier name with the same bytes.
    mutating func interned(_ name: String) -> String {
        guard name.utf8.count > Self.smallLimit else { return name }
        return name.withUTF8Bytes { bytes in find(bytes) ?? add(bytes, name) }
    }

    /// The name with the valid UTF-8 `bytes`: an earlier name with them, or one made now
    /// (and kept, when it needs storage of its own).
    mutating func interned(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > Self.smallLimit else { return String(decoding: bytes, as: UTF8.self) }
        return find(bytes) ?? add(bytes, String(decoding: bytes, as: UTF8.self))
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        // Longer than the limit: eight bytes are there to read.
        let head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
        for index in names.indices where names[index].count == count && names[index].head == head {
            let equal = names[index].name.withUTF8Bytes { other in
                other.baseAddress.map { memcmp($0, base, count) == 0 } ?? false
            }
            if equal { return names[index].name }
        }
        return nil
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ name: String) -> String {
        if let base = bytes.baseAddress {
            names.append((bytes.count, UnsafeRawPointer(base).loadUnaligned(as: UInt64.self), name))
        }
        return name
    }
}
