@testable import DecuongSite
import Testing

/// Theme pages share one citation linker per document and folder (`SharedLinkers`): the
/// shared linker must link as the page's own, whichever page of the folder made it.
struct SharedLinkersTests {
    private static func check(_ site: Site) -> Int {
        let strings = UIStrings(language: site.config.language)
        let linkers = SharedLinkers()
        // Theme pages and document pages of each plan's folder, and pages elsewhere (root,
        // the cited-documents folder, which is never shared), each asked for every document.
        var pages = site.themes.map(\.pagePath) + site.allDocuments.map(DocumentPage.path)
        pages += ["index.html", IndexPages.citedDocumentsPath, "van-ban/x.html", IndexPages.timelinePath]
        var checked = 0
        #expect(site.lookups.isBuilt)
        for path in pages {
            let page = PageContext(site: site, strings: strings, page: path, baseURL: nil)
            #expect(DocumentPage.citationTargets(for: site.allDocuments, in: page)
                == DocumentPage.referenceCitationTargets(for: site.allDocuments, in: page), "every document on \(path)")
        }
        for path in pages {
            let page = PageContext(site: site, strings: strings, page: path, baseURL: nil, linkers: linkers)
            for document in site.allDocuments where !document.structure.citations.isEmpty {
                let own = DocumentPage.citationTargets(for: [document], in: page)
                // Entries found by position through the lookups, against the copies of the reference.
                #expect(own == DocumentPage.referenceCitationTargets(for: [document], in: page), "\(document.slug) on \(path)")
                #expect(page.citationLinker(for: document).hrefByID == own, "\(document.slug) on \(path)")
                checked += 1
            }
        }
        return checked
    }

    @Test func seedProject() {
        #expect(Self.check(SiteBuilder(root: Repository.root).loadSite()) > 10)
    }

    @Test func structureCorpus() throws {
        let project = try FixtureProject.corpus()
        defer { project.remove() }
        #expect(Self.check(SiteBuilder(root: project.root).loadSite()) > 30)
    }
}
