import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a new file with the system calls it needs and no more (open, write, close):
/// Foundation's `Data.write` adds checks and a copy per file, and a site has thousands.
enum FileWriter {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.error() }
        var failure: POSIXError?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Self.error()
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = Self.error() }
        if let failure { throw failure }
    }

    /// Links the file at `existing` at `target` when it holds exactly `bytes`, so that a
    /// page a rebuild makes again keeps its file, inode and times instead of being written
    /// anew; false when it does not hold them, is not a regular file (a symbolic link is
    /// not followed), or cannot be linked (another owner, a file system without hard links).
    /// The file linked is the one read, through its descriptor, not whatever the path names
    /// by then. Throws `ENOENT` when `target`'s folder does not exist yet, and
    /// `LinksUnavailable` when the file system (or the system) makes no such links, so that
    /// the caller stops reading files it cannot link.
    static func reuse(_ bytes: [UInt8], existing: String, at target: String) throws -> Bool {
        let descriptor = open(existing, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              holds(bytes, descriptor) else { return false }
        let source = "/proc/self/fd/\(descriptor)"
        if linkat(AT_FDCWD, source, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 { return true }
        var code = errno
        if code == ENOENT, let slash = target.lastIndex(of: "/") {
            // Told apart from a missing /proc: the target's folder is missing.
            guard isFolder(String(target[..<slash])) else { throw POSIXError(.ENOENT) }
            // Or it was, and another thread made it since: once more. Taken for a missing
            // /proc, this turned links off for the rest of the build, now and then.
            if linkat(AT_FDCWD, source, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 { return true }
            code = errno
        }
        // This file only (too many links to it, or another owner's file where the system
        // protects those): the next may link. Anything else holds for every file.
        if code == EMLINK || code == EEXIST || (code == EPERM && info.st_uid != geteuid()) { return false }
        throw LinksUnavailable(code: code)
    }

    /// The output's file system, or the system, cannot link a file read through its
    /// descriptor (no hard links, no `/proc`): files are written instead.
    struct LinksUnavailable: Error {
        let code: Int32
    }

    /// Whether the open file holds exactly `bytes` (its size already checked), read in
    /// blocks and compared as they come: a page that changed is mostly told at its first block.
    private static func holds(_ bytes: [UInt8], _ descriptor: Int32) -> Bool {
        let block = 1 << 16
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: block) { buffer -> Bool in
            bytes.withUnsafeBytes { expected -> Bool in
                var offset = 0
                while offset < expected.count {
                    let wanted = min(block, expected.count - offset)
                    let got = read(descriptor, buffer.baseAddress, wanted)
                    if got < 0, errno == EINTR { continue }
                    guard got > 0, let base = expected.baseAddress, let came = buffer.baseAddress,
                          memcmp(base + offset, came, got) == 0 else { return false }
                    offset += got
                }
                // Grown since `fstat`: not the bytes wanted.
                return read(descriptor, buffer.baseAddress, 1) == 0
            }
        }
    }

    /// `mkdir`, with missing parents when `intermediate` is set; an existing folder is fine
    /// with `intermediate`, as with Foundation's `createDirectory`. One system call for a
    /// folder whose parent exists, where Foundation makes several per folder.
    static func makeFolder(_ path: String, intermediate: Bool) throws {
        if mkdir(path, 0o777) == 0 { return }
        let code = errno
        if code == EEXIST, intermediate, isFolder(path) { return }
        guard code == ENOENT, intermediate, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        try makeFolder(String(path[..<slash]), intermediate: true)
        if mkdir(path, 0o777) == 0 || (errno == EEXIST && isFolder(path)) { return }
        throw Self.error()
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func error() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
