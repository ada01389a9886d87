import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `renameat2(…, RENAME_EXCHANGE)`: Linux swaps two paths atomically, so a build killed at
/// any instant leaves either the old site or the new one under the output's name, never
/// neither. Glibc declares it only with `_GNU_SOURCE`, which Swift's Glibc module does not
/// set, so it is looked up at run time.
enum RenameExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    private static let function: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let exchangeFlag: UInt32 = 1 << 1

    /// Swaps `first` and `second`; false when this system or file system cannot.
    static func swap(_ first: URL, _ second: URL) throws -> Bool {
        guard let function else { return false }
        let result = first.withUnsafeFileSystemRepresentation { from in
            second.withUnsafeFileSystemRepresentation { to in
                function(AT_FDCWD, from, AT_FDCWD, to, exchangeFlag)
            }
        }
        guard result != 0 else { return true }
        let code = errno
        // Not supported here (old kernel, a file system without it): fall back.
        if code == ENOSYS || code == EINVAL || code == ENOTSUP { return false }
        throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}
