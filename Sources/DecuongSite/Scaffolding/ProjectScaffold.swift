import DecuongCore
import Foundation

/// `decuong init DIR`: a new site project with `content/site.yml`, an example plan, and a
/// copy of the default theme in `templates/` to edit.
public enum ProjectScaffold {
    /// Project-relative path → text.
    public static var files: [String: String] {
        var out: [String: String] = [
            "content/site.yml": siteYAML,
            "content/ke-hoach-mau/ke-hoach.md": examplePlan,
            ".gitignore": "site/\n",
        ]
        for (path, text) in DefaultTemplates.files { out["\(SiteTemplates.folder)/\(path)"] = text }
        return out
    }

    /// Creates the project; refuses a folder that exists and is not empty.
    public static func create(at folder: URL, displayPath: String) throws(DiagnosticError) {
        let fileManager = FileManager.default
        let existing = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue || !existing.isEmpty {
            throw DiagnosticError(.error("init.not-empty", "\(displayPath) already exists and is not an empty folder",
                                         file: displayPath, hint: "choose a new folder name, e.g. `decuong init ke-hoach-2024`"))
        }
        do {
            for path in files.keys.sorted() {
                let url = folder.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((files[path] ?? "").utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw DiagnosticError(.error("init.write-failed", "cannot create the project: \(error.localizedDescription)",
                                         file: displayPath, hint: "check the permissions of the parent folder"))
        }
    }

    static let siteYAML = """
    # Site settings for decuong. Every key is optional except title.
    title: "Kế hoạch tuyên truyền"
    language: vi
    # base_url: https://example.org/ke-hoach/   # set when publishing, for sitemap.xml and feed.xml
    # description: "Các kế hoạch và đề cương tuyên truyền"
    organizations:
      - Ban Tuyên giáo
      - Ban Tổ chức

    """

    static let examplePlan = """
    ---
    slug: ke-hoach-mau
    ---

    KẾ HOẠCH
    tuyên truyền mẫu

    Đây là một kế hoạch mẫu để bắt đầu: thay nội dung bằng văn bản của bạn, rồi chạy `decuong build`.

    I- MỤC ĐÍCH, YÊU CẦU

    1. Nêu mục đích của kế hoạch.

    2. Nêu yêu cầu của kế hoạch.

    II- NỘI DUNG TUYÊN TRUYỀN

    1. Nội dung tuyên truyền trọng tâm

    1.1. Chủ đề thứ nhất của kế hoạch.

    1.2. Chủ đề thứ hai của kế hoạch.

    III- TỔ CHỨC THỰC HIỆN

    1. Ban Tuyên giáo chủ trì, phối hợp Ban Tổ chức triển khai kế hoạch này.

    Nơi nhận:

    - Như trên,
    - Lưu.

    **T/M BAN THƯỜNG VỤ
    BÍ THƯ**

    Nguyễn Văn A

    """
}
