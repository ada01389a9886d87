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

    @Test func anUnsafePathNotGivenUpFrontStopsTheWriteAndKeepsThePreviousSite() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        try DirectorySink(output: output).write(paths: ["index.html"]) { emit in emit("index.html", Array("cũ".utf8)) }
        for unsafe in ["../escape.html", "doc//page.html", "doc/./page.html", "/abs.html", "doc/"] {
            do {
                try DirectorySink(output: output, displayPath: "site").write(paths: ["index.html"]) { emit in
                    emit("index.html", Array("mới".utf8))
                    emit(unsafe, Array("x".utf8))
                    emit("after.html", Array("y".utf8))
                }
                Issue.record("writing \(unsafe) should have failed")
            } catch {
                #expect(error.diagnostic.code == "output.unsafe-path", "\(unsafe): \(error.diagnostic.code)")
                #expect(error.diagnostic.message.contains(unsafe), "\(error.diagnostic.message)")
            }
            #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == Data("cũ".utf8), "\(unsafe)")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
            let beside = try FileManager.default.contentsOfDirectory(atPath: root.path)
            #expect(beside == ["site"], "left behind: \(beside)")
        }
    }

    @Test func safePathsReadAsBytesAgreeWithTheSplitReference() {
        var paths = ["", "/", ".", "..", "...", "a", "a/", "/a", "a//b", "a/./b", "a/../b", "a/.../b", ".a/b.", "a/..b",
                     "..a", "doc-1/index.html", "chu-de/1.1.html", "a/.", "a/..", "./a", "../a", "co-quan/trang-2.html",
                     "van-ban/ngh\u{1ECB}-quy\u{1EBF}t.html", ".\u{301}/a", "a/.\u{301}", "a\u{0}/b"]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", ".", "/", "-", "\u{1EA1}", "\u{301}", "1"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...8, using: &generator)
            paths.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" }))
        }
        for path in paths {
            // The reference splits Characters, so it misses a `/` that a combining mark joins
            // into one Character with it; the file system does not. There the bytes are the
            // stricter reading, and the one that matters.
            let scalars = Array(path.unicodeScalars)
            if zip(scalars, scalars.dropFirst()).contains(where: { $0 == "/" && $1 == "\u{301}" }) {
                #expect(!DirectorySink.isSafe(path) || DirectorySink.isSafeReference(path), "\(path.debugDescription)")
            } else {
                #expect(DirectorySink.isSafe(path) == DirectorySink.isSafeReference(path), "\(path.debugDescription)")
            }
        }
        // `..` then a slash that a mark follows: one part to the reference, a way out to the disk.
        #expect(!DirectorySink.isSafe("../\u{301}x") && DirectorySink.isSafeReference("../\u{301}x"))
    }

    @Test func theRemovedSiteGoesWholeAndAFolderThatIsNotOursStays() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        // A site of many folders, nested, as a rebuild removes the previous one.
        let site = root.appendingPathComponent(".site.old-1-ab")
        for index in 0..<200 {
            let folder = site.appendingPathComponent("doc-\(index)/phan/\(index % 7)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("trang".utf8).write(to: folder.appendingPathComponent("index.html"))
        }
        try Data(DirectorySink.markerText.utf8).write(to: site.appendingPathComponent(DirectorySink.markerFile))
        let leftovers = SinkLeftovers(parent: root, outputName: "site")
        leftovers.remove(site)
        #expect(!FileManager.default.fileExists(atPath: site.path))
        // Without the marker, a folder with something in it is not the sink's to remove.
        let foreign = root.appendingPathComponent(".site.old-2-cd")
        try FileManager.default.createDirectory(at: foreign.appendingPathComponent("ghi-chu"), withIntermediateDirectories: true)
        leftovers.remove(foreign)
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("ghi-chu").path))
    }
}
