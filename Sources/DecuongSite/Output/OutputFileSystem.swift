import Foundation

/// The file operations `DirectorySink` writes a site with. The disk is the only real
/// implementation; tests put failures in (a full disk after a few files, a read-only
/// parent folder, a rename that fails), which a test running as root cannot provoke with
/// permissions and which needs no privileged tiny file system.
public struct OutputFileSystem: Sendable {
    /// Creates a folder, with its missing parents when `intermediate` is set.
    public var createFolder: @Sendable (_ url: URL, _ intermediate: Bool) throws -> Void
    /// Writes a whole file; called from several threads at once.
    public var writeFile: @Sendable (_ bytes: [UInt8], _ url: URL) throws -> Void
    /// Renames a file or folder; the target must not exist.
    public var rename: @Sendable (_ from: URL, _ to: URL) throws -> Void
    /// Swaps two existing paths in one atomic step; false when the system cannot (then the
    /// sink renames twice, and recovers from a crash between the two at the next build).
    public var exchange: @Sendable (_ first: URL, _ second: URL) throws -> Bool
    /// Puts the file at `existing` (in the site being replaced) at `target` when it holds
    /// exactly these bytes, and says whether it did; throws when `target`'s folder is missing
    /// (the sink makes it and asks again). The disk's also throws when no file can be linked
    /// there at all, and the sink then writes every later file without asking.
    public var reuseFile: @Sendable (_ bytes: [UInt8], _ existing: URL, _ target: URL) throws -> Bool

    public init(createFolder: @escaping @Sendable (URL, Bool) throws -> Void,
                writeFile: @escaping @Sendable ([UInt8], URL) throws -> Void,
                rename: @escaping @Sendable (URL, URL) throws -> Void,
                exchange: @escaping @Sendable (URL, URL) throws -> Bool,
                reuseFile: @escaping @Sendable ([UInt8], URL, URL) throws -> Bool = { _, _, _ in false }) {
        self.createFolder = createFolder
        self.writeFile = writeFile
        self.rename = rename
        self.exchange = exchange
        self.reuseFile = reuseFile
    }

    public static let disk = OutputFileSystem(
        createFolder: { url, intermediate in try FileWriter.makeFolder(url.path, intermediate: intermediate) },
        writeFile: { bytes, url in try FileWriter.write(bytes, to: url.path) },
        rename: { from, to in try FileManager.default.moveItem(at: from, to: to) },
        exchange: { first, second in try RenameExchange.swap(first, second) },
        reuseFile: { bytes, existing, target in try FileWriter.reuse(bytes, existing: existing.path, at: target.path) })
}
