import DecuongCore
@testable import DecuongSite
import Foundation
import Testing

@Suite struct IndexPagingTests {
    @Test func pagesTakeWholeEntriesUpToTheBudget() {
        let paging = IndexPaging(folder: "van-ban", rows: [3, 3, 3, 9, 1, 1], rowsPerPage: 6)
        #expect(paging.pages == [0..<2, 2..<3, 3..<4, 4..<6], "an entry larger than a page has a page of its own")
        #expect((0..<6).map(paging.page(ofEntry:)) == [0, 0, 1, 2, 3, 3])
        #expect(paging.path(ofPage: 0) == "van-ban/index.html")
        #expect(paging.path(ofPage: 2) == "van-ban/trang-3.html")
        // An empty index is still one page, so the page exists and says so.
        #expect(IndexPaging(folder: "co-quan", rows: []).pages == [0..<0])
    }

    /// Plans that cite many numbers, name many dates and assign tasks to the same bodies: every
    /// index is longer than a page.
    static func largeProject(documents: Int) -> [String: String] {
        var files = ["content/site.yml": "title: Nhiều văn bản\n"]
        for index in 1...documents {
            let citations = (0..<6).map { "Nghị quyết số \(index * 10 + $0)-NQ/TU ngày 0\($0 + 1)/02/2020 của Tỉnh ủy" }
            files["content/ke-hoach-\(index).md"] = """
            TỈNH ỦY MẪU
            *
            Số \(index)-KH/TU

            ĐẢNG CỘNG SẢN VIỆT NAM
            Mẫu, ngày 10 tháng 5 năm 2023

            KẾ HOẠCH
            thực hiện nhiệm vụ số \(index)

            I- NỘI DUNG

            1. Thực hiện \(citations[0]) và \(citations[1]).

            2. Thực hiện \(citations[2]), \(citations[3]).

            3. Thực hiện \(citations[4]); \(citations[5]).

            II- TỔ CHỨC THỰC HIỆN

            1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp Ban Tổ chức Tỉnh ủy triển khai kế hoạch này.

            2. Ban Dân vận Tỉnh ủy chủ trì, phối hợp Ủy ban Kiểm tra Tỉnh ủy theo dõi việc thực hiện.

            """
        }
        return files
    }

    @Test func largeIndexesAreSplitAndEveryLinkFindsItsEntry() throws {
        let project = try FixtureProject(Self.largeProject(documents: 120))
        defer { project.remove() }
        let (site, rendered, diagnostics) = project.render()
        #expect(!diagnostics.contains { $0.severity == .error }, "\(DiagnosticFormatter().format(diagnostics))")

        let cited = site.citedDocumentPaging
        #expect(site.citedDocuments.count == 720)
        #expect(cited.pages.count > 2)
        #expect(site.organizationPaging.pages.count > 1)
        #expect(site.timelinePaging.pages.count > 1)
        for paging in [cited, site.organizationPaging, site.timelinePaging] {
            for number in paging.pages.indices {
                #expect(rendered.text(paging.path(ofPage: number)) != nil, "\(paging.path(ofPage: number))")
            }
            #expect(rendered.text(paging.path(ofPage: paging.pages.count)) == nil)
        }
        // Each entry is on the page its links name, and on no other.
        for entry in site.citedDocuments {
            for number in cited.pages.indices {
                let html = try #require(rendered.text(cited.path(ofPage: number)))
                #expect(html.contains("id=\"\(entry.anchor)\"") == (number == entry.indexPage), "\(entry.anchor) on page \(number + 1)")
            }
        }
        let planPage = try #require(rendered.text("ke-hoach-120/index.html"))
        let last = try #require(site.citedDocuments.first { $0.id == "1205-NQ/TU" })
        #expect(last.indexPage > 0)
        #expect(planPage.contains("href=\"../van-ban/trang-\(last.indexPage + 1).html#\(last.anchor)\""))
        // Letter navigation, pager, citation and organization links: every one resolves.
        #expect(LinkChecker().check(rendered).isEmpty, "\(LinkChecker().check(rendered).prefix(5))")
        let second = try #require(rendered.text(cited.path(ofPage: 1)))
        #expect(second.contains("<title>Văn bản được trích dẫn – Trang 2 – Nhiều văn bản</title>"))
        #expect(second.contains("<a href=\"index.html\" rel=\"prev\">Trang trước</a>"))
        #expect(second.contains("<span aria-current=\"page\">Trang 2</span>"))
        // The chart is drawn once, on the timeline's first page.
        #expect(rendered.text("moc-thoi-gian/index.html")?.contains("timeline-chart") == true)
        #expect(rendered.text("moc-thoi-gian/trang-2.html")?.contains("timeline-chart") == false)
    }

    /// `decuong build` plans without dependencies; the files must be those of a tracked plan.
    @Test func aPlanWithoutDependenciesRendersTheSameFiles() throws {
        let project = try FixtureProject(Self.largeProject(documents: 30))
        defer { project.remove() }
        let (site, rendered, _) = project.render()
        let renderer = SiteRenderer()
        let untracked = renderer.plan(site, trackDependencies: false)
        #expect(untracked.pages.map(\.path) == renderer.plan(site).pages.map(\.path))
        #expect(untracked.pages.allSatisfy { $0.template == nil || $0.dependencies.count <= 1 })
        let files = renderer.render(site, plan: untracked).site
        #expect(files.pages == rendered.pages)
        for page in rendered.pages { #expect(files.text(page) == rendered.text(page), "\(page)") }
    }
}
