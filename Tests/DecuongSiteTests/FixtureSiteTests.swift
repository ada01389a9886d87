import DecuongCore
import DecuongSite
import Foundation
import Testing

@Suite struct FixtureSiteTests {
    @Test func linksAttachmentsThemesAndCitationsInTheSite() throws {
        let project = try FixtureProject(Fixtures.project(siteYAML: "title: Trang thử\nbase_url: https://example.org/thu/\n"))
        defer { project.remove() }
        let (site, rendered, diagnostics) = project.render()
        #expect(!diagnostics.contains { $0.severity == .error }, "\(DiagnosticFormatter().format(diagnostics))")

        let plan = try #require(site.document("ke-hoach-thu"))
        #expect(plan.attachments == ["ke-hoach-thu-de-cuong"])
        #expect(site.mainDocuments.map(\.slug) == ["ke-hoach-thu", "huong-dan-7"], "newest first")
        #expect(site.themes.map(\.pagePath) == ["ke-hoach-thu/ii-1.html", "ke-hoach-thu/ii-2.html"])
        #expect(site.themes.allSatisfy { $0.outline?.documentSlug == "ke-hoach-thu-de-cuong" })

        // 7-HD/TU is in the site: its citation links to the document, not to the index.
        let guidance = try #require(site.citedDocuments.first { $0.id == "7-HD/TU" })
        #expect(guidance.documentSlug == "huong-dan-7")
        let planPage = try #require(rendered.text("ke-hoach-thu/index.html"))
        #expect(planPage.contains("<a href=\"../huong-dan-7/index.html\">7-HD/TU</a>"))
        #expect(planPage.contains("href=\"../van-ban/index.html#35-nq-tw-2018\""))
        #expect(planPage.contains("Số 12-KH/TU"))

        // With a base URL: sitemap, feed and canonical links, and nothing else absolute.
        let sitemap = try #require(rendered.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/thu/ke-hoach-thu/ii-1.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        let feed = try #require(rendered.text("feed.xml"))
        #expect(feed.contains("<updated>2023-05-10T00:00:00Z</updated>"))
        #expect(planPage.contains("<link rel=\"canonical\" href=\"https://example.org/thu/ke-hoach-thu/index.html\">"))
        #expect(LinkChecker().check(rendered).isEmpty, "\(LinkChecker().check(rendered))")
        #expect(LinkChecker().absoluteLinks(rendered).isEmpty)
        for page in rendered.pages {
            let html = rendered.text(page) ?? ""
            #expect(!html.contains("href=\"/") && !html.contains("src=\"/") && !html.contains("src=\"http"), "\(page)")
        }
    }

    @Test func englishInterface() throws {
        let project = try FixtureProject(Fixtures.project(siteYAML: "title: Test\nlanguage: en\n"))
        defer { project.remove() }
        let (_, rendered, _) = project.render()
        let home = try #require(rendered.text("index.html"))
        #expect(home.contains("<html lang=\"en\">") && home.contains("Cited documents"))
    }

    @Test func slugCollisionNamesBothFiles() throws {
        var files = Fixtures.project()
        files["content/ke-hoach-thu.md"] = "KẾ HOẠCH\nkhác\n\n1. Một.\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        let (site, _, _) = project.render()
        let collision = try #require(site.diagnostics.first { $0.code == "content.slug-collision" })
        #expect(collision.severity == .error)
        #expect(collision.message.contains("content/ke-hoach-thu.md") && collision.message.contains("content/ke-hoach-thu/ke-hoach.md"))
    }

    @Test func twoMainDocumentsInOneFolderIsAnError() throws {
        var files = Fixtures.project()
        files["content/ke-hoach-thu/ke-hoach-khac.md"] = "KẾ HOẠCH\nkhác\n\n1. Một.\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        let (site, _, _) = project.render()
        let problem = try #require(site.diagnostics.first { $0.code == "content.ambiguous-main-document" })
        #expect(problem.hint?.contains("attached_to") == true)
    }

    @Test func templateOverrideAndTemplateErrorsWithPosition() throws {
        var files = Fixtures.project()
        files["templates/partials/closing.mustache"] = "<p>own closing</p>\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        let (_, rendered, _) = project.render()
        #expect(rendered.text("ke-hoach-thu/index.html")?.contains("<p>own closing</p>") == true)

        files["templates/home.mustache"] = "{{<layout}}\n{{$main}}\n  {{#documents}}<p>\n{{/main}}\n{{/layout}}\n"
        let broken = try FixtureProject(files)
        defer { broken.remove() }
        let (_, nothing, diagnostics) = broken.render()
        let error = try #require(diagnostics.first { $0.code == "template.syntax" })
        #expect(error.file == "templates/home.mustache")
        #expect(error.location != nil)
        #expect(nothing.files.isEmpty)
    }
}
