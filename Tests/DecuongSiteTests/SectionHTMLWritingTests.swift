import DecuongMarkdown
import DecuongStructure
@testable import DecuongSite
import Testing

/// A section's lead and body are written into the page when it is rendered (`SectionHTML`)
/// instead of rendered into arrays when its view is built: what is written must be what the
/// view held before (`renderBytes` of the same Markdown with the same linker), after any
/// bytes of the page, for every section of the seed project and of the corpus, on document
/// and theme pages.
struct SectionHTMLWritingTests {
    private static let renderer = HTMLRenderer(rawHTML: .omit)
    private static let prefixes: [[UInt8]] = ["", "<p class=\"sec-lead\"><span class=\"sec-marker\">1.</span> ", "\n"].map { Array($0.utf8) }

    private static func written(_ html: SectionHTML, after prefix: [UInt8]) -> [UInt8] {
        var buffer = HTMLBuffer(capacity: 16)
        defer { buffer.free() }
        buffer.append(prefix)
        html.write(into: &buffer)
        return buffer.withBytes { Array($0) }
    }

    private static func check(_ sections: [Section], builder: SectionViewBuilder, linker: CitationLinker) -> Int {
        var count = 0
        for section in sections {
            let view = builder.record(section, headingLevel: 2)
            let lead = renderer.renderBytes(inlines: section.lead, links: linker)
            let body = section.body.isEmpty ? [] : renderer.renderBytes(section.body, links: linker)
            #expect(view.leadHtml.safeHTML.bytes == lead, "\(section.anchor)")
            #expect(view.bodyHtml.safeHTML.bytes == body, "\(section.anchor)")
            #expect(view.leadHtml.safeHTML.isNull == lead.isEmpty)
            #expect(view.bodyHtml.safeHTML.isNull == body.isEmpty)
            for prefix in prefixes {
                #expect(written(view.leadHtml, after: prefix) == prefix + lead, "\(section.anchor)")
                #expect(written(view.bodyHtml, after: prefix) == prefix + body, "\(section.anchor)")
            }
            count += 1 + check(section.children, builder: builder, linker: linker)
        }
        return count
    }

    private static func check(_ site: Site) -> Int {
        let strings = UIStrings(language: site.config.language)
        var count = 0
        for document in site.allDocuments {
            let page = PageContext(site: site, strings: strings, page: DocumentPage.path(document), baseURL: nil)
            let linker = DocumentPage.citationLinker(for: document, in: page)
            count += check(document.structure.sections, builder: SectionViewBuilder(linker: linker, withIDs: true), linker: linker)
        }
        return count
    }

    @Test func seedProject() {
        #expect(Self.check(SiteBuilder(root: Repository.root).loadSite()) > 20)
    }

    @Test func structureCorpus() throws {
        let project = try FixtureProject.corpus()
        defer { project.remove() }
        #expect(Self.check(SiteBuilder(root: project.root).loadSite()) > 200)
    }
}
