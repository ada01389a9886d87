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

    private static func error() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
