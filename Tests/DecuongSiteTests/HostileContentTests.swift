import DecuongCore
import DecuongSite
import Foundation
import Testing

/// Content pasted from anywhere must not run code, inject markup or reach outside the
/// project: raw HTML and scripts are dropped, dangerous links emptied, front matter and
/// template syntax in the text shown as text, paths in front matter refused.
@Suite struct HostileContentTests {
    static let hostile = """
        ---
        title: "\\"><script>alert('tiêu đề')</script>"
        ---
        KẾ HOẠCH
        thử nghiệm nội dung độc hại

        I- MỤC ĐÍCH

        1. Đoạn có <script>alert('x')</script> và <img src=x onerror="alert(1)"> và <iframe src="https://example.org"></iframe>.

        2. Liên kết [bấm vào](javascript:alert(1)) và [dữ liệu](data:text/html,<script>alert(1)</script>) và ![ảnh](javascript:x).

        3. Dấu mẫu {{#site}}{{title}}{{/site}} và {{{raw}}} phải hiện nguyên văn.

        <div onclick="alert(2)">khối HTML</div>

        <script>
        alert("khối script");
        </script>
        """

    func renderedPages() throws -> [String: String] {
        let project = try FixtureProject(["content/site.yml": "title: Thử\n", "content/doc-hai.md": Self.hostile])
        defer { project.remove() }
        let (_, rendered, diagnostics) = project.render()
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        var pages: [String: String] = [:]
        for (path, bytes) in rendered.files where path.hasSuffix(".html") || path.hasSuffix(".js") || path.hasSuffix(".xml") {
            pages[path] = String(decoding: bytes, as: UTF8.self)
        }
        #expect(!pages.isEmpty)
        return pages
    }

    @Test func scriptsAndEventHandlersNeverReachAPage() throws {
        for (path, page) in try renderedPages() where path.hasSuffix(".html") {
            // Text between dropped tags stays visible as text ("alert('x')" is harmless as
            // text); what must never appear is a script element the content wrote.
            let scripts = page.components(separatedBy: "<script").dropFirst()
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"") }, "\(path) has an inline script")
            #expect(!page.contains("<script>alert"), "\(path)")
            #expect(!page.lowercased().contains("onerror="), "\(path)")
            #expect(!page.lowercased().contains("onclick="), "\(path)")
            #expect(!page.contains("<iframe"), "\(path)")
            #expect(!page.contains("javascript:"), "\(path)")
            #expect(!page.contains("data:text/html"), "\(path)")
        }
    }

    @Test func frontMatterAndTemplateSyntaxStayText() throws {
        let pages = try renderedPages()
        let document = try #require(pages.first { $0.key.hasSuffix("/index.html") && $0.value.contains("thử nghiệm nội dung độc hại") || $0.value.contains("Dấu mẫu") }?.value)
        #expect(document.contains("{{#site}}{{title}}{{/site}}"), "Mustache in content is shown, not evaluated")
        #expect(document.contains("{{{raw}}}"))
        for (path, page) in pages where path.hasSuffix(".html") {
            #expect(!page.contains("\"><script>"), "\(path): the title escaped its attribute")
        }
    }

    @Test func pathsInFrontMatterAreRefused() throws {
        for front in ["slug: ../../etc", "slug: /tmp/x", "slug: a/b"] {
            let project = try FixtureProject(["content/site.yml": "title: T\n", "content/a.md": "---\n\(front)\n---\nKẾ HOẠCH\nx\n"])
            defer { project.remove() }
            let (_, rendered, diagnostics) = project.render()
            #expect(diagnostics.contains { $0.severity == .error }, "\(front) was accepted")
            #expect(!rendered.files.keys.contains { $0.contains("..") || $0.hasPrefix("/") })
        }
        let project = try FixtureProject([
            "content/site.yml": "title: T\n",
            "content/a.md": "---\nattached_to: ../../../etc/passwd\n---\nĐỀ CƯƠNG\nx\n",
        ])
        defer { project.remove() }
        let (_, rendered, diagnostics) = project.render()
        #expect(!rendered.files.keys.contains { $0.contains("..") || $0.hasPrefix("/") })
        #expect(!diagnostics.isEmpty, "an attachment pointing outside the project is reported")
    }
}
