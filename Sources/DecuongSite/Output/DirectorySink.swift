import DecuongCore
import Foundation

/// Writes a rendered site into a folder, atomically: everything goes into a new folder beside
/// the output, which then takes the output's place by rename. A failed build therefore
/// leaves the previous site as it was. It only ever replaces a folder it made itself (marked
/// with `markerFile`) or an empty one, and deletes nothing outside those.
public struct DirectorySink: Sendable {
    public var output: URL
    /// How to name the output folder in messages (`site`).
    public var displayPath: String

    public static let markerFile = ".decuong-site"
    static let markerText = "This folder is written by `decuong build`; the next build replaces it entirely.\n"

    public init(output: URL, displayPath: String? = nil) {
        self.output = output.standardizedFileURL
        self.displayPath = displayPath ?? output.path
    }

    public func write(_ site: RenderedSite) throws(DiagnosticError) {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let existing = try checkOutput()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the folder \(parent.path): \(error.localizedDescription)")
        }
        let staging = parent.appendingPathComponent(".\(name).new-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        // Leftovers of a crashed build carry our names and marker; clear them first.
        for leftover in [staging, retired] where Self.isOurs(leftover) { try? fileManager.removeItem(at: leftover) }
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerFile))
            for path in site.paths {
                guard Self.isSafe(path), let bytes = site.files[path] else {
                    throw failure("refusing to write the unsafe path `\(path)`")
                }
                let url = staging.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
        } catch let error as DiagnosticError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure("cannot write the site: \(error.localizedDescription)")
        }
        do {
            if existing {
                try fileManager.moveItem(at: output, to: retired)
            }
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                if existing { try? fileManager.moveItem(at: retired, to: output) }
                throw error
            }
            if existing { try? fileManager.removeItem(at: retired) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure("cannot replace \(displayPath): \(error.localizedDescription)")
        }
    }

    /// Whether the output folder exists; throws when it is something we may not replace.
    private func checkOutput() throws(DiagnosticError) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return false }
        guard isDirectory.boolValue else {
            throw DiagnosticError(.error("output.not-a-folder", "\(displayPath) exists and is not a folder", file: displayPath,
                                         hint: "choose another --output, or remove the file"))
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        guard contents.isEmpty || Self.isOurs(output) else {
            throw DiagnosticError(.error(
                "output.foreign-folder",
                "\(displayPath) is not empty and was not made by decuong build; refusing to replace it",
                file: displayPath,
                hint: "choose an empty or new folder with --output, or move the files in \(displayPath) elsewhere"))
        }
        return true
    }

    static func isOurs(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(markerFile).path)
    }

    /// Relative, no `..`, no empty or hidden components: a file inside the output folder.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
            $0.isEmpty || $0 == "." || $0 == ".."
        }
    }

    private func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error("output.write-failed", message, file: displayPath,
                               hint: "check free disk space and the folder's permissions; the previous site is unchanged"))
    }
}
