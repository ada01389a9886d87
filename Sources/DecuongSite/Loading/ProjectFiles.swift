import DecuongCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The rules for reading the project's own files (`content/`, `templates/`, `site.yml`),
/// shared by every loader so that a build and the preview refuse the same things:
///
/// - A symbolic link is followed when what it points to is inside the project folder (a
///   shared outline linked into two plan folders, say). A link that leads out of the project
///   is refused with an error: a project handed around as a zip could otherwise publish
///   `/etc/passwd` or a private file of whoever builds it. A link that leads nowhere is an
///   error too, not a silent gap in the site.
/// - Only regular files are read. A named pipe called `x.md` would block the build forever,
///   a device would stream without end.
/// - Every failure is a `Diagnostic` naming the file and the operating system's reason.
struct ProjectFiles: Sendable {
    let access: ProjectFileAccess
    /// Real paths (links resolved) that the project's files may resolve into.
    let allowedRoots: [String]

    /// `root` is the project folder; `alsoAllowing` are folders that count as inside it
    /// even when they are links to elsewhere (`content/` itself may be a link).
    init(root: URL, alsoAllowing: [URL] = [], access: ProjectFileAccess) {
        self.access = access
        let roots = ([root] + alsoAllowing).map { Self.realPath($0) ?? $0.standardizedFileURL.path }
        allowedRoots = Array(Set(roots)).sorted()
    }

    enum Kind: Sendable, Equatable {
        case file, folder
        /// A named pipe, a socket, a device: in words, for the message.
        case other(String)
    }

    /// What a path is, once links are followed.
    struct Found: Sendable {
        var kind: Kind
        var realPath: String
        /// Whether the path itself is a symbolic link.
        var isLink: Bool
    }

    /// What `url` is and where it really lies, or why it cannot be used. The returned
    /// `Found` may lie outside the project: `isInside` decides.
    func locate(_ url: URL, display: String) -> Result<Found, DiagnosticError> {
        locate(url, display: display, inRealFolder: nil)
    }

    /// `locate` for an entry of a folder whose real path is known: an entry that is not a
    /// link then lies at that path plus its name, and one `lstat` says what it is, where
    /// resolving its path again would cost a `readlink` per folder above it.
    func locate(_ url: URL, display: String, inRealFolder folder: String?) -> Result<Found, DiagnosticError> {
        if let folder {
            var info = stat()
            let listed = url.withUnsafeFileSystemRepresentation { path in path.map { lstat($0, &info) } ?? -1 }
            if listed == 0, info.st_mode & mode_t(S_IFMT) != mode_t(S_IFLNK) {
                let real = (folder.hasSuffix("/") ? folder : folder + "/") + url.lastPathComponent
                return .success(Found(kind: Self.kind(info.st_mode), realPath: real, isLink: false))
            }
        }
        let isLink = Self.isSymbolicLink(url)
        guard let real = Self.realPath(url) else {
            let code = errno
            if isLink {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"
                if code == ELOOP {
                    return .failure(DiagnosticError(.error("file.link-loop", "\(display) is a symbolic link in a loop (via `\(target)`)",
                                           file: display, hint: "remove the link, or make it point at a real file")))
                }
                return .failure(DiagnosticError(.error("file.broken-link", "\(display) is a symbolic link to `\(target)`, which does not exist",
                                       file: display, hint: "remove the link, or restore the file it points to")))
            }
            return .failure(DiagnosticError(Self.unreadable(display, reason: SystemError.describe(code: code))))
        }
        guard let mode = Self.fileMode(real) else {
            return .failure(DiagnosticError(Self.unreadable(display, reason: SystemError.describe(code: errno))))
        }
        return .success(Found(kind: Self.kind(mode), realPath: real, isLink: isLink))
    }

    private static func kind(_ mode: mode_t) -> Kind {
        switch mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG): .file
        case mode_t(S_IFDIR): .folder
        case mode_t(S_IFIFO): .other("a named pipe")
        case mode_t(S_IFSOCK): .other("a socket")
        case mode_t(S_IFCHR), mode_t(S_IFBLK): .other("a device")
        default: .other("not a regular file")
        }
    }

    /// Whether a real path lies inside the project.
    func isInside(_ realPath: String) -> Bool {
        allowedRoots.contains { root in
            root == "/" || realPath == root || realPath.hasPrefix(root + "/")
        }
    }

    /// The refusal of a link that leads out of the project.
    static func outside(_ display: String, realPath: String) -> Diagnostic {
        .error("file.link-outside",
               "\(display) is a symbolic link to \(realPath), outside the project folder; decuong does not follow it",
               file: display,
               hint: "copy the file into the project instead of linking to it (links are followed only inside the project)")
    }

    static func notAFile(_ display: String, _ what: String) -> Diagnostic {
        .error("file.not-a-file", "\(display) is \(what), not a regular file", file: display,
               hint: "decuong reads only regular files: replace it with a file, or rename it so it does not end in .md")
    }

    static func unreadable(_ display: String, reason: String) -> Diagnostic {
        .error("file.unreadable", "cannot read \(display): \(reason)", file: display,
               hint: "check that the file exists and that you may read it (chmod u+r)")
    }

    /// The bytes of a file that `locate` accepted (or of any path, for callers that have
    /// already checked it); a failure names the file and the reason.
    func readChecked(_ url: URL, display: String) -> Result<[UInt8], DiagnosticError> {
        do {
            return .success([UInt8](try access.readFile(url)))
        } catch {
            return .failure(DiagnosticError(Self.unreadable(display, reason: SystemError.describe(error))))
        }
    }

    /// `locate`, the project rules, then the bytes.
    func read(_ url: URL, display: String) -> Result<[UInt8], DiagnosticError> {
        switch locate(url, display: display) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let found):
            guard isInside(found.realPath) else { return .failure(DiagnosticError(Self.outside(display, realPath: found.realPath))) }
            switch found.kind {
            case .file: return readChecked(url, display: display)
            case .folder: return .failure(DiagnosticError(Self.notAFile(display, "a folder")))
            case .other(let what): return .failure(DiagnosticError(Self.notAFile(display, what)))
            }
        }
    }

    /// The names in a folder; a failure names the folder and the reason.
    func list(_ url: URL, display: String) -> Result<[String], DiagnosticError> {
        do {
            return .success(try access.listFolder(url))
        } catch {
            return .failure(DiagnosticError(.error("folder.unreadable", "cannot list the folder \(display): \(SystemError.describe(error)); "
                                       + "nothing in it is in the site", file: display,
                                   hint: "check that you may read the folder (chmod u+rx)")))
        }
    }

    // MARK: System calls

    static func realPath(_ url: URL) -> String? {
        url.withUnsafeFileSystemRepresentation { path -> String? in
            guard let path, let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }

    static func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        let result = url.withUnsafeFileSystemRepresentation { path in path.map { lstat($0, &info) } ?? -1 }
        return result == 0 && info.st_mode & mode_t(S_IFMT) == mode_t(S_IFLNK)
    }

    static func fileMode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode
    }
}
