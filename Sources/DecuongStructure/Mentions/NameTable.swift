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

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ made: String) -> String {
        let name = Self.shared(made)
        if let base = bytes.baseAddress {
            names.append((bytes.count, UnsafeRawPointer(base).loadUnaligned(as: UInt64.self), name))
        }
        return name
    }

    /// Names met in earlier documents, by their bytes, on every thread: the plans of a site
    /// name the same few dozen bodies again and again, and each document held its own copy
    /// of each (at 10,000 documents 204,000 strings, 12 MiB, from loading to the last page).
    /// Shared as a name is made, not after: strings let go once the site is loaded left
    /// their slabs in use beside the strings that stayed, and the memory with them.
    private static let sharedNames = SharedValue<[UTF8Key: String]>([:])

    /// Past this many names a new one is kept to its document: a long preview session
    /// keeps the table, and no site names this many bodies.
    static let sharedLimit = 65_536

    /// The string of an earlier document with `name`'s bytes, or `name`, now shared.
    static func shared(_ name: String) -> String {
        let key = UTF8Key(name)
        return sharedNames.withLock { names in
            if let known = names[key] { return known }
            if names.count < sharedLimit { names[key] = name }
            return name
        }
    }
}
