import DecuongCore
import DecuongSite
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` of the real `decuong build` while it writes a large site: `site/` is at every
/// moment either the whole old site or the whole new one, and the next build removes what
/// the killed one left beside it.
@Suite struct InterruptedBuildTests {
    /// The `decuong` executable of the same build as this test bundle.
    static let binary: URL? = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].compactMap { $0?.appendingPathComponent("decuong") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Plans with themes, enough that writing the site takes a while.
    static func largeContent(documents: Int) -> [String: String] {
        var files = ["content/site.yml": "title: Trang lớn\n"]
        for index in 1...documents {
            let themes = (1...4).map { "\($0). Chủ đề \($0) của kế hoạch \(index): tuyên truyền, xây dựng Đảng và hệ thống chính trị.\n" }
            files["content/ke-hoach-\(index).md"] = """
                THÀNH ỦY MẪU
                *
                Số \(index)-KH/TU

                ĐẢNG CỘNG SẢN VIỆT NAM
                Mẫu, ngày 10 tháng 5 năm 2023

                KẾ HOẠCH
                tuyên truyền số \(index) năm 2023

                I- MỤC ĐÍCH, YÊU CẦU

                1. Nâng cao nhận thức của cán bộ, đảng viên.

                II- NỘI DUNG TUYÊN TRUYỀN

                \(themes.joined(separator: "\n"))
                III- TỔ CHỨC THỰC HIỆN

                1. Ban Tuyên giáo chủ trì.

                """
        }
        return files
    }

    @Test(.timeLimit(.minutes(10)))
    func killedBuildLeavesTheOldSiteAndTheNextBuildCleansUp() throws {
        guard let binary = Self.binary else {
            Issue.record("the decuong executable is not beside the test bundle (\(Bundle.main.bundleURL.path)); build it with swift build")
            return
        }
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        #expect(SiteBuilder(root: project.root).build(output: output).wrote)
        let old = try OutputFaultTests.Built.snapshot(output)

        // Swap in a large content folder and kill builds at several points of their writing.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content"))
        for (path, text) in Self.largeContent(documents: 150) {
            let url = project.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var interrupted = 0
        var afterKill: [(delay: Int, site: [String: Data])] = []
        for delay in [0, 2, 10, 30] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--root", project.root.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let staging = ".site.new-\(process.processIdentifier)-"
            var seen = false
            while process.isRunning {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: project.root.path)) ?? []
                if names.contains(where: { $0.hasPrefix(staging) }) {
                    seen = true
                    break
                }
                usleep(500)
            }
            if seen {
                usleep(useconds_t(delay * 1000))
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            let now = try OutputFaultTests.Built.snapshot(output)
            if process.terminationReason == .uncaughtSignal {
                interrupted += 1
                afterKill.append((delay, now))
            } else {
                #expect(process.terminationStatus == 0)
            }
            if now != old { break }  // the swap was done before the kill; later kills show nothing new
        }
        #expect(interrupted > 0, "no build was killed while writing; the content is too small to catch one")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site.") }
        #expect(!leftovers.isEmpty || interrupted == 0, "a killed build leaves its staging folder")

        // The next build, not killed, replaces the site and removes the leftovers.
        let finished = Process()
        finished.executableURL = binary
        finished.arguments = ["build", "--root", project.root.path]
        finished.standardOutput = FileHandle.nullDevice
        try finished.run()
        finished.waitUntilExit()
        #expect(finished.terminationStatus == 0)
        let new = try OutputFaultTests.Built.snapshot(output)
        #expect(new.count > old.count)
        // Killed while writing: the old site, whole; killed after the swap: the new one, whole.
        for (delay, site) in afterKill {
            #expect(site == old || site == new, "after kill -9 \(delay) ms into writing, site/ is neither the old nor the new site")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site.") }.isEmpty)
    }
}
