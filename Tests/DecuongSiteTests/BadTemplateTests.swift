import DecuongCore
@testable import DecuongSite
import Foundation
import Testing

/// A theme edited by hand: every mistake is an error at the template's file:line:column,
/// and a broken override renders nothing rather than a mix with the default theme.
@Suite struct BadTemplateTests {
    /// Renders the fixture project with the given template files over the default theme.
    func render(templates: [String: String]) throws -> (RenderedSite, [Diagnostic]) {
        var files = Fixtures.project()
        for (path, text) in templates { files["templates/\(path)"] = text }
        let project = try FixtureProject(files)
        defer { project.remove() }
        let (_, rendered, diagnostics) = project.render()
        return (rendered, diagnostics)
    }

    @Test func syntaxErrorPointsAtTheTag() throws {
        let (rendered, diagnostics) = try render(templates: [
            "home.mustache": "{{<layout}}\n{{$main}}\n  <p>{{#documents}}{{title}}</p>\n{{/main}}\n{{/layout}}\n",
        ])
        let error = try #require(diagnostics.first { $0.code == "template.syntax" })
        #expect(error.severity == .error)
        #expect(error.file == "templates/home.mustache")
        #expect(error.location?.line == 4)
        #expect(rendered.files.isEmpty)
    }

    @Test func missingPartialPointsAtTheTag() throws {
        let (rendered, diagnostics) = try render(templates: [
            "partials/closing.mustache": "<div>\n  {{> partials/chu-ky}}\n</div>\n",
        ])
        let error = try #require(diagnostics.first { $0.code == "template.missing-partial" })
        #expect(error.file == "templates/partials/closing.mustache")
        #expect(error.location == SourceLocation(line: 2, column: 3))
        #expect(error.message.contains("partials/chu-ky"))
        #expect(rendered.files.isEmpty)
    }

    /// swift-mustache renders a name it cannot find as nothing; decuong refuses it instead,
    /// with the nearest known name as a hint.
    @Test func unknownVariableIsAnErrorWithItsPlaceAndASuggestion() throws {
        let (rendered, diagnostics) = try render(templates: [
            "partials/closing.mustache": "<footer>\n  <p>{{t.recipients}}</p>\n  <p>{{signature.nmae}} {{{bodyHTML}}}</p>\n</footer>\n",
        ])
        let errors = diagnostics.filter { $0.code == "template.unknown-variable" }
        #expect(errors.count == 2, "\(errors)")
        let misspelt = try #require(errors.first { $0.message.contains("`nmae`") })
        #expect(misspelt.severity == .error)
        #expect(misspelt.file == "templates/partials/closing.mustache")
        #expect(misspelt.location == SourceLocation(line: 3, column: 6))
        #expect(misspelt.hint?.contains("`name`") == true)
        let wrongCase = try #require(errors.first { $0.message.contains("`bodyHTML`") })
        #expect(wrongCase.location == SourceLocation(line: 3, column: 25))
        #expect(wrongCase.hint?.contains("`bodyHtml`") == true)
        #expect(rendered.files.isEmpty)
    }

    /// Comments, set-delimiter tags and transforms are read the way swift-mustache reads them.
    @Test func scannerFollowsMustacheRules() {
        let text = "{{! {{not a tag}}\n<p>{{uppercased(title)}}</p>{{#first()}}x{{/first()}}\n{{=<% %>=}}\n<%title%> <%& titel %>\n"
        let tags = TemplateTag.scan(text)
        #expect(tags.filter(\.isLookup).map(\.lookedUpNames) == [["title"], [], ["title"], ["titel"]])
        #expect(tags.last?.location == SourceLocation(line: 4, column: 11))
        let checked = TemplateCheck.unknownNames(in: ["x.mustache": "{{=<% %>=}}\n<% titel %> <% title %> <% t.home %>"],
                                                 origins: [:])
        #expect(checked.map(\.location) == [SourceLocation(line: 2, column: 1)])
    }

    /// Every key any page context holds must be in the vocabulary, or a theme that uses it
    /// would be refused; and the default theme must pass its own check.
    @Test func everyContextKeyIsKnownAndTheDefaultThemeIsClean() throws {
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let dictionary = value as? TemplateData {
                for (key, inner) in dictionary {
                    keys.insert(key.name)
                    collect(inner)
                }
            } else if let dictionary = value as? [String: Any] {
                for (key, inner) in dictionary {
                    keys.insert(key)
                    collect(inner)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        var sites: [Site] = []
        let project = try FixtureProject(Fixtures.project(siteYAML: "title: T\nbase_url: https://example.org/\n"))
        defer { project.remove() }
        sites.append(SiteBuilder(root: project.root).loadSite())
        sites.append(SiteBuilder(root: Repository.root).loadSite())
        for site in sites {
            let renderer = SiteRenderer()
            for page in renderer.plan(site).pages {
                guard case .template(let context) = page.make else { continue }
                // As swift-mustache gets it: records (sections, table of contents) as dictionaries.
                collect(TemplateValue.mustacheValue(context(PageContext(
                    site: site, strings: UIStrings(language: site.config.language), page: page.path,
                    baseURL: site.config.baseURL))))
            }
        }
        #expect(keys.count > 50)
        let unknown = keys.subtracting(TemplateCheck.vocabulary).sorted()
        #expect(unknown.isEmpty, "context keys missing from TemplateCheck.extraContextNames: \(unknown)")
        let (library, diagnostics) = SiteTemplates.builtIn.compile()
        #expect(library != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    /// A partial that includes itself outside any section would recurse until the stack
    /// overflows; through another partial too. Inside a section it is fine (the table of
    /// contents of the default theme does it).
    @Test func partialThatIncludesItselfForEverIsRefused() throws {
        let (rendered, diagnostics) = try render(templates: [
            "partials/closing.mustache": "<div>\n{{> partials/vong}}\n</div>\n",
            "partials/vong.mustache": "<p>{{#recipients}}{{.}}{{/recipients}}</p>\n{{> partials/lap}}\n",
            "partials/lap.mustache": "{{#hasRecipients}}{{/hasRecipients}}{{> partials/vong}}\n",
        ])
        let error = try #require(diagnostics.first { $0.code == "template.recursive-partial" })
        #expect(error.message.contains("partials/lap → partials/vong → partials/lap"), "\(error.message)")
        #expect(error.file == "templates/partials/lap.mustache")
        #expect(error.location == SourceLocation(line: 1, column: 37))
        #expect(diagnostics.filter { $0.code == "template.recursive-partial" }.count == 1)
        #expect(rendered.files.isEmpty)

        let (fine, none) = try render(templates: [
            "partials/toc-entry.mustache": "<li>{{label}}{{#children}}<ul>{{> partials/toc-entry}}</ul>{{/children}}</li>\n",
        ])
        #expect(!none.contains { $0.severity == .error }, "\(none)")
        #expect(!fine.files.isEmpty)
    }

    /// One bad file in an override fails the whole theme: no page comes out half default.
    @Test func brokenOverrideIsNeverHalfApplied() throws {
        var files = Fixtures.project()
        files["templates/partials/closing.mustache"] = "<p>own closing</p>\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        // Not UTF-8: the file is refused, and with it the theme.
        try Data([0x3C, 0x70, 0x3E, 0xC3, 0x28, 0x0A]).write(to: project.root.appendingPathComponent("templates/home.mustache"))
        let (_, rendered, diagnostics) = project.render()
        #expect(diagnostics.contains { $0.code == "template.not-utf8" && $0.file == "templates/home.mustache" })
        #expect(rendered.files.isEmpty, "a broken override must not render with the default home page")

        // A file that cannot be read (injected: the tests run as root, where chmod does not stop a read).
        let denied = ProjectFileAccess(
            readFile: { url in
                if url.lastPathComponent == "closing.mustache" { throw CocoaError(.fileReadNoPermission) }
                return try Data(contentsOf: url)
            },
            listFolder: ProjectFileAccess.disk.listFolder)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("templates/home.mustache"))
        let (templates, loadDiagnostics) = SiteTemplates.load(root: project.root, access: denied)
        let unreadable = try #require(loadDiagnostics.first { $0.code == "file.unreadable" })
        #expect(unreadable.file == "templates/partials/closing.mustache")
        #expect(unreadable.message.contains("permission denied"), "\(unreadable.message)")
        #expect(templates.compile().0 == nil)

        // And a whole build fails without touching the previous site.
        let output = project.root.appendingPathComponent("site")
        try Data("{{#documents}}\n".utf8).write(to: project.root.appendingPathComponent("templates/home.mustache"))
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data(DirectorySink.markerText.utf8).write(to: output.appendingPathComponent(DirectorySink.markerFile))
        try Data("old".utf8).write(to: output.appendingPathComponent("index.html"))
        let report = SiteBuilder(root: project.root).build(output: output)
        #expect(report.failed && !report.wrote)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "old")
    }

    @Test func templateLinkOutOfTheProjectIsRefused() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("decuong-secret-\(UUID().uuidString).css")
        try Data("bí mật".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let assets = project.root.appendingPathComponent("templates/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: assets.appendingPathComponent("style.css"), withDestinationURL: secret)
        let (_, rendered, diagnostics) = project.render()
        let refused = try #require(diagnostics.first { $0.code == "file.link-outside" })
        #expect(refused.file == "templates/assets/style.css")
        #expect(rendered.files.isEmpty)
    }
}
