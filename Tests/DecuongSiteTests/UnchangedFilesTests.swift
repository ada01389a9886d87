import DecuongCore
@testable import DecuongSite
import Dispatch
import Foundation
import Testing

/// A rebuild links the pages the previous site already holds byte for byte instead of writing
/// them again: they keep their file (inode) and times, only what changed is written, and the
/// site is the same as one written from scratch.
@Suite struct UnchangedFilesTests {
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decuong-unchanged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func inode(_ url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    private func modified(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @discardableResult
    private func write(_ files: [(String, String)], to output: URL) throws -> DirectorySink.Written {
        try DirectorySink(output: output, displayPath: "site").write(paths: files.map(\.0)) { emit in
            for (path, text) in files { emit(path, Array(text.utf8)) }
        }
    }

    /// Every file under `folder` (the marker included), path → bytes.
    private func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func aRebuildKeepsTheFilesOfUnchangedPagesAndWritesTheChangedOnes() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        try write([("index.html", "trang chủ"), ("doc/a.html", "văn bản A"), ("doc/b.html", "văn bản B"),
                   ("cu.html", "chỉ ở bản cũ")], to: output)
        // Times in the past, so that a file written again would show it.
        let past = Date(timeIntervalSince1970: 1_600_000_000)
        for path in ["index.html", "doc/a.html", "doc/b.html"] {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: output.appendingPathComponent(path).path)
        }
        let before = try ["index.html", "doc/a.html", "doc/b.html"].map { try inode(output.appendingPathComponent($0)) }

        // B changes without changing its length; A and the home page do not change.
        let second = [("index.html", "trang chủ"), ("doc/a.html", "văn bản A"), ("doc/b.html", "văn bản C"),
                      ("moi/trang.html", "trang mới")]
        #expect(try write(second, to: output) == DirectorySink.Written(files: 4, kept: 2))

        #expect(try inode(output.appendingPathComponent("index.html")) == before[0])
        #expect(try inode(output.appendingPathComponent("doc/a.html")) == before[1])
        #expect(try modified(output.appendingPathComponent("doc/a.html")) == past)
        #expect(try inode(output.appendingPathComponent("doc/b.html")) != before[2])
        #expect(try modified(output.appendingPathComponent("doc/b.html")) != past)

        // The site is what writing it from scratch gives: no file of the old one is left over.
        let fresh = root.appendingPathComponent("fresh")
        try write(second, to: fresh)
        #expect(try tree(output) == tree(fresh))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }

    @Test func aLinkOrAHandEditInThePreviousSiteIsNotReused() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        let files = [("index.html", "trang chủ"), ("doc/a.html", "văn bản A"), ("doc/b.html", "văn bản B")]
        try write(files, to: output)

        // A page replaced by a symbolic link to a file outside the site with the same bytes,
        // and a page edited by hand to other bytes of the same length.
        let outside = root.appendingPathComponent("ngoai.html")
        try Data("văn bản A".utf8).write(to: outside)
        let linked = output.appendingPathComponent("doc/a.html")
        try FileManager.default.removeItem(at: linked)
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: outside)
        try Data("văn bản X".utf8).write(to: output.appendingPathComponent("doc/b.html"))

        try write(files, to: output)
        let attributes = try FileManager.default.attributesOfItem(atPath: linked.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try inode(linked) != inode(outside))
        #expect(try Data(contentsOf: linked) == Data("văn bản A".utf8))
        #expect(try Data(contentsOf: output.appendingPathComponent("doc/b.html")) == Data("văn bản B".utf8))
        // The outside file is as it was.
        #expect(try Data(contentsOf: outside) == Data("văn bản A".utf8))
    }

    @Test func aFolderThatIsNotASiteIsNeverReadFrom() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // Empty: accepted as the output, but holds no previous site to link from.
        var disk = OutputFileSystem.disk
        let asked = SharedValue(0)
        disk.reuseFile = { bytes, existing, target in
            asked.withLock { $0 += 1 }
            return try OutputFileSystem.disk.reuseFile(bytes, existing, target)
        }
        try DirectorySink(output: output, fileSystem: disk).write(paths: ["index.html"]) { emit in
            emit("index.html", Array("trang".utf8))
        }
        #expect(asked.value == 0)
        // Now a site: the next write asks.
        try DirectorySink(output: output, fileSystem: disk).write(paths: ["index.html"]) { emit in
            emit("index.html", Array("trang".utf8))
        }
        #expect(asked.value == 1)
    }

    @Test func aFileSystemWithoutLinksIsAskedOnceAndEveryPageIsWritten() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        let files = (0..<20).map { ("doc/p\($0).html", "trang \($0)") } + [("index.html", "trang chủ")]
        try write(files, to: output)
        // As on a file system without hard links: the first link fails for every file to come.
        var disk = OutputFileSystem.disk
        let asked = SharedValue(0)
        disk.reuseFile = { _, _, _ in
            asked.withLock { $0 += 1 }
            throw FileWriter.LinksUnavailable(code: EPERM)
        }
        let changed = files.map { ($0.0, $0.1 + " mới") }
        try DirectorySink(output: output, fileSystem: disk).write(paths: changed.map(\.0)) { emit in
            for (path, text) in changed { emit(path, Array(text.utf8)) }
        }
        #expect(asked.value == 1)
        for (path, text) in changed {
            #expect(try Data(contentsOf: output.appendingPathComponent(path)) == Data(text.utf8), "\(path)")
        }
    }

    /// Pages of one new folder linked at the same time on several threads: the first link
    /// into the folder fails (it is missing), one thread makes it, and a thread whose link
    /// failed before that must not take the folder it then finds for a system without links.
    @Test func filesOfOneFolderLinkedTogetherAreAllKept() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        let files = (0..<300).flatMap { folder in
            (0..<4).map { ("f\(folder)/p\($0).html", "trang \($0) của \(folder)") }
        }
        try write(files, to: output)
        for _ in 0..<3 {
            let written = try DirectorySink(output: output, displayPath: "site").write(paths: files.map(\.0)) { emit in
                // A folder's pages one after the other on all cores, as the renderer emits them.
                DispatchQueue.concurrentPerform(iterations: files.count) { index in
                    emit(files[index].0, Array(files[index].1.utf8))
                }
            }
            #expect(written == DirectorySink.Written(files: files.count, kept: files.count))
        }
    }

    @Test func aRebuiltProjectKeepsTheFilesOfTheDocumentsThatDidNotChange() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        let first = SiteBuilder(root: project.root).build(output: output)
        #expect(first.wrote && first.files.kept == 0 && first.files.files > 10)
        let before = try tree(output)
        let guidance = output.appendingPathComponent("huong-dan-7/index.html")
        let plan = output.appendingPathComponent("ke-hoach-thu/index.html")
        let (guidanceFile, planFile) = (try inode(guidance), try inode(plan))

        // The plan changes a sentence of its text; the guidance, which it cites elsewhere, does not change.
        let planSource = project.root.appendingPathComponent("content/ke-hoach-thu/ke-hoach.md")
        let text = try String(contentsOf: planSource, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "của cán bộ, đảng viên", with: "của mọi đảng viên").utf8).write(to: planSource)
        let second = SiteBuilder(root: project.root).build(output: output)
        #expect(second.wrote)
        // Kept: exactly the files whose bytes did not change.
        let after = try tree(output)
        let changed = after.filter { before[$0.key] != $0.value && $0.key != DirectorySink.markerFile }.count
        #expect(changed > 0)
        #expect(second.files == DirectorySink.Written(files: after.count - 1, kept: after.count - 1 - changed))

        #expect(try inode(guidance) == guidanceFile)
        #expect(try inode(plan) != planFile)
        let fresh = project.root.appendingPathComponent("fresh")
        #expect(SiteBuilder(root: project.root).build(output: fresh).wrote)
        #expect(try tree(output) == tree(fresh))
    }
}
