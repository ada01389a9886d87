import DecuongCore
@testable import DecuongSite
import Dispatch
import Foundation
import Testing

/// The staged site's folders are made by the threads that write into them, when a first
/// write fails: many threads, one new folder, nested folders, and a write that fails for
/// its own reason once its folder exists.
@Suite struct DirectorySinkFolderTests {
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decuong-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func threadsWritingIntoNewFoldersAllSucceed() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        // Ten files in each of 40 folders, some nested two and three deep, written from every
        // core at once in an order that sends several threads into a new folder together.
        let paths = (0..<400).map { index -> String in
            let folder = index % 40
            switch folder % 3 {
            case 0: return "f\(folder)/p\(index).html"
            case 1: return "a\(folder)/b/p\(index).html"
            default: return "a\(folder)/b/c/p\(index).html"
            }
        } + ["index.html"]
        try DirectorySink(output: output).write(paths: paths) { emit in
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                emit(paths[index], Array("trang \(index)".utf8))
            }
        }
        for (index, path) in paths.enumerated() {
            let bytes = try Data(contentsOf: output.appendingPathComponent(path))
            #expect(Array(bytes) == Array("trang \(index)".utf8), "\(path)")
        }
        #expect(DirectorySink.isOurs(output))
    }

    @Test func aWriteThatFailsInAnExistingFolderIsReportedAndNothingReplacesTheOutput() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        var disk = OutputFileSystem.disk
        disk.writeFile = { bytes, url in
            if url.lastPathComponent == "bad.html" { throw POSIXError(.EIO) }
            try OutputFileSystem.disk.writeFile(bytes, url)
        }
        let paths = ["doc/good.html", "doc/bad.html"]
        do {
            try DirectorySink(output: output, displayPath: "site", fileSystem: disk).write(paths: paths) { emit in
                for path in paths { emit(path, Array(path.utf8)) }
            }
            Issue.record("the write should have failed")
        } catch {
            #expect(error.diagnostic.message.contains("cannot write site/doc/bad.html"), "\(error.diagnostic.message)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let beside = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(beside.isEmpty, "left behind: \(beside)")
    }
}
