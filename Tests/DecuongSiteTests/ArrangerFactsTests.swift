import DecuongContent
import DecuongCore
@testable import DecuongSite
import Foundation
import Testing

/// A site large enough that the arranger makes its files' titles and attachment tests on all
/// cores (more than 128 files): each document gets its own file's title, and each outline
/// still goes to its plan, as the one-by-one path (`SiteDocument`'s own title) gives them.
@Suite struct ArrangerFactsTests {
    @Test func titlesAndAttachmentsAsOneByOne() throws {
        var files = ["content/site.yml": "title: Sắp xếp\n"]
        for number in 1...100 {
            files["content/van-ban-\(number).md"] = "KẾ HOẠCH\nsố \(number) về nội dung thứ \(number)\n\nI- MỤC ĐÍCH\n\n1. Nội dung \(number).\n"
        }
        for number in 1...40 {
            files["content/bo-\(number)/ke-hoach.md"] = "KẾ HOẠCH\ntuyên truyền đợt \(number)\n\nI- NỘI DUNG\n\n1. Việc \(number).\n"
            files["content/bo-\(number)/de-cuong.md"] = "ĐỀ CƯƠNG\ntuyên truyền đợt \(number)\n\nI- NỘI DUNG\n\n1. Ý \(number).\n"
        }
        let project = try FixtureProject(files)
        defer { project.remove() }
        let loaded = ContentLoader(root: project.root, recognize: SiteBuilder.defaultRecognize).load().files
        #expect(loaded.count == 180)
        var arranger = DocumentArranger()
        let documents = arranger.arrange(loaded)
        #expect(documents.count == 180)
        for document in documents {
            let reference = SiteDocument(slug: document.slug, sourcePath: document.sourcePath, structure: document.structure,
                                         frontMatter: document.frontMatter)
            #expect(document.displayTitle == reference.displayTitle, "\(document.sourcePath)")
        }
        let byPath = Dictionary(uniqueKeysWithValues: documents.map { ($0.sourcePath, $0) })
        #expect(byPath["content/van-ban-37.md"]?.displayTitle == "Kế hoạch số 37 về nội dung thứ 37")
        for number in 1...40 {
            let plan = byPath["content/bo-\(number)/ke-hoach.md"]
            let outline = byPath["content/bo-\(number)/de-cuong.md"]
            #expect(plan?.attachedTo == nil)
            #expect(outline?.attachedTo == plan?.slug, "bo-\(number)")
            #expect(outline?.displayTitle == "Đề cương tuyên truyền đợt \(number)")
        }
    }
}
