import Foundation
import Glibc
import Synchronization

/// Watches `content/` and `templates/` (with `content/site.yml`) through inotify and reports
/// changed paths, relative to the project folder, in batches: after the first event it waits
/// until no event came for `quiet` (at most `longest`), so an editor's save (write a temporary
/// file, rename it over the old one) or a `git checkout` is one rebuild, not many.
///
/// inotify watches one folder at a time, so every folder below is watched, and folders that
/// appear later are added as they appear (with the files already in them reported, since they
/// may have been written before the watch existed). The project folder itself is watched for
/// `content` and `templates` being created, renamed or removed.
public final class FileWatcher: Sendable {
    public let root: URL
    private let quiet: Duration
    private let longest: Duration
    private let watched = ["content", "templates"]
    private let state = Mutex(State())

    private struct State {
        var inotify: Int32 = -1
        /// Written to wake the thread up when stopping.
        var wake: Int32 = -1
        var wakeWriter: Int32 = -1
        /// Whether the thread is running; `stop` waits until it is not.
        var threadRunning = false
        var stopped = false
        /// Watch descriptor → folder relative to the root ("" for the root itself).
        var folders: [Int32: String] = [:]
        var warnings: [String] = []
    }

    public init(root: URL, quiet: Duration = .milliseconds(15), longest: Duration = .milliseconds(200)) {
        self.root = root.standardizedFileURL
        self.quiet = quiet
        self.longest = longest
    }

    /// Starts watching; `changes` is called on the watcher's own thread with each batch.
    public func start(changes: @escaping @Sendable ([String]) -> Void) throws {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw WatchError("inotify_init1 failed: \(String(cString: strerror(errno)))") }
        // A pipe wakes the thread's poll() up when stopping.
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            close(fd)
            throw WatchError("pipe failed: \(String(cString: strerror(errno)))")
        }
        let wake = ends[0]
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        state.withLock {
            $0.inotify = fd
            $0.wake = wake
            $0.wakeWriter = ends[1]
        }
        addWatch("")
        for folder in watched { addTree(folder) }
        state.withLock { $0.threadRunning = true }
        let thread = Thread { [self] in
            run(fd: fd, wake: wake, changes: changes)
            state.withLock { $0.threadRunning = false }
        }
        thread.name = "decuong-watcher"
        thread.start()
    }

    /// Problems met while adding watches (e.g. the system's watch limit).
    public var warnings: [String] { state.withLock { $0.warnings } }

    /// Stops the thread and closes the descriptors; no callback runs after this returns.
    public func stop() {
        let writer = state.withLock { state -> Int32 in
            state.stopped = true
            return state.wakeWriter
        }
        guard writer >= 0 else { return }
        var one: UInt8 = 1
        _ = write(writer, &one, 1)
        while state.withLock({ $0.threadRunning }) { usleep(1_000) }
        state.withLock { state in
            if state.inotify >= 0 { close(state.inotify) }
            if state.wake >= 0 { close(state.wake) }
            if state.wakeWriter >= 0 { close(state.wakeWriter) }
            state.inotify = -1
            state.wake = -1
            state.wakeWriter = -1
        }
    }

    deinit { stop() }

    // MARK: The thread

    private func run(fd: Int32, wake: Int32, changes: @Sendable ([String]) -> Void) {
        var pending: [String] = []
        var seen: Set<String> = []
        var firstAt: ContinuousClock.Instant?
        let clock = ContinuousClock()
        while !state.withLock({ $0.stopped }) {
            var timeout: Int32 = -1
            if let firstAt {
                let left = min(quiet, longest - (clock.now - firstAt))
                timeout = Int32(max(0, left.milliseconds))
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[1].revents != 0 { break }
            if fds[0].revents != 0 {
                for path in readEvents(fd: fd) where seen.insert(path).inserted {
                    pending.append(path)
                }
                if !pending.isEmpty, firstAt == nil { firstAt = clock.now }
                continue
            }
            // Quiet for long enough (or waited the longest): hand the batch over.
            if !pending.isEmpty {
                changes(pending)
                pending = []
                seen = []
            }
            firstAt = nil
        }
    }

    private static let fileMask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MOVED_TO)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ATTRIB)
    private static let rootMask = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM)

    /// Reads what is available and returns the paths it names, adding watches for new folders.
    private func readEvents(fd: Int32) -> [String] {
        var out: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += header + length
                out += handle(descriptor: descriptor, mask: mask, name: name)
            }
        }
        return out
    }

    private func handle(descriptor: Int32, mask: UInt32, name: String) -> [String] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: say that everything may have changed.
            return watched
        }
        guard let folder = state.withLock({ $0.folders[descriptor] }) else { return [] }
        if mask & UInt32(IN_IGNORED) != 0 {
            _ = state.withLock { $0.folders.removeValue(forKey: descriptor) }
            return []
        }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
            return folder.isEmpty ? [] : [folder]
        }
        guard !name.isEmpty, Self.isInteresting(name) else { return [] }
        if folder.isEmpty {
            // The project folder: only `content` and `templates` matter.
            guard watched.contains(name) else { return [] }
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 { return [name] + addTree(name) }
            return [name]
        }
        let path = "\(folder)/\(name)"
        if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
            return [path] + addTree(path)
        }
        return [path]
    }

    /// Editors' swap and backup files are not content; hidden files are skipped by the build.
    static func isInteresting(_ name: String) -> Bool {
        !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913")
    }

    /// Watches a folder and every folder below it; returns the files found in them.
    @discardableResult
    private func addTree(_ relative: String) -> [String] {
        let url = root.appendingPathComponent(relative, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        addWatch(relative)
        var found: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names.sorted() where Self.isInteresting(name) {
            let child = "\(relative)/\(name)"
            var childIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(child).path,
                                                 isDirectory: &childIsDirectory) else { continue }
            if childIsDirectory.boolValue {
                found += addTree(child)
            } else {
                found.append(child)
            }
        }
        return found
    }

    private func addWatch(_ relative: String) {
        let path = relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
        let mask = relative.isEmpty ? Self.rootMask | UInt32(IN_ONLYDIR) : Self.fileMask | UInt32(IN_ONLYDIR)
        state.withLock { state in
            guard state.inotify >= 0 else { return }
            let descriptor = inotify_add_watch(state.inotify, path, mask)
            if descriptor >= 0 {
                state.folders[descriptor] = relative
            } else {
                let reason = String(cString: strerror(errno))
                state.warnings.append("cannot watch \(relative.isEmpty ? "." : relative): \(reason)"
                    + (errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : ""))
            }
        }
    }
}

/// A watcher that could not start.
public struct WatchError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a short wait is never zero.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
