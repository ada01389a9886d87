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
