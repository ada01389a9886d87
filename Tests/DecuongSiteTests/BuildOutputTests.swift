import DecuongCore
import DecuongSite
import Foundation
import Testing

@Suite struct BuildOutputTests {
    @Test func buildWritesAtomicallyAndAFailedBuildKeepsTheOldSite() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        let first = SiteBuilder(root: project.root).build(output: output)
        #expect(first.wrote && !first.failed)
        let index = output.appendingPathComponent("index.html")
        let before = try Data(contentsOf: index)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(DirectorySink.markerFile).path))

        // Break the input: a slug collision is an error, so nothing may change.
        try Data("KẾ HOẠCH\nkhác\n".utf8).write(to: project.root.appendingPathComponent("content/ke-hoach-thu.md"))
        let failed = SiteBuilder(root: project.root).build(output: output)
        #expect(failed.failed && !failed.wrote)
        #expect(try Data(contentsOf: index) == before)

        // A rebuild replaces the site and leaves no staging folders behind.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/ke-hoach-thu.md"))
        let again = SiteBuilder(root: project.root).build(output: output)
        #expect(again.wrote)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesAForeignNonEmptyFolder() throws {
        let project = try FixtureProject(Fixtures.project().merging(["site/notes.txt": "mine"]) { $1 })
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        let report = SiteBuilder(root: project.root).build(output: output)
        #expect(!report.wrote)
        #expect(report.diagnostics.contains { $0.code == "output.foreign-folder" })
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        var files = Fixtures.project()
        files["content/site.yml"] = "title: T\nunknown_key: 1\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        #expect(SiteBuilder(root: project.root).build(output: output, strict: true).failed)
        #expect(!SiteBuilder(root: project.root).build(output: output, strict: false).failed)
    }
}
