import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The operating system's reason behind a failed file operation, as a number and in words.
/// Foundation wraps the same `errno` in `POSIXError`, `CocoaError` or an `NSError` with an
/// underlying error, and its `localizedDescription` on Linux is often "The operation could
/// not be completed"; a user needs "no space left on device".
enum SystemError {
    /// The `errno` behind an error, when there is one.
    static func code(of error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error, let code = code(of: underlying) {
            return code
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
            case .fileWriteOutOfSpace: return ENOSPC
            case .fileWriteVolumeReadOnly: return EROFS
            case .fileReadNoSuchFile, .fileNoSuchFile: return ENOENT
            case .fileWriteFileExists: return EEXIST
            default: return nil
            }
        }
        return nil
    }

    /// "permission denied", "no space left on device": the reason, lowercase, for the middle
    /// of a sentence.
    static func describe(_ error: any Error) -> String {
        guard let code = code(of: error) else { return error.localizedDescription }
        return describe(code: code)
    }

    static func describe(code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// What the user can do about a failed write, by cause.
    static func writeHint(code: Int32?) -> String {
        switch code {
        case ENOSPC, EDQUOT: "the disk is full: free some space (or choose another --output) and build again"
        case EROFS: "the output folder is on a read-only disk: choose another --output"
        case EACCES, EPERM: "you may not write there: choose another --output or fix the folder's permissions"
        default: "check free disk space and the folder's permissions, then build again"
        }
    }
}
