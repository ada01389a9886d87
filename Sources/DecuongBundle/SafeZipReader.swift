import DecuongCore
import Foundation
import ZIPFoundation

/// Reads a zip entirely in memory, refusing what could hurt the machine that opens it:
/// paths that leave the folder (`..`, absolute, `\`, drive letters: "zip slip"), symbolic
/// links, duplicate names, and zip bombs (too many entries, too large, or compressed too
/// well). Nothing is ever written to disk, so no path in the archive can be misused.
public struct SafeZipReader: Sendable {
    public var limits: BundleLimits
    /// How to name the archive in messages.
    public var displayName: String

    public init(limits: BundleLimits = .standard, displayName: String) {
        self.limits = limits
        self.displayName = displayName
    }

    /// The files of the archive by path; directories are skipped.
    public func read(_ bytes: [UInt8]) throws(DiagnosticError) -> [String: [UInt8]] {
        guard bytes.count <= limits.maxArchiveBytes else {
            throw failure("bundle.too-large", "the file is \(bytes.count) bytes, more than the \(limits.maxArchiveBytes) a bundle may have",
                          hint: "this is not a decuong bundle, or it is damaged")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw failure("bundle.not-zip", "this is not a zip archive (or it is damaged): \(error)",
                          hint: "check that the whole file was copied; download or copy it again")
        }
        var entries: [Entry] = []
        var seen = Set<String>()
        var declaredTotal: UInt64 = 0
        for entry in archive {
            entries.append(entry)
            guard entries.count <= limits.maxEntries else {
                throw failure("bundle.too-many-entries", "the archive has more than \(limits.maxEntries) entries",
                              hint: "a decuong bundle never has that many files; this archive may be a zip bomb")
            }
            let path = entry.path
            if let problem = Self.pathProblem(path, isDirectory: entry.type == .directory) {
                throw failure("bundle.unsafe-path", "unsafe path `\(Self.printable(path))` in the archive: \(problem)",
                              hint: "a decuong bundle only holds relative paths inside it; do not unpack this archive")
            }
            guard entry.type != .symlink else {
                throw failure("bundle.symlink", "`\(Self.printable(path))` is a symbolic link",
                              hint: "a decuong bundle holds only plain files; a link could point anywhere on the disk")
            }
            guard entry.type == .file else { continue }
            guard seen.insert(path).inserted else {
                throw failure("bundle.duplicate", "`\(path)` is in the archive twice",
                              hint: "a tool could unpack either copy; do not trust this archive")
            }
            let size = entry.uncompressedSize
            guard size <= limits.maxEntryBytes else {
                throw failure("bundle.entry-too-large", "`\(path)` unpacks to \(size) bytes, more than the limit of \(limits.maxEntryBytes)",
                              hint: "a decuong bundle has no file that large; this archive may be a zip bomb")
            }
            if size > limits.ratioFloor, size / max(entry.compressedSize, 1) > limits.maxRatio {
                throw failure("bundle.zip-bomb", "`\(path)` is compressed \(size / max(entry.compressedSize, 1)) to 1, more than \(limits.maxRatio) to 1",
                              hint: "this looks like a zip bomb; do not unpack it")
            }
            declaredTotal += size
            guard declaredTotal <= limits.maxTotalBytes else {
                throw failure("bundle.total-too-large", "the archive unpacks to more than \(limits.maxTotalBytes) bytes",
                              hint: "a decuong bundle is far smaller; this archive may be a zip bomb")
            }
        }
        var files: [String: [UInt8]] = [:]
        for entry in entries where entry.type == .file {
            files[entry.path] = try extract(entry, from: archive)
        }
        return files
    }

    /// Decompresses one entry, stopping as soon as it gives more than it declared: the sizes
    /// in the directory could lie.
    private func extract(_ entry: Entry, from archive: Archive) throws(DiagnosticError) -> [UInt8] {
        let declared = entry.uncompressedSize
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(declared, 1 << 24)))
        var overflow = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard UInt64(out.count + chunk.count) <= declared else {
                    overflow = true
                    throw CocoaError(.fileReadTooLarge)
                }
                out.append(contentsOf: chunk)
            }
        } catch {
            if overflow {
                throw failure("bundle.size-mismatch", "`\(entry.path)` unpacks to more bytes than the archive says",
                              hint: "the archive is damaged or hostile; do not unpack it")
            }
            throw failure("bundle.corrupt-entry", "`\(entry.path)` cannot be read: \(error)",
                          hint: "the archive is damaged; copy it again from the original")
        }
        guard UInt64(out.count) == declared else {
            throw failure("bundle.size-mismatch", "`\(entry.path)` unpacks to \(out.count) bytes, the archive says \(declared)",
                          hint: "the archive is damaged; copy it again from the original")
        }
        return out
    }

    /// Why a path may not be unpacked, or nil when it is a plain relative path.
    static func pathProblem(_ path: String, isDirectory: Bool) -> String? {
        if path.isEmpty { return "it is empty" }
        if path.contains("\\") { return "it contains a backslash, which Windows reads as a folder separator" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "it contains control characters" }
        if path.hasPrefix("/") { return "it is an absolute path" }
        let scalars = Array(path.unicodeScalars)
        if scalars.count >= 2, scalars[1] == ":", scalars[0].properties.isAlphabetic { return "it starts with a drive letter" }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if isDirectory, segments.last == "" { segments.removeLast() }
        if segments.contains("..") { return "it climbs out of the folder with `..` (zip slip)" }
        if segments.contains(".") || segments.contains("") { return "it has an empty or `.` path segment" }
        return nil
    }

    static func printable(_ path: String) -> String {
        String(String.UnicodeScalarView(path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }

    private func failure(_ code: String, _ message: String, hint: String) -> DiagnosticError {
        DiagnosticError(.error(code, message, file: displayName, hint: hint))
    }
}
