import DecuongCore
import DecuongSite
import Foundation
import Testing

/// Paths of the repository, found from this file so tests run from any working directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

/// The seed project (`content/` of the repository), loaded and rendered once.
enum Seed {
    static let built: (Site, RenderedSite) = {
        let builder = SiteBuilder(root: Repo.root)
        let site = builder.loadSite()
        return (site, builder.render(site).site)
    }()

    static var site: Site { built.0 }
    static var rendered: RenderedSite { built.1 }
}

/// A throwaway folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("decuong-bundle-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    func write(_ files: [String: [UInt8]]) throws {
        for (path, bytes) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `node` on the search script, for the tests that compare JavaScript with Swift.
/// `make test` installs node and sets DECUONG_REQUIRE_NODE=1, so these tests cannot be
/// skipped silently in CI; a plain `swift test` without node skips them.
enum Node {
    static let path: String? = ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let required = ProcessInfo.processInfo.environment["DECUONG_REQUIRE_NODE"] == "1"

    static var enabled: Bool { path != nil || required }

    static let script = Repo.root.appendingPathComponent("Tests/browser/search-node.js").path

    /// Runs node with `arguments`, feeding `input`; returns stdout.
    static func run(_ arguments: [String], input: String = "") throws -> String {
        guard let path else {
            Issue.record("node is not installed: install it (apt-get install -y nodejs) or run `make test`, which does")
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [script] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "node failed: \(String(decoding: errors, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self)
    }
}
