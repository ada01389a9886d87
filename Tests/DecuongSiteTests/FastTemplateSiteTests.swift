import DecuongCore
@testable import DecuongSite
import Foundation
import Testing

/// Whole sites rendered by the fast template renderer and by swift-mustache must be the same
/// bytes, page by page from the same data and file by file through the render stage.
@Suite struct FastTemplateSiteTests {
    /// Renders every template page of `site` with both engines from one context each; returns
    /// how many pages were compared.
    static func comparePages(of site: Site, templates: SiteTemplates = .builtIn, baseURL: String? = nil) throws -> Int {
        let (compiled, diagnostics) = templates.compile()
        let library = try #require(compiled, "\(diagnostics)")
        let fast = try #require(library.compiled, "the theme should not need swift-mustache")
        let renderer = SiteRenderer(templates: templates, baseURL: baseURL)
        let strings = UIStrings(language: site.config.language)
        var compared = 0
        for page in renderer.plan(site).pages {
            guard case .template(let context) = page.make, let template = page.template else { continue }
            let data = context(PageContext(site: site, strings: strings, page: page.path,
                                           baseURL: renderer.baseURL ?? site.config.baseURL))
            let bytes = try #require(fast.render(data, template: template), "declined \(page.path)")
            let reference = Array((library.mustache.render(TemplateValue.mustacheValue(data), withTemplate: template) ?? "").utf8)
            #expect(bytes == reference, "\(page.path) differs from byte \(firstDifference(bytes, reference))")
            compared += 1
        }
        // And through the render stage, as a build writes them (tidied, every file).
        let plan = renderer.plan(site)
        let files = plan.render(site: site, renderer: renderer, library: library)
        let referenceFiles = plan.render(site: site, renderer: renderer, library: library.referenceOnly)
        #expect(files.keys.sorted() == referenceFiles.keys.sorted())
        for (path, bytes) in files where referenceFiles[path] != bytes {
            Issue.record("\(path) differs from swift-mustache's")
        }
        return compared
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a.indices, zip(a, b)).first { $0.1.0 != $0.1.1 }?.0 ?? min(a.count, b.count)
    }

    @Test func seedProject() throws {
        let site = SiteBuilder(root: Repository.root).loadSite()
        #expect(try Self.comparePages(of: site) > 5)
        #expect(try Self.comparePages(of: site, baseURL: "https://example.org/decuong/") > 5)
    }

    @Test func fixtureProjects() throws {
        for yaml in ["title: Trang thử\n", "title: T\nbase_url: https://example.org/\n", "title: Test\nlanguage: en\n"] {
            let project = try FixtureProject(Fixtures.project(siteYAML: yaml))
            defer { project.remove() }
            let site = SiteBuilder(root: project.root).loadSite()
            #expect(try Self.comparePages(of: site) > 5)
        }
    }

    /// The recognizer's corpus of real plans, as one site.
    @Test func structureCorpus() throws {
        let project = try FixtureProject.corpus()
        defer { project.remove() }
        let site = SiteBuilder(root: project.root).loadSite()
        #expect(try Self.comparePages(of: site) > 5)
    }

    /// A project override using inheritance, partials with indentation, set delimiters and
    /// the sequence the default theme does not: rendered from the fixture project's data.
    @Test func overriddenTheme() throws {
        var files = Fixtures.project(siteYAML: "title: T\nbase_url: https://example.org/\n")
        files["templates/partials/closing.mustache"] = "  <p>{{t.home}}</p>\n{{=<% %>=}}\n  <%#nav%>\n    <%> partials/nav-item%>\n  <%/nav%>\n"
        files["templates/partials/nav-item.mustache"] = "<li>\n  {{label}}\n</li>\n{{^current}}  x\n{{/current}}"
        files["templates/home.mustache"] =
            "{{<layout}}\n  {{$main}}\n    <h1>{{siteTitle}}</h1>\n    {{> partials/closing}}\n  {{/main}}\n{{/layout}}\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        let (templates, _) = SiteTemplates.load(root: project.root)
        let site = SiteBuilder(root: project.root).loadSite()
        #expect(try Self.comparePages(of: site, templates: templates) > 5)
    }

    /// `python3 Benchmarks/gen_corpus.py --docs 100`: generated plans of every shape.
    @Test func generatedCorpus() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("decuong-fast-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("Benchmarks/gen_corpus.py").path,
                             "--docs", "100", "--out", out.path, "--variants", "md"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gen_corpus.py failed")
        let markdown = out.appendingPathComponent("md")
        var files = ["content/site.yml": "title: Bench\nlanguage: vi\nbase_url: https://example.org/\n"]
        for name in try FileManager.default.contentsOfDirectory(atPath: markdown.path) where name.hasSuffix(".md") {
            files["content/\(name)"] = try String(contentsOf: markdown.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(files.count > 100)
        let project = try FixtureProject(files)
        defer { project.remove() }
        let site = SiteBuilder(root: project.root).loadSite()
        #expect(try Self.comparePages(of: site) > 100)
    }
}
