import DecuongCore
import Foundation

/// Writes a rendered site into a folder, atomically: everything goes into a new folder beside
/// the output (`.site.new-<pid>-<id>`), which then takes the output's place in one
/// `renameat2(RENAME_EXCHANGE)`. A build that fails, runs out of disk or is killed at any
/// instant therefore leaves the previous site as it was.
///
/// What it deletes: only folders it made itself. The output is replaced only when it
/// carries `markerFile` (or is empty). Leftovers of a killed build are folders beside the
/// output named `.<output>.new-<pid>-<id>` or `.<output>.old-<pid>-<id>` whose process is
/// gone; they are removed at the next build when they hold the marker (or are empty), and
/// anything else with such a name is left alone.
public struct DirectorySink: Sendable {
    public var output: URL
    /// How to name the output folder in messages (`site`).
    public var displayPath: String
    /// The file operations; tests inject failures.
    public var fileSystem: OutputFileSystem

    public static let markerFile = ".decuong-site"
    static let markerText = "This folder is written by `decuong build`; the next build replaces it entirely.\n"

    public init(output: URL, displayPath: String? = nil, fileSystem: OutputFileSystem = .disk) {
        self.output = output.standardizedFileURL
        self.displayPath = displayPath ?? output.path
        self.fileSystem = fileSystem
    }

    @discardableResult
    public func write(_ site: RenderedSite) throws(DiagnosticError) -> Written {
        let paths = site.paths
        return try write(paths: paths) { emit in
            for path in paths { if let bytes = site.files[path] { emit(path, bytes) } }
        }
    }

    /// Writes the files that `produce` hands to its `emit` function, from any thread and in
    /// any order, as they are made: a build then never holds the whole rendered site in
    /// memory. `paths` are all the files `produce` will emit (checked before anything is written);
    /// the new site takes the output's place only once `produce` has returned and every
    /// file was written.
    @discardableResult
    public func write(paths: [String],
                      produce: (_ emit: @escaping @Sendable (String, [UInt8]) -> Void) -> Void) throws(DiagnosticError) -> Written {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        do {
            try fileSystem.createFolder(parent, true)
        } catch {
            throw failure("cannot create the folder \(parent.path)", error)
        }
        if let unsafe = paths.first(where: { !Self.isSafe($0) }) { throw unsafePath(unsafe) }
        let leftovers = SinkLeftovers(parent: parent, outputName: output.lastPathComponent)
        recoverInterruptedBuild()
        let existing = try checkOutput()

        let id = String(UUID().uuidString.prefix(8)).lowercased()
        let staging = leftovers.url(.staging, id: id)
        do {
            try fileSystem.createFolder(staging, false)
        } catch {
            throw failure("cannot create a folder beside \(displayPath) (in \(parent.path)); decuong writes the new "
                              + "site there and then swaps it in", error)
        }
        let stagingPath = staging.path
        let fileSystem = self.fileSystem
        // A page the previous site already holds byte for byte is linked from it, not written
        // again: it keeps its file and times (a deployment that compares times sees it
        // unchanged), and a rebuild on disk writes only what changed.
        let previous = existing && Self.isOurs(output) ? PreviousSite(path: output.path) : nil
        do {
            try fileSystem.writeFile(Array(Self.markerText.utf8), staging.appendingPathComponent(Self.markerFile))
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure("cannot write the site", error)
        }
        let counts = SharedValue(Written())
        // The first failure stops further writes; the staging folder is then removed.
        let firstFailure = SharedValue<(path: String, error: any Error)?>(nil)
        // Paths not given in `paths` are checked as they come.
        let firstUnsafe = SharedValue<String?>(nil)
        produce { path, bytes in
            guard firstFailure.withLock({ $0 == nil }) else { return }
            guard Self.isSafe(path) else {
                firstUnsafe.withLock { if $0 == nil { $0 = path } }
                firstFailure.withLock { if $0 == nil { $0 = (path, UnsafePath()) } }
                return
            }
            do {
                let kept = try Self.writeFile(bytes, path, in: stagingPath, reusingFrom: previous, fileSystem)
                counts.withLock {
                    $0.files += 1
                    if kept { $0.kept += 1 }
                }
            } catch {
                firstFailure.withLock { if $0 == nil { $0 = (path, error) } }
            }
        }
        if let (path, error) = firstFailure.withLock({ $0 }) {
            try? fileManager.removeItem(at: staging)
            if let unsafe = firstUnsafe.withLock({ $0 }) { throw unsafePath(unsafe) }
            throw failure("cannot write \(displayPath)/\(path)", error)
        }
        do {
            try swapIn(staging, existing: existing, leftovers: leftovers, id: id)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure("cannot put the new site in place of \(displayPath)", error)
        }
        return counts.value
    }

    /// The files a write put in the site (the marker not counted), and how many of them the
    /// previous site already held byte for byte and were kept as they were.
    public struct Written: Sendable, Hashable {
        public var files = 0
        public var kept = 0
    }

    /// Writes one file of the staged site, or links it from the previous site (then true).
    /// Its folder is made when the first write (or link) into it fails, by whichever thread
    /// gets there first: made up front, the folders of a site of 10,000 documents were 10,000
    /// `mkdir` calls in a row on one core before any page was rendered. A failure after the
    /// folder is made is the file's own (a full disk, say).
    private static func writeFile(_ bytes: [UInt8], _ path: String, in staging: String, reusingFrom previous: PreviousSite?,
                                  _ fileSystem: OutputFileSystem) throws -> Bool {
        // `isDirectory` given: without it Foundation stats every path to find out.
        let url = URL(fileURLWithPath: staging + "/" + path, isDirectory: false)
        func makeFolder() throws -> Bool {
            guard let slash = path.lastIndex(of: "/") else { return false }
            try fileSystem.createFolder(URL(fileURLWithPath: staging + "/" + path[..<slash], isDirectory: true), true)
            return true
        }
        if let previous, previous.links.value {
            let old = URL(fileURLWithPath: previous.path + "/" + path, isDirectory: false)
            // Throws only when the staged file's folder is missing.
            func link() throws -> Bool {
                do {
                    return try fileSystem.reuseFile(bytes, old, url)
                } catch is FileWriter.LinksUnavailable {
                    previous.links.withLock { $0 = false }
                    return false
                }
            }
            do {
                if try link() { return true }
            } catch {
                if try makeFolder(), (try? link()) == true { return true }
            }
        }
        do {
            try fileSystem.writeFile(bytes, url)
        } catch {
            guard try makeFolder() else { throw error }
            try fileSystem.writeFile(bytes, url)
        }
        return false
    }

    /// The site a build replaces, whose files it links where they hold the bytes wanted;
    /// `links` turns false once its file system is found not to make such links.
    private struct PreviousSite: Sendable {
        let path: String
        let links = SharedValue(true)
    }

    /// Repairs what a build killed at any point left beside the output: puts back an old
    /// site renamed aside (only possible where exchange is not available), removes staging
    /// folders of builds that are gone. `SiteBuilder.build` calls it first, so that even a
    /// build that fails on its input leaves the previous site in place.
    public func recoverInterruptedBuild() {
        let leftovers = SinkLeftovers(parent: output.deletingLastPathComponent(), outputName: output.lastPathComponent)
        leftovers.restoreRetiredOutput()
        leftovers.removeStale()
    }

    /// Puts the staged site under the output's name. With an existing output the two are
    /// exchanged in one step and the old site, now under the staging name, is removed.
    /// Where exchange is not available the old site is first renamed aside; a crash between
    /// the two renames is repaired by `restoreRetiredOutput` at the next build.
    private func swapIn(_ staging: URL, existing: Bool, leftovers: SinkLeftovers, id: String) throws {
        guard existing else {
            try fileSystem.rename(staging, output)
            return
        }
        if try fileSystem.exchange(staging, output) {
            leftovers.remove(staging)
            return
        }
        let retired = leftovers.url(.retired, id: id)
        try fileSystem.rename(output, retired)
        do {
            try fileSystem.rename(staging, output)
        } catch {
            try? fileSystem.rename(retired, output)
            throw error
        }
        leftovers.remove(retired)
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
    /// Whether a path stays inside the site folder: no empty part (a leading, trailing or
    /// doubled `/`), no `.` or `..` part. Read as bytes, as the file system reads it: split
    /// by Characters, a `/` followed by a combining mark was no separator, so `../◌́x` passed.
    static func isSafe(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var partLength = 0
            var dots = 0
            for byte in bytes {
                if byte == 0x2F {
                    if partLength == 0 || partLength == dots && dots <= 2 { return false }
                    partLength = 0
                    dots = 0
                } else {
                    partLength += 1
                    if byte == 0x2E { dots += 1 }
                }
            }
            return !(partLength == 0 || partLength == dots && dots <= 2)
        }
    }

    /// `isSafe` as the `split` it replaces: the reference its test compares against.
    static func isSafeReference(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
            $0.isEmpty || $0 == "." || $0 == ".."
        }
    }

    private struct UnsafePath: Error {}

    private func unsafePath(_ path: String) -> DiagnosticError {
        DiagnosticError(.error("output.unsafe-path", "refusing to write the unsafe path `\(path)`", file: displayPath,
                               hint: "a page path must stay inside the site folder; report this as a bug"))
    }

    /// A write failure with the system's reason and what to do about it.
    private func failure(_ message: String, _ error: any Error) -> DiagnosticError {
        let code = SystemError.code(of: error)
        return DiagnosticError(.error("output.write-failed", "\(message): \(SystemError.describe(error))", file: displayPath,
                                      hint: "\(SystemError.writeHint(code: code)); the previous site is unchanged"))
    }
}
