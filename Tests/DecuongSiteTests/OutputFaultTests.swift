import DecuongCore
@testable import DecuongSite
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Writing `site/` when the disk says no: a full disk, a read-only folder, a failed swap, a
/// build killed half way. The build fails with a diagnostic and the previous site survives
/// byte for byte. Failures are injected (`OutputFileSystem`): the suite runs as root, which
/// permissions do not stop, and a tiny file system needs privileges to mount.
@Suite struct OutputFaultTests {
    /// A project built once, with the bytes of its site.
    struct Built {
        let project: FixtureProject
        let output: URL
        let before: [String: Data]

        init() throws {
            project = try FixtureProject(Fixtures.project())
            output = project.root.appendingPathComponent("site")
            let first = SiteBuilder(root: project.root).build(output: output)
            #expect(first.wrote)
            before = try Self.snapshot(output)
            // Change the input, so that a successful build would change the site.
            try Data("title: Trang mới\n".utf8).write(to: project.root.appendingPathComponent("content/site.yml"))
        }

        static func snapshot(_ folder: URL) throws -> [String: Data] {
            var out: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            while let path = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let url = folder.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    continue
                }
                out[path] = try Data(contentsOf: url)
            }
            return out
        }

        /// The site is what it was before, and no staging folder is left beside it.
        func expectUnchanged(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            #expect(try Self.snapshot(output) == before, "the previous site changed", sourceLocation: sourceLocation)
            let beside = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site.") }
            #expect(beside.isEmpty, "left behind: \(beside)", sourceLocation: sourceLocation)
        }

        func build(_ fileSystem: OutputFileSystem) -> BuildReport {
            SiteBuilder(root: project.root).build(output: output, outputDisplayPath: "site", fileSystem: fileSystem)
        }
    }

    @Test func fullDiskFailsCleanlyAndKeepsTheOldSite() throws {
        let built = try Built()
        defer { built.project.remove() }
        let written = Mutex(0)
        var disk = OutputFileSystem.disk
        disk.writeFile = { data, url in
            // A disk that fills up after a few files, as ENOSPC comes from write(2).
            let count = written.withLock { count -> Int in
                count += 1
                return count
            }
            guard count <= 4 else { throw POSIXError(.ENOSPC) }
            try Data(data).write(to: url)
        }
        let report = built.build(disk)
        #expect(report.failed && !report.wrote)
        let error = try #require(report.diagnostics.first { $0.code == "output.write-failed" })
        #expect(error.file == "site")
        #expect(error.message.contains("no space left on device"), "\(error.message)")
        #expect(error.hint?.contains("disk is full") == true)
        #expect(error.hint?.contains("previous site is unchanged") == true)
        try built.expectUnchanged()
    }

    @Test func readOnlyParentFailsCleanly() throws {
        let built = try Built()
        defer { built.project.remove() }
        var disk = OutputFileSystem.disk
        disk.createFolder = { url, intermediate in
            // The folder that holds site/ is on a read-only mount: nothing new can go there.
            if url.lastPathComponent.hasPrefix(".site.") { throw POSIXError(.EROFS) }
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: intermediate)
        }
        let report = built.build(disk)
        #expect(report.failed && !report.wrote)
        let error = try #require(report.diagnostics.first { $0.code == "output.write-failed" })
        #expect(error.message.contains("read-only file system"), "\(error.message)")
        #expect(error.hint?.contains("read-only") == true)
        try built.expectUnchanged()
    }

    @Test(.enabled(if: getuid() != 0, "root writes into read-only folders; readOnlyParentFailsCleanly injects the failure"))
    func readOnlyParentFailsCleanlyWithRealPermissions() throws {
        let built = try Built()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: built.project.root.path)
            built.project.remove()
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: built.project.root.path)
        let report = built.build(.disk)
        #expect(report.failed && !report.wrote)
        #expect(report.diagnostics.contains { $0.code == "output.write-failed" })
        try built.expectUnchanged()
    }

    /// The last step fails: with exchange, and on a system without it, where the old site
    /// was already renamed aside and must come back.
    @Test func failedSwapKeepsTheOldSite() throws {
        let built = try Built()
        defer { built.project.remove() }
        var refusing = OutputFileSystem.disk
        refusing.exchange = { _, _ in throw POSIXError(.EIO) }
        #expect(built.build(refusing).diagnostics.contains { $0.code == "output.write-failed" && $0.message.contains("in place of site") })
        try built.expectUnchanged()

        var noExchange = OutputFileSystem.disk
        noExchange.exchange = { _, _ in false }
        noExchange.rename = { from, to in
            if to.lastPathComponent == "site" && from.lastPathComponent.contains(".new-") { throw POSIXError(.EXDEV) }
            try FileManager.default.moveItem(at: from, to: to)
        }
        #expect(built.build(noExchange).failed)
        try built.expectUnchanged()
    }

    /// Without exchange the two-step rename still replaces the site and leaves nothing.
    @Test func twoStepRenameReplacesTheSite() throws {
        let built = try Built()
        defer { built.project.remove() }
        var noExchange = OutputFileSystem.disk
        noExchange.exchange = { _, _ in false }
        let report = built.build(noExchange)
        #expect(report.wrote)
        let home = try String(contentsOf: built.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Trang mới"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: built.project.root.path).filter { $0.hasPrefix(".site.") }.isEmpty)
    }

    /// The pid of a process that has exited.
    static func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A killed build leaves its staging folder: the next build removes it, and only it.
    @Test func leftoversOfAKilledBuildAreRemovedAndNothingElse() throws {
        let built = try Built()
        defer { built.project.remove() }
        let root = built.project.root
        let dead = try Self.deadPID()
        func folder(_ name: String, marker: Bool, files: [String: String] = [:]) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            if marker { try Data(DirectorySink.markerText.utf8).write(to: url.appendingPathComponent(DirectorySink.markerFile)) }
            for (path, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(path)) }
        }
        try folder(".site.new-\(dead)-0badc0de", marker: true, files: ["index.html": "half"])
        try folder(".site.old-\(dead)-0badc0df", marker: false)  // empty: made by mkdir just before a kill
        // Not the sink's: no marker and not empty, a running process, a name it never makes.
        try folder(".site.new-\(dead)-feedf00d", marker: false, files: ["ghi-chu.txt": "của tôi"])
        try folder(".site.new-1-0badc0de", marker: true)
        try folder(".site.new-\(dead)-khong-hex", marker: true)
        try folder(".site-ban-sao", marker: true)

        let report = SiteBuilder(root: root).build(output: built.output)
        #expect(report.wrote)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site") })
        #expect(left == [".site.new-\(dead)-feedf00d", ".site.new-1-0badc0de", ".site.new-\(dead)-khong-hex", ".site-ban-sao"])
        #expect(try String(contentsOf: root.appendingPathComponent(".site.new-\(dead)-feedf00d/ghi-chu.txt"), encoding: .utf8) == "của tôi")
    }

    /// Killed between the two renames of a system without exchange: `site/` is gone and the
    /// old site sits aside. The next build puts it back even when it fails itself.
    @Test func siteRenamedAsideByAKilledBuildIsRestored() throws {
        let built = try Built()
        defer { built.project.remove() }
        let aside = built.project.root.appendingPathComponent(".site.old-\(try Self.deadPID())-12345678")
        try FileManager.default.moveItem(at: built.output, to: aside)
        try Data("KẾ HOẠCH\nkhác\n".utf8).write(to: built.project.root.appendingPathComponent("content/ke-hoach-thu.md"))
        let report = SiteBuilder(root: built.project.root).build(output: built.output)
        #expect(report.failed && !report.wrote)  // a slug collision
        try built.expectUnchanged()
    }
}
