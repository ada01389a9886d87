import DecuongCore
@testable import DecuongSite
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The load asks the system to read its files ahead of it (`ReadAhead`): every file it reads,
/// in its order, no further than the window ahead, and never stuck on what is not a file.
@Suite struct ReadAheadTests {
    /// A project of `count` small plans, besides `site.yml`.
    static func project(documents count: Int) throws -> FixtureProject {
        var files = ["content/site.yml": "title: Đọc trước\n"]
        for number in 1...count {
            files["content/ke-hoach-\(number).md"] = "KẾ HOẠCH\n\nsố \(number)\n\nI- MỤC ĐÍCH\n\n1. Nội dung \(number).\n"
        }
        return try FixtureProject(files)
    }

    /// Every file the loader reads is advised once, in the order it is read; the loaded
    /// site is the one a loader without advice makes.
    @Test func everyFileIsAdvisedInLoadOrder() throws {
        let project = try Self.project(documents: 150)
        defer { project.remove() }
        let advised = SharedValue<[String]>([])
        let disk = ProjectFileAccess.disk
        let recording = ProjectFileAccess(readFile: disk.readFile, listFolder: disk.listFolder,
                                          willRead: { path in advised.withLock { $0.append(path) } })
        let loader = ContentLoader(root: project.root, recognize: SiteBuilder.defaultRecognize, access: recording)
        let result = loader.load()
        #expect(result.files.count == 150)
        let content = project.root.appendingPathComponent("content").path
        let expected = loader.markdownFiles().map { ([content] + $0).joined(separator: "/") }
        #expect(expected.count == 150)
        #expect(advised.value.count == expected.count)
        #expect(advised.value.elementsEqual(expected))
        // Each advised path is the file itself: reading it gives the file's bytes.
        for path in advised.value.prefix(3) { #expect(FileManager.default.contents(atPath: path) != nil, "\(path)") }

        let plain = ContentLoader(root: project.root, recognize: SiteBuilder.defaultRecognize,
                                  access: ProjectFileAccess(readFile: disk.readFile, listFolder: disk.listFolder)).load()
        #expect(plain.files.map(\.fileName) == result.files.map(\.fileName))
        #expect(plain.diagnostics == result.diagnostics)
    }

    /// Without files read, the advice stops at the window (it must not fill the memory with
    /// a large site's files ahead of the load), and `stop` ends it there.
    /// Waits by sleeping the task, not the thread: a blocked test thread is one fewer for the
    /// tests that run beside it (the preview server's listener among them).
    static func waitUntil(seconds limit: Int, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(limit)
        while !condition(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(2)) }
    }

    @Test func adviceWaitsForTheLoadAndStops() async throws {
        let paths: [String?] = (0..<1000).map { $0 % 10 == 3 ? nil : "/nonexistent/\($0).md" }
        let advised = SharedValue<[String]>([])
        let ahead = ReadAhead(paths) { path in advised.withLock { $0.append(path) } }
        let window = ReadAhead.window * ReadAhead.batch
        let expectedAhead = paths.prefix(window).compactMap { $0 }
        // The thread advises up to the window, then waits for permits that never come.
        try await Self.waitUntil(seconds: 10) { advised.value.count >= expectedAhead.count }
        try await Task.sleep(for: .milliseconds(50))
        ahead.stop()
        // Counted, then compared whole (a list of 460 paths is no help in a failure).
        #expect(advised.value.count == expectedAhead.count)
        #expect(advised.value.elementsEqual(expectedAhead))

        // With every file read, all are advised, in order, nils skipped.
        let all = SharedValue<[String]>([])
        let reading = ReadAhead(paths) { path in all.withLock { $0.append(path) } }
        for index in paths.indices { reading.read(index) }
        try await Self.waitUntil(seconds: 10) { all.value.count >= paths.compactMap({ $0 }).count }
        reading.stop()
        #expect(all.value.count == paths.compactMap { $0 }.count)
        #expect(all.value.elementsEqual(paths.compactMap { $0 }))

        // A load of one batch or less starts no thread and advises nothing.
        let few = SharedValue<[String]>([])
        let small = ReadAhead(Array(paths.prefix(ReadAhead.batch))) { path in few.withLock { $0.append(path) } }
        for index in 0..<ReadAhead.batch { small.read(index) }
        small.stop()
        #expect(few.value.isEmpty)
    }

    /// A named pipe where a file was (put there after the walk) is opened without waiting for
    /// a writer, and a missing file is passed over. The pipe is held open here at both ends
    /// while it is advised, so that a wrong open fails the flag test, not hangs this one.
    @Test func adviceOnAPipeOrMissingFileReturns() throws {
        #expect(ReadAhead.openFlags & O_NONBLOCK != 0)
        #expect(ReadAhead.openFlags & O_ACCMODE == O_RDONLY)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decuong-readahead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("ong.md").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let held = open(pipe, O_RDWR | O_NONBLOCK)
        #expect(held >= 0)
        defer { close(held) }
        ReadAhead.advise(pipe)
        ReadAhead.advise(folder.appendingPathComponent("missing.md").path)
    }
}
