import DecuongMarkdown
import Foundation

/// `xac-thuc.html`: a page in the bundle that tells the person who opens it who signed the
/// bundle, the key's fingerprint, and how to check it, in the site's language.
struct VerificationPage {
    static let path = "xac-thuc.html"

    var english: Bool
    var siteTitle: String
    var signature: PublicKey?
    var fileCount: Int
    var hasHome: Bool

    func html() -> String {
        let t = english ? Self.englishStrings : Self.vietnamese
        var body = "<h1 id=\"tieu-de\">\(t["title"] ?? "")</h1>\n"
        if let key = signature {
            body += "<p>\(t["signedBy"] ?? "") <strong>\(HTMLEscaping.escapeHTML(key.signer.isEmpty ? (t["unnamed"] ?? "") : key.signer))</strong>.</p>\n"
            body += "<p>\(t["fingerprint"] ?? "")</p>\n<p class=\"fingerprint\"><code>\(HTMLEscaping.escapeHTML(key.fingerprint))</code></p>\n"
            body += "<p>\(t["compare"] ?? "")</p>\n"
        } else {
            body += "<p>\(t["unsigned"] ?? "")</p>\n"
        }
        body += "<p>\((t["files"] ?? "").replacingOccurrences(of: "{n}", with: "\(fileCount)"))</p>\n"
        body += "<h2>\(t["howTitle"] ?? "")</h2>\n<ol>\n"
        // The zip's name is not written here: it carries the date, and the bytes must not.
        let zip = t["zipName"] ?? "bundle.zip"
        let command = signature == nil ? "decuong verify \(zip)" : "decuong verify \(zip) --key decuong.pub"
        body += "<li>\(t["withDecuong"] ?? "")<br><code>\(HTMLEscaping.escapeHTML(command))</code><br>\(t["zipNote"] ?? "")</li>\n"
        body += "<li>\(t["withoutDecuong"] ?? "")<br><code>sha256sum -c MANIFEST.sha256</code></li>\n</ol>\n"
        body += "<p>\(t["failure"] ?? "")</p>\n"
        if hasHome { body += "<p><a href=\"index.html\">\(t["home"] ?? "")</a></p>\n" }
        return """
        <!DOCTYPE html>
        <html lang="\(english ? "en" : "vi")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t["title"] ?? "") – \(HTMLEscaping.escapeHTML(siteTitle))</title>
        <link rel="stylesheet" href="assets/style.css">
        </head>
        <body class="page-verification">
        <main id="noi-dung" class="wrap">
        \(body)</main>
        </body>
        </html>

        """
    }

    static let vietnamese: [String: String] = [
        "title": "Xác thực gói văn bản",
        "signedBy": "Gói văn bản này được ký số bởi",
        "unnamed": "(người ký không ghi tên)",
        "fingerprint": "Dấu vân tay (SHA-256) của khóa đã ký:",
        "compare": "Hãy so dấu vân tay này với dấu vân tay mà cơ quan ban hành đã công bố (trên văn bản giấy, qua điện thoại…). Nếu khác nhau, gói này không do cơ quan đó ký.",
        "unsigned": "Gói văn bản này <strong>không được ký số</strong>: chỉ kiểm tra được các tệp còn đủ và không bị sửa, không xác định được ai đã tạo gói.",
        "files": "Gói gồm {n} tệp. Mã băm SHA-256 của từng tệp được ghi trong tệp MANIFEST.sha256 ở thư mục gốc của gói.",
        "howTitle": "Cách kiểm tra",
        "withDecuong": "Bằng phần mềm decuong (lấy tệp decuong.pub trực tiếp từ cơ quan ban hành, không lấy từ trong gói):",
        "withoutDecuong": "Không có decuong: giải nén gói, mở cửa sổ lệnh trong thư mục đã giải nén rồi chạy (Linux, macOS):",
        "failure": "Nếu có tệp bị thiếu, bị thêm hoặc bị sửa, hoặc chữ ký không hợp lệ, đừng dùng gói này; hãy xin lại bản gốc.",
        "home": "Về trang chủ của gói",
        "zipName": "goi-van-ban.zip",
        "zipNote": "(thay goi-van-ban.zip bằng tên tệp .zip đã nhận)",
    ]

    static let englishStrings: [String: String] = [
        "title": "Verifying this bundle",
        "signedBy": "This bundle was digitally signed by",
        "unnamed": "(the signer gave no name)",
        "fingerprint": "Fingerprint (SHA-256) of the signing key:",
        "compare": "Compare this fingerprint with the one the issuing office published (on paper, by phone…). If they differ, the bundle was not signed by that office.",
        "unsigned": "This bundle is <strong>not signed</strong>: you can check that its files are complete and unchanged, but not who made it.",
        "files": "The bundle has {n} files. The SHA-256 hash of each is listed in MANIFEST.sha256 at the top of the bundle.",
        "howTitle": "How to verify",
        "withDecuong": "With decuong (get decuong.pub directly from the issuing office, not from inside the bundle):",
        "withoutDecuong": "Without decuong: unzip the bundle, open a terminal in the unzipped folder and run (Linux, macOS):",
        "failure": "If a file is missing, added or changed, or the signature is not valid, do not use this bundle; ask for the original again.",
        "home": "Back to the bundle's home page",
        "zipName": "bundle.zip",
        "zipNote": "(with the name of the .zip file you received instead of bundle.zip)",
    ]
}
