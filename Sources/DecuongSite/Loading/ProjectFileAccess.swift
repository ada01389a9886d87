import Foundation

/// How the loaders read the project's files and folders. The disk is the only real
/// implementation; tests put failures in (a file that cannot be read, a folder that cannot be
/// listed), because the test suite runs as root, where permissions do not stop a read.
public struct ProjectFileAccess: Sendable {
    /// The bytes of a regular file.
    public var readFile: @Sendable (URL) throws -> Data
    /// The names in a folder, unsorted, hidden ones included.
    public var listFolder: @Sendable (URL) throws -> [String]
    /// Tells the system that the file at this path will be read soon, so that it can start
    /// reading it from the disk; never blocks on the reading, may do nothing (see `ReadAhead`).
    public var willRead: @Sendable (_ path: String) -> Void

    public init(readFile: @escaping @Sendable (URL) throws -> Data,
                listFolder: @escaping @Sendable (URL) throws -> [String],
                willRead: @escaping @Sendable (_ path: String) -> Void = { _ in }) {
        self.readFile = readFile
        self.listFolder = listFolder
        self.willRead = willRead
    }

    public static let disk = ProjectFileAccess(
        readFile: { try Data(contentsOf: $0) },
        listFolder: { try FileManager.default.contentsOfDirectory(atPath: $0.path) },
        willRead: { ReadAhead.advise($0) })
}
