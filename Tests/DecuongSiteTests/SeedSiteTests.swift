import DecuongCore
import DecuongSite
import Foundation
import Testing

/// The real `content/` of the repository, built in memory.
@Suite struct SeedSiteTests {
    static let built: (Site, RenderedSite, [Diagnostic]) = {
        let builder = SiteBuilder(root: Repository.root)
        let site = builder.loadSite()
        let result = builder.render(site)
        return (site, result.site, site.diagnostics + result.diagnostics)
    }()

    var site: Site { Self.built.0 }
    var rendered: RenderedSite { Self.built.1 }

    @Test func buildsEveryPageWithoutErrors() {
        #expect(!Self.built.2.contains { $0.severity == .error }, "\(DiagnosticFormatter().format(Self.built.2))")
        for page in ["index.html", "404.html", "chu-de/index.html", "van-ban/index.html", "co-quan/index.html",
                     "moc-thoi-gian/index.html", "ke-hoach-2023/index.html", "assets/style.css", "assets/print.css"] {
            #expect(rendered.files[page] != nil, "missing \(page)")
        }
        let themePages = rendered.pages.filter { $0.hasPrefix("ke-hoach-2023/") && $0 != "ke-hoach-2023/index.html" }
        #expect(themePages.count == 15)
        #expect(site.allDocuments.contains { $0.isAttachment && VietnameseText.fold($0.kind ?? "") == "de cuong" })
        #expect(site.themes.allSatisfy { $0.outline != nil }, "every theme has its outline section")
        // No sitemap or feed without a base URL; every page has the search box (issue 5).
        #expect(rendered.files["sitemap.xml"] == nil && rendered.files["feed.xml"] == nil)
        #expect(rendered.files["tim-kiem.html"] != nil && rendered.files["search/index.js"] != nil)
        #expect(rendered.pages.allSatisfy { rendered.text($0)?.contains("tim-kiem.html") == true })
    }

    @Test func everyInternalLinkAndAnchorResolves() {
        let problems = LinkChecker().check(rendered)
        #expect(problems.isEmpty, "\(problems.map { "\($0.page): \($0.link): \($0.reason)" })")
        #expect(LinkChecker().absoluteLinks(rendered).isEmpty)
    }

    @Test func citedDocumentsLinkBackToEveryCitingSection() throws {
        let page = try #require(rendered.text("van-ban/index.html"))
        let plan = try #require(site.document("ke-hoach-2023"))
        #expect(!plan.structure.citations.isEmpty)
        for citation in plan.structure.citations {
            #expect(page.contains(citation.id), "\(citation.id) missing")
            if let anchor = citation.sectionAnchor {
                #expect(page.contains("href=\"../ke-hoach-2023/index.html#\(anchor)\""), "no back-link to \(anchor)")
            }
        }
        #expect(page.contains("35-NQ/TW") && page.contains("href=\"../ke-hoach-2023/index.html#ii-1-3\""))
    }

    @Test func organizationsListTheAssignmentsOfSectionIV() throws {
        let page = try #require(rendered.text("co-quan/index.html"))
        let entry = try #require(page.range(of: "<h3 id=\"ban-to-chuc-thanh-uy-ten\">Ban Tổ chức Thành ủy</h3>"))
        let rest = page[entry.upperBound...]
        let block = rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]
        #expect(block.contains("href=\"../ke-hoach-2023/index.html#iv-2\""))
        #expect(block.contains("href=\"../ke-hoach-2023/index.html#iv-3\""))
        #expect(block.contains("Chủ trì"))
    }

    @Test func timelineShowsTheAnniversaryRange() throws {
        let page = try #require(rendered.text("moc-thoi-gian/index.html"))
        #expect(page.contains("01/01/2004 - 01/01/2024"))
        #expect(page.contains("<svg"))
    }

    @Test func twoBuildsAreByteIdentical() {
        let builder = SiteBuilder(root: Repository.root)
        let again = builder.render(builder.loadSite()).site
        #expect(again == rendered)
    }

    @Test func goldenDocumentAndThemeMain() throws {
        let record = ProcessInfo.processInfo.environment["DECUONG_RECORD_GOLDEN"] == "1"
        for (page, golden) in [("ke-hoach-2023/index.html", "document-main.html"), ("ke-hoach-2023/ii-1-3.html", "theme-main.html")] {
            let actual = mainElement(try #require(rendered.text(page)))
            let url = Repository.goldenFolder.appendingPathComponent(golden)
            if record {
                try FileManager.default.createDirectory(at: Repository.goldenFolder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(actual == expected, "\(page) differs from Golden/\(golden); review, then record with DECUONG_RECORD_GOLDEN=1")
        }
    }
}
