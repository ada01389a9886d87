/// Arrays kept in the loaded site, copied into storage of their own size when growth by
/// appending left much room unused: an array doubles as it grows, so the mentions of a
/// document (appended one by one as the scan finds them) held up to twice their size for
/// as long as the site is loaded.
enum ArrayFitting {
    /// `array`, in storage of its count when at least an eighth of its room (and four
    /// places) is unused; as it is otherwise.
    static func fitted<Element>(_ array: [Element]) -> [Element] {
        let count = array.count
        guard array.capacity - count >= max(4, count / 8) else { return array }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = array.withUnsafeBufferPointer { source in
                guard let from = source.baseAddress, let to = buffer.baseAddress else { return 0 }
                to.initialize(from: from, count: count)
                return count
            }
        }
    }
}
