/// Arrays kept in the loaded site, copied into storage of their own size when growth by
/// appending left room unused: an array doubles as it grows, so the mentions of a
/// document (appended one by one as the scan finds them) held up to twice their size for
/// as long as the site is loaded.
enum ArrayFitting {
    /// Unused room worth a copy: less hardly changes the allocation's size class.
    static let unusedBytesWorthACopy = 64

    /// `array`, in storage of its count when at least `unusedBytesWorthACopy` bytes of its
    /// room are unused; as it is otherwise. (A rule of an eighth of the count and at least
    /// four places left the small arrays of most documents, mentions of some 100 bytes
    /// each, with up to three places unused.)
    static func fitted<Element>(_ array: [Element]) -> [Element] {
        let count = array.count
        guard (array.capacity - count) * MemoryLayout<Element>.stride >= unusedBytesWorthACopy else { return array }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = array.withUnsafeBufferPointer { source in
                guard let from = source.baseAddress, let to = buffer.baseAddress else { return 0 }
                to.initialize(from: from, count: count)
                return count
            }
        }
    }
}
