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

    @Test func buildReportsItsStagesInOrder() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        var stages: [SiteBuilder.Stage] = []
        let report = SiteBuilder(root: project.root).build(output: project.root.appendingPathComponent("site")) { stages.append($0) }
        #expect(report.wrote)
        // Each stage named once in a row: loading, the search index, linking, rendering, writing.
        let names = stages.map { stage -> String in
            switch stage {
            case .loading: "loading"
            case .indexing: "indexing"
            case .linking: "linking"
            case .rendering: "rendering"
            case .writing: "writing"
            }
        }
        let runs = names.enumerated().filter { $0.offset == 0 || names[$0.offset - 1] != $0.element }.map(\.element)
        #expect(runs == ["loading", "indexing", "linking", "rendering", "writing"])
        #expect(stages.last == .writing)
        let documents = report.documentCount
        #expect(stages.contains(.loading(done: documents, total: documents)))
        #expect(stages.contains(.rendering(done: 0, total: stages.compactMap { stage -> Int? in
            if case .rendering(_, let total) = stage { return total }
            return nil
        }.first ?? -1)))
    }

    @Test func aBuildThatStopsBeforeWritingNamesNoLaterStage() throws {
        let project = try FixtureProject(Fixtures.project().merging(["site/notes.txt": "mine"]) { $1 })
        defer { project.remove() }
        var stages: [SiteBuilder.Stage] = []
        let report = SiteBuilder(root: project.root).build(output: project.root.appendingPathComponent("site")) { stages.append($0) }
        #expect(!report.wrote)
        #expect(!stages.contains(.indexing) && !stages.contains(.linking) && !stages.contains(.writing))
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

    /// `build` links in two halves around the search index; its report must hold the site and
    /// diagnostics `link` makes in one go, written or not.
    @Test func aBuildReportsTheSiteAndDiagnosticsOfAWholeLink() throws {
        let corpus = try FixtureProject.corpus()
        defer { corpus.remove() }
        let linked = SiteBuilder(root: corpus.root).loadSite()
        #expect(linked.diagnostics.contains { $0.code == "citation.not-in-site" }, "the corpus should cite documents it lacks")
        let built = SiteBuilder(root: corpus.root).build(output: corpus.root.appendingPathComponent("site"))
        #expect(built.wrote)
        #expect(built.site == linked)
        #expect(built.diagnostics == linked.diagnostics)

        // Not written: the output is a foreign folder, or the input has an error.
        var files = Fixtures.project().merging(["site/notes.txt": "mine"]) { $1 }
        let foreign = try FixtureProject(files)
        defer { foreign.remove() }
        let refused = SiteBuilder(root: foreign.root).build(output: foreign.root.appendingPathComponent("site"))
        #expect(!refused.wrote)
        #expect(refused.site == SiteBuilder(root: foreign.root).loadSite())
        #expect(Array(refused.diagnostics.dropLast()) == refused.site.diagnostics)
        files = Fixtures.project()
        files["content/ke-hoach-thu.md"] = "KẾ HOẠCH\nkhác\n"
        let broken = try FixtureProject(files)
        defer { broken.remove() }
        let failed = SiteBuilder(root: broken.root).build(output: broken.root.appendingPathComponent("site"))
        #expect(failed.failed && !failed.wrote)
        #expect(failed.site == SiteBuilder(root: broken.root).loadSite())
        #expect(failed.diagnostics == failed.site.diagnostics)
    }
}
