#if canImport(Glibc)
import Glibc
#endif
import DecuongCore
import Foundation

/// Asks the system to read a load's files from the disk before the load reads them, a few
/// hundred files ahead, on a thread of its own. When the files are not in memory (the first
/// build after a restart, or after the system let them go), every read waited for the disk
/// while its core idled: a 10,000-document build took 1.5–3.5 s longer than the same build
/// with the files in memory. Advice starts the reading and returns, so the disk reads many
/// files at once while both cores recognize; files already in memory cost a few system calls.
final class ReadAhead: Sendable {
    /// Files advised at a time; one permit a batch.
    static let batch = 64
    /// Batches the advice may run ahead of the files read: 512 files, about 8 MB of text,
    /// so that a large site's advice does not push out files read just before.
    static let window = 8

    /// Made with no permits and given `window` of them: libdispatch traps when a semaphore
    /// goes away holding fewer than it was made with (a load stopped before its last batch).
    private let permits = DispatchSemaphore(value: 0)
    private let stopped = SharedValue(false)
    private let finished = DispatchGroup()

    /// Starts advising the files at `paths` (nil: nothing to read) in order; `advise` is
    /// `ProjectFileAccess.willRead`. A load of one batch or less needs none.
    init(_ paths: [String?], advise: @escaping @Sendable (String) -> Void) {
        guard paths.count > Self.batch else { return }
        for _ in 0..<Self.window { permits.signal() }
        finished.enter()
        // A thread, not a dispatch queue: waiting for permits, it would hold one of the
        // workers that the load's `concurrentPerform` runs on.
        let thread = Thread { [self] in
            defer { finished.leave() }
            var start = 0
            while start < paths.count {
                permits.wait()
                for path in paths[start..<min(start + Self.batch, paths.count)] {
                    if stopped.value { return }
                    if let path { advise(path) }
                }
                start += Self.batch
            }
        }
        thread.start()
    }

    /// Called once the file at `index` of `paths` has been read: a batch read frees a permit.
    /// Files are taken in increasing order (`concurrentPerform`), so this keeps the advice
    /// about `window` batches ahead.
    func read(_ index: Int) {
        if index % Self.batch == Self.batch - 1 { permits.signal() }
    }

    /// Ends the advice (the load is done) and waits for the thread to stop.
    func stop() {
        stopped.withLock { $0 = true }
        permits.signal()
        finished.wait()
    }

    /// Without blocking, so that a named pipe put where a file was since the walk cannot stop
    /// the thread waiting for a writer (the load then reports it).
    static let openFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC

    /// Advises the system to read the whole file at `path` (opened with `openFlags`).
    static func advise(_ path: String) {
#if os(Linux)
        let descriptor = open(path, openFlags)
        guard descriptor >= 0 else { return }
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
        close(descriptor)
#endif
    }
}
