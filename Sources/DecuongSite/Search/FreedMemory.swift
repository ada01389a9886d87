#if canImport(Glibc)
import Glibc
#endif

/// Gives the pages of memory freed so far back to the system, when the allocator is
/// jemalloc (which the `decuong` executable links on Linux): jemalloc keeps freed pages in
/// the arena of the thread that freed them for ten seconds, and the search index frees
/// what its worker threads made (their runs) just before the main thread needs as much
/// again (the joined lists, the record shards), so the process's peak counted both.
/// Elsewhere it does nothing.
enum FreedMemory {
    private typealias Control = @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                                UnsafeMutableRawPointer?, Int) -> Int32

    /// jemalloc's `mallctl`, looked up once.
    private static let control: Control? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl") else { return nil }
        return unsafeBitCast(symbol, to: Control.self)
        #else
        return nil
        #endif
    }()

    /// Purges every arena's unused dirty pages (`arena.<MALLCTL_ARENAS_ALL>.purge`).
    static func release() {
        _ = control?("arena.4096.purge", nil, nil, nil, 0)
    }
}
