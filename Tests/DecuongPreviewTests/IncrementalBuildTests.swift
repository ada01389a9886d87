import DecuongCore
import DecuongSite
import Foundation
import Testing

/// The incremental build must give what a full build gives, byte for byte, after any
/// sequence of edits; and an edit to one paragraph must not render the whole site.
@Suite struct IncrementalBuildTests {
    /// One step of the sequence: a change on disk and the paths the watcher would report.
    struct Step: Sendable {
        let name: String
        let change: @Sendable (TemporaryProject) throws -> [String]
    }

    static let planPath = "content/ke-hoach-2023/ke-hoach.md"
    static let outlinePath = "content/ke-hoach-2023/de-cuong.md"

    static let standalone = """
    ---
    kind: Thông báo
    date: 2023-06-01
    ---

    THÔNG BÁO
    kết luận của Ban Thường vụ về việc thực hiện Kế hoạch tuyên truyền

    Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị, Ban Tuyên giáo Thành ủy chủ trì triển khai.

    I- NỘI DUNG

    1. Tổ chức hội nghị ngày 15/7/2023.

    """

    static let secondPlan = """
    KẾ HOẠCH
    tuyên truyền kỷ niệm các ngày lễ lớn năm 2024

    I- MỤC ĐÍCH, YÊU CẦU

    1. Nâng cao nhận thức.

    II- NỘI DUNG TUYÊN TRUYỀN

    1. Kỷ niệm ngày thành lập Đảng (03/02/1930 - 03/02/2024).

    2. Kỷ niệm ngày giải phóng miền Nam, thống nhất đất nước.

    III- TỔ CHỨC THỰC HIỆN

    1. Ban Tuyên giáo Thành ủy chủ trì.

    """

    static func replacing(_ path: String, _ old: String, _ new: String, atomically: Bool = false) -> Step {
        Step(name: "edit \(path): \(old.prefix(24)) → \(new.prefix(24))") { project in
            let text = try project.read(path)
            #expect(text.contains(old), "the fixture no longer contains “\(old)”")
            let edited = text.replacingOccurrences(of: old, with: new)
            if atomically { try project.writeAtomically(path, edited) } else { try project.write(path, edited) }
            return [path]
        }
    }

    static let steps: [Step] = [
        replacing(planPath, "Bảo vệ nền tảng tư tưởng của Đảng; đấu tranh", "Bảo vệ vững chắc nền tảng tư tưởng của Đảng; đấu tranh"),
        replacing(planPath, "1.4. Tăng cường củng cố", "1.4. Tăng cường hơn nữa việc củng cố", atomically: true),
        replacing(outlinePath, "*(Nội dung của chủ đề này đang được biên soạn.)*\n\n1.2.",
                  "Đề cương chủ đề 1.1 đã có nội dung, theo Nghị quyết số 21-NQ/TW ngày 16/6/2022.\n\n1.2."),
        Step(name: "add a standalone document") { project in
            try project.write("content/thong-bao-5.md", standalone)
            return ["content/thong-bao-5.md"]
        },
        Step(name: "add a bundle folder (reported as the folder)") { project in
            try project.write("content/ke-hoach-2024/ke-hoach.md", secondPlan)
            return ["content/ke-hoach-2024"]
        },
        replacing("content/ke-hoach-2024/ke-hoach.md", "2. Kỷ niệm ngày giải phóng", "2. Kỷ niệm 49 năm ngày giải phóng"),
        replacing("content/thong-bao-5.md", "date: 2023-06-01", "date: 2022-01-05"),
        replacing(planPath, "thông tin, tuyên truyền về công tác xây dựng Đảng,\n", "thông tin, tuyên truyền sâu rộng về công tác xây dựng Đảng,\n"),
        Step(name: "a checkout changes two documents at once") { project in
            for (path, old, new) in [(planPath, "Tích cực phát hiện những mô hình mới", "Tích cực phát hiện sớm những mô hình mới"),
                                     ("content/ke-hoach-2024/ke-hoach.md", "2. Kỷ niệm 49 năm", "2. Kỷ niệm 49 năm tròn")] {
                let text = try project.read(path)
                #expect(text.contains(old), "\(path) has no \(old)")
                try project.write(path, text.replacingOccurrences(of: old, with: new))
            }
            return [planPath, "content/ke-hoach-2024/ke-hoach.md"]
        },
        Step(name: "delete the standalone document") { project in
            try project.delete("content/thong-bao-5.md")
            return ["content/thong-bao-5.md"]
        },
        replacing(planPath, "2.8. Phát huy vai trò", "2.8. Phát huy mạnh mẽ vai trò"),
        Step(name: "a hidden editor file changes nothing") { project in
            try project.write("content/.ke-hoach.md.swp", "x")
            return ["content/.ke-hoach.md.swp"]
        },
        replacing("content/site.yml", "language: vi", "language: vi\ndescription: Bản thử"),
        Step(name: "override a template") { project in
            try project.write("templates/not-found.mustache", "{{<layout}}{{$main}}<p>Không có trang này.</p>{{/main}}{{/layout}}\n")
            return ["templates/not-found.mustache"]
        },
        Step(name: "delete the second plan's folder") { project in
            try project.delete("content/ke-hoach-2024")
            return ["content/ke-hoach-2024"]
        },
    ]

    @Test func incrementalOutputEqualsFullBuildAfterEverySteps() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        var builder = IncrementalBuilder(root: project.root)
        let first = builder.rebuild()
        #expect(first.succeeded)
        #expect(builder.output == project.fullBuild().0)
        for step in Self.steps {
            let paths = try step.change(project)
            let update = builder.update(changedPaths: paths)
            let (full, diagnostics) = project.fullBuild()
            #expect(update.succeeded, "\(step.name): \(DiagnosticFormatter().format(builder.diagnostics))")
            #expect(builder.diagnostics.map(\.code) == diagnostics.map(\.code), "\(step.name)")
            #expect(builder.output.paths == full.paths, "\(step.name): the files differ")
            let different = full.paths.filter { builder.output.files[$0] != full.files[$0] }
            #expect(different.isEmpty, "\(step.name): these files differ from a full build: \(different)")
        }
    }

    /// A plan that cites six numbers of its own, so that a few dozen of them fill an index page.
    static func citingPlan(_ number: Int) -> String {
        let cited = (0..<6).map { "Nghị quyết số \(number * 10 + $0)-NQ/TU ngày 0\($0 + 1)/02/2020 của Tỉnh ủy" }
        return """
        KẾ HOẠCH
        thực hiện nhiệm vụ số \(number)

        I- NỘI DUNG

        1. Thực hiện \(cited[0]) và \(cited[1]).

        2. Thực hiện \(cited[2]), \(cited[3]); \(cited[4]); \(cited[5]).

        """
    }

    /// Edits that move the cited-documents index from one page to two and back, and move
    /// entries between its pages: every page and every link to an entry must follow.
    @Test func indexPagesFollowEditsThatChangeTheirNumber() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        for number in 1...28 { try project.write("content/nhiem-vu-\(number).md", Self.citingPlan(number)) }
        var builder = IncrementalBuilder(root: project.root)
        #expect(builder.rebuild().succeeded)
        #expect(builder.output == project.fullBuild().0)
        let steps: [Step] = [
            Step(name: "add plans until the index needs a second page") { project in
                let paths = (29...40).map { "content/nhiem-vu-\($0).md" }
                for (number, path) in zip(29...40, paths) { try project.write(path, Self.citingPlan(number)) }
                return paths
            },
            Self.replacing("content/nhiem-vu-3.md", "Nghị quyết số 30-NQ/TU", "Nghị quyết số 999-NQ/TU"),
            Self.replacing("content/nhiem-vu-40.md", "Nghị quyết số 400-NQ/TU", "Chỉ thị số 400-CT/TU"),
            Step(name: "delete plans until one page is enough again") { project in
                let paths = (20...40).map { "content/nhiem-vu-\($0).md" }
                for path in paths { try project.delete(path) }
                return paths
            },
        ]
        var pageCounts: [Int] = []
        for step in steps {
            let paths = try step.change(project)
            let update = builder.update(changedPaths: paths)
            let (full, _) = project.fullBuild()
            #expect(update.succeeded, "\(step.name)")
            #expect(builder.output.paths == full.paths, "\(step.name): the files differ")
            let different = full.paths.filter { builder.output.files[$0] != full.files[$0] }
            #expect(different.isEmpty, "\(step.name): these files differ from a full build: \(different)")
            pageCounts.append(full.paths.filter { $0.hasPrefix("van-ban/") }.count)
        }
        #expect(pageCounts.first ?? 0 > 1 && pageCounts.last == 1, "pages of the cited-documents index: \(pageCounts)")
    }

    @Test func aParagraphEditRendersOnlyThePagesThatShowIt() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        var builder = IncrementalBuilder(root: project.root)
        _ = builder.rebuild()
        let total = builder.output.files.count
        // Point 2.2 is a theme of the plan without citations or dates: its theme page and the
        // plan's page change; the indexes do not show its text.
        let paths = try Self.replacing(Self.planPath, "2.2. Tiếp tục đổi mới, hoàn thiện", "2.2. Tiếp tục đổi mới mạnh mẽ, hoàn thiện")
            .change(project)
        let update = builder.update(changedPaths: paths)
        #expect(update.succeeded)
        #expect(update.reloadedDocuments == 1)
        let rendered = Set(update.renderedPaths)
        for page in ["ke-hoach-2023/index.html", "ke-hoach-2023/ii-2-2.html", "ke-hoach-2023/ii-2-1.html",
                     "ke-hoach-2023/ii-2-3.html", "chu-de/index.html"] {
            #expect(rendered.contains(page), "\(page) shows the edited text")
        }
        for page in ["index.html", "van-ban/index.html", "co-quan/index.html", "moc-thoi-gian/index.html",
                     "ke-hoach-2023-de-cuong/index.html", "404.html", "assets/style.css"] {
            #expect(!rendered.contains(page), "\(page) does not show the edited text")
        }
        #expect(update.renderedFiles < total, "rendered \(update.renderedFiles) of \(total) files")
        #expect(builder.output == project.fullBuild().0)
    }

    @Test func aBodyEditIsPublishedBeforeLinkingThenLinked() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        var builder = IncrementalBuilder(root: project.root)
        _ = builder.rebuild()
        _ = builder.output  // every page and the search index made, as after browsing
        let page = "ke-hoach-2023/index.html"
        // The second sentence of theme 2.4: its title, numbers and citations stay the same.
        let paths = try Self.replacing(Self.planPath, "Tăng cường công khai, minh bạch", "Tăng cường hơn nữa công khai, minh bạch")
            .change(project)
        let quick = builder.updateQuickly(changedPaths: paths + ["content/ke-hoach-2023/.ke-hoach.md.swp"])
        #expect(quick?.renderedPaths == [page])
        let shown = String(decoding: try #require(builder.current?.file(page)), as: UTF8.self)
        #expect(shown.contains("Tăng cường hơn nữa công khai, minh bạch"), "the page shows the edit at once")
        let rest = builder.finishUpdate()
        #expect(rest.succeeded)
        #expect(!rest.renderedPaths.contains(page), "the page rendered in the first step is kept")
        #expect(rest.renderedPaths.contains("ke-hoach-2023/ii-2-4.html"), "the theme page shows the sentence too")
        #expect(builder.output == project.fullBuild().0, "differs from a full build after the quick update")

        // Saves that change more than their page take the whole way.
        let renumbered = try Self.replacing(Self.planPath, "1.4. Tăng cường củng cố", "1.9. Tăng cường củng cố").change(project)
        #expect(builder.updateQuickly(changedPaths: renumbered) == nil)
        let cited = try Self.replacing(Self.planPath, "Tích cực phát hiện những mô hình mới", "Theo Nghị quyết số 99-NQ/TW, tích cực phát hiện những mô hình mới")
            .change(project)
        #expect(builder.updateQuickly(changedPaths: cited) == nil)
        #expect(builder.updateQuickly(changedPaths: ["templates/layout.mustache"]) == nil)
        _ = builder.update(changedPaths: renumbered + cited)
        #expect(builder.output == project.fullBuild().0, "differs from a full build after the last update")
    }

    @Test func errorsKeepTheLastGoodOutputAndAFixRestoresAFullBuild() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        var builder = IncrementalBuilder(root: project.root)
        _ = builder.rebuild()
        let good = builder.output
        try project.write("templates/layout.mustache", "<html>{{#broken}}<body>{{$content}}{{/content}}</body></html>\n")
        let broken = builder.update(changedPaths: ["templates/layout.mustache"])
        #expect(!broken.succeeded)
        #expect(broken.changed)
        #expect(builder.hasErrors)
        #expect(builder.output == good)
        #expect(builder.diagnostics.contains { $0.file == "templates/layout.mustache" && $0.location != nil })
        // An edit while broken, then the fix: the result is a full build of the final files.
        _ = try Self.replacing(Self.planPath, "2.7. Vai trò tiên phong", "2.7. Vai trò tiên phong hơn").change(project)
        #expect(!builder.update(changedPaths: [Self.planPath]).succeeded)
        try project.delete("templates/layout.mustache")
        let fixed = builder.update(changedPaths: ["templates/layout.mustache"])
        #expect(fixed.succeeded)
        #expect(!builder.hasErrors)
        #expect(builder.output == project.fullBuild().0)
    }

    @Test func renderingThroughThePlanEqualsTheRenderer() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let builder = SiteBuilder(root: project.root)
        let site = builder.loadSite()
        let renderer = SiteRenderer(baseURL: "https://example.org/kh/")
        let plan = renderer.plan(site)
        let rendered = renderer.render(site).site
        #expect(Set(plan.paths) == Set(rendered.paths))
        #expect(rendered.files["sitemap.xml"] != nil)
        let documentPage = plan.pages.first { $0.path == "ke-hoach-2023/index.html" }
        #expect(documentPage?.dependencies.contains(.document("ke-hoach-2023")) == true)
    }
}
