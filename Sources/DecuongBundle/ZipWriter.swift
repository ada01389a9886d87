import DecuongCore
import Foundation
import ZIPFoundation

/// Writes a zip in memory so that the same files always give the same bytes: entries in
/// byte order of their paths, one fixed timestamp, fixed permissions, deflate at zlib's
/// default level. (`FileManager.zipItem` stores the files' own dates and walks the folder
/// in whatever order the file system returns, so two runs differ.)
public struct ZipWriter: Sendable {
    /// 1980-01-01 00:00:00 UTC, the first moment a zip (MS-DOS) timestamp can hold.
    /// ZIPFoundation converts with `gmtime`, so the bytes do not depend on the time zone.
    public static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    public init() {}

    public func archive(_ files: [String: [UInt8]]) throws(DiagnosticError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for path in files.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                let bytes = Data(files[path] ?? [])
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: Self.fixedDate, permissions: 0o644,
                                     compressionMethod: bytes.isEmpty ? .none : .deflate) { position, size in
                    let start = Int(position)
                    return bytes.subdata(in: start..<min(bytes.count, start + size))
                }
            }
            guard let data = archive.data else {
                throw DiagnosticError(.error("bundle.zip", "the zip archive could not be finished in memory"))
            }
            return [UInt8](data)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(.error("bundle.zip", "cannot write the zip archive: \(error)",
                                         hint: "this is a bug in decuong; please report it with the content that caused it"))
        }
    }
}
