#if canImport(Glibc)
import Glibc
#endif

/// jemalloc's controls, when it is the process's allocator (the `decuong` executable and
/// `decuong-bench` link it on Linux); elsewhere, and in processes with another allocator,
/// purging does nothing and there are no statistics.
public enum Jemalloc {
    private typealias Control = @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                                UnsafeMutableRawPointer?, Int) -> Int32

    /// `mallctl`, looked up once.
    private static let control: Control? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl") else { return nil }
        return unsafeBitCast(symbol, to: Control.self)
        #else
        return nil
        #endif
    }()

    /// Gives every arena's unused dirty pages back to the system
    /// (`arena.<MALLCTL_ARENAS_ALL>.purge`). jemalloc keeps freed pages for ten seconds, in
    /// the arena of the thread that freed them: where one stage frees much just before
    /// another needs as much, the process's peak counts both.
    public static func purge() {
        _ = control?("arena.4096.purge", nil, nil, nil, 0)
    }

    /// Bytes the program holds, in pages holding them, and resident in all.
    public struct Statistics: Sendable, Hashable {
        public var allocated: Int
        public var active: Int
        public var resident: Int
    }

    /// jemalloc's counters now; nil when jemalloc is not the allocator.
    public static func statistics() -> Statistics? {
        guard let control else { return nil }
        // Writing `epoch` makes jemalloc refresh the counters it reports.
        var epoch: UInt64 = 1
        var refreshed: UInt64 = 0
        var epochSize = MemoryLayout<UInt64>.size
        _ = control("epoch", &refreshed, &epochSize, &epoch, epochSize)
        func read(_ name: String) -> Int? {
            var value = 0
            var size = MemoryLayout<Int>.size
            return control(name, &value, &size, nil, 0) == 0 ? value : nil
        }
        guard let allocated = read("stats.allocated"), let active = read("stats.active"),
              let resident = read("stats.resident") else { return nil }
        return Statistics(allocated: allocated, active: active, resident: resident)
    }
}
