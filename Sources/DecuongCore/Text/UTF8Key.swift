import Foundation

/// A String as a dictionary or set key, hashed and compared by its UTF-8 bytes.
///
/// Swift hashes and compares a String through its NFC form, which for Vietnamese text
/// means normalizing it at every lookup: the link stage's tables of organization names and
/// sort keys spent most of their time there. Keyed by bytes, two canonically equivalent
/// spellings are two keys; that is harmless wherever the value is computed from the key
/// (a memo), and exact wherever the text is NFC already (everything `VietnameseText.normalize`
/// has seen, which is all content).
public struct UTF8Key: Hashable, Sendable {
    public let string: String

    @inlinable
    public init(_ string: String) {
        self.string = string
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        string.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    @inlinable
    public static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        lhs.string.withUTF8Bytes { a in
            rhs.string.withUTF8Bytes { b in
                guard a.count == b.count else { return false }
                guard let x = a.baseAddress, let y = b.baseAddress else { return true }
                return memcmp(x, y, a.count) == 0
            }
        }
    }
}
