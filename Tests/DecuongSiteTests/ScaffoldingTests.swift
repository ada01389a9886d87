import DecuongCore
import DecuongSite
import Foundation
import Testing

@Suite struct ScaffoldingTests {
    @Test func outlineSkeletonMatchesEveryThemeAndRefusesToOverwrite() throws {
        var files = Fixtures.project()
        files["content/ke-hoach-thu/de-cuong.md"] = nil
        let project = try FixtureProject(files)
        defer { project.remove() }
        let plan = project.root.appendingPathComponent("content/ke-hoach-thu/ke-hoach.md")
        let created = try OutlineSkeleton.create(forPlanAt: plan, displayPath: "content/ke-hoach-thu/ke-hoach.md")
        let text = try String(contentsOf: created, encoding: .utf8)
        #expect(text.contains("ĐỀ CƯƠNG\ntuyên truyền thử nghiệm năm 2023"))
        #expect(text.contains("(Kèm theo Kế hoạch số 12-KH/TU ngày 10/5/2023"))
        #expect(text.contains("bản khung"))
        #expect(text.contains("Văn bản liên quan: Nghị quyết số 35-NQ/TW"))
        #expect(throws: DiagnosticError.self) {
            try OutlineSkeleton.create(forPlanAt: plan, displayPath: "content/ke-hoach-thu/ke-hoach.md")
        }
        let (site, _, _) = project.render()
        #expect(site.themes.count == 2)
        #expect(site.themes.allSatisfy { $0.outline?.method == .number })
    }

    @Test func initCreatesAProjectThatBuilds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decuong-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ProjectScaffold.create(at: folder, displayPath: "moi")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("templates/layout.mustache").path))
        let builder = SiteBuilder(root: folder)
        let site = builder.loadSite()
        #expect(!site.hasErrors, "\(DiagnosticFormatter().format(site.diagnostics))")
        #expect(site.themes.count == 2)
        #expect(LinkChecker().check(builder.render(site).site).isEmpty)
        #expect(throws: DiagnosticError.self) { try ProjectScaffold.create(at: folder, displayPath: "moi") }
    }
}
