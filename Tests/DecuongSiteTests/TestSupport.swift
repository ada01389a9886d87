import DecuongCore
import DecuongSite
import Foundation
import Testing

/// Paths of the repository, found from this file so tests run from any working directory.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
}

/// A throwaway project folder with the given files (path → text), removed by `remove()`.
struct FixtureProject {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("decuong-site-tests-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The recognizer's corpus of real plans (`Tests/DecuongStructureTests/Fixtures/corpus/full`),
    /// file name → text, in name order.
    static func corpusTexts() throws -> [(name: String, text: String)] {
        let folder = Repository.root.appendingPathComponent("Tests/DecuongStructureTests/Fixtures/corpus/full")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0.hasSuffix(".md") }
            .map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The corpus as one project; `remove()` it when done.
    static func corpus() throws -> FixtureProject {
        var files = ["content/site.yml": "title: Corpus\n"]
        for (name, text) in try corpusTexts() { files["content/\(name)"] = text }
        return try FixtureProject(files)
    }

    /// Loads and renders the project in memory.
    func render(baseURL: String? = nil) -> (Site, RenderedSite, [Diagnostic]) {
        let builder = SiteBuilder(root: root)
        let site = builder.loadSite()
        let result = builder.render(site, baseURL: baseURL)
        return (site, result.site, site.diagnostics + result.diagnostics)
    }
}

/// The `<main>` element of a page, for golden files and focused assertions.
func mainElement(_ html: String) -> String {
    guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return "" }
    return String(html[start.lowerBound..<end.upperBound]) + "\n"
}

/// A small plan with two themes, its outline in a second file, and a standalone document
/// that the plan cites, so that one citation is in the site and one is not.
enum Fixtures {
    static let plan = """
    THÀNH ỦY MẪU
    *
    Số 12-KH/TU

    ĐẢNG CỘNG SẢN VIỆT NAM
    Mẫu, ngày 10 tháng 5 năm 2023

    KẾ HOẠCH
    tuyên truyền thử nghiệm năm 2023

    Thực hiện Hướng dẫn số 7-HD/TU ngày 02/3/2023 của Thành ủy, Ban Thường vụ ban hành kế hoạch.

    I- MỤC ĐÍCH, YÊU CẦU

    1. Nâng cao nhận thức của cán bộ, đảng viên.

    II- NỘI DUNG TUYÊN TRUYỀN

    1. Kết quả thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị.

    2. Kỷ niệm ngày thành lập thành phố (01/01/2004 - 01/01/2024).

    III- TỔ CHỨC THỰC HIỆN

    1. Ban Tuyên giáo Thành ủy chủ trì, phối hợp Ban Tổ chức Thành ủy triển khai kế hoạch này.

    Nơi nhận:

    - Các chi bộ,
    - Lưu.

    **T/M BAN THƯỜNG VỤ
    BÍ THƯ**

    Nguyễn Văn A

    """

    static let outline = """
    ĐỀ CƯƠNG
    tuyên truyền thử nghiệm năm 2023

    (Kèm theo Kế hoạch số 12-KH/TU ngày 10/5/2023 của Ban Thường vụ Thành ủy)

    I- NỘI DUNG TUYÊN TRUYỀN

    1. Kết quả thực hiện nghị quyết

    Nội dung chi tiết của chủ đề thứ nhất.

    2. Kỷ niệm ngày thành lập thành phố

    Nội dung chi tiết của chủ đề thứ hai.

    """

    static let guidance = """
    ---
    number: 7-HD/TU
    date: 2023-03-02
    kind: Hướng dẫn
    title: tuyên truyền năm 2023
    ---

    HƯỚNG DẪN
    tuyên truyền năm 2023

    1. Các cấp ủy triển khai.

    """

    static func project(siteYAML: String = "title: Trang thử\n") -> [String: String] {
        [
            "content/site.yml": siteYAML,
            "content/ke-hoach-thu/ke-hoach.md": plan,
            "content/ke-hoach-thu/de-cuong.md": outline,
            "content/huong-dan-7.md": guidance,
        ]
    }
}
