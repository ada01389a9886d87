import DecuongCore
import DecuongContent
@testable import DecuongSite
import Testing

/// What `build` and `check` print: the counts by severity, and the warnings and errors
/// (never the notes, which a large site has by the ten thousand) in file, line and column
/// order, errors before warnings at one place, the rest in the order found.
@Suite struct BuildReportCountsTests {
    static func note(_ file: String, _ line: Int) -> Diagnostic {
        Diagnostic(severity: .note, code: "citation.not-in-site", file: file, location: SourceLocation(line: line, column: 1),
                   message: "ghi chú \(line)", hint: nil)
    }

    @Test func countsAndShownDiagnostics() {
        let diagnostics: [Diagnostic] = [
            Self.note("content/b.md", 1),
            .warning("numbering.duplicate-section", "mục lặp", file: "content/b.md", at: SourceLocation(line: 9, column: 2)),
            .error("content.slug-collision", "trùng tên", file: "content/a.md"),
            Self.note("content/a.md", 3),
            .warning("date.impossible", "ngày sai", file: "content/b.md", at: SourceLocation(line: 4, column: 7)),
            .error("file.unreadable", "không đọc được", file: "content/b.md", at: SourceLocation(line: 9, column: 2)),
            .warning("site.no-config", "thiếu site.yml"),
            Self.note("content/c.md", 2),
            .warning("date.impossible", "ngày sai lần hai", file: "content/b.md", at: SourceLocation(line: 4, column: 7)),
        ]
        var report = BuildReport(site: Site(config: SiteConfig()), rendered: RenderedSite(), diagnostics: diagnostics, strict: false)
        #expect(report.errorCount == 2)
        #expect(report.warningCount == 4)
        #expect(report.noteCount == 3)
        #expect(report.failed)
        #expect(report.sortedWarningsAndErrors.map(\.message) == [
            "thiếu site.yml", "trùng tên", "ngày sai", "ngày sai lần hai", "không đọc được", "mục lặp",
        ])
        report.diagnostics = diagnostics.filter { $0.severity != .error }
        #expect(!report.failed)
        report.strict = true
        #expect(report.failed)
        report.diagnostics = diagnostics.filter { $0.severity == .note }
        #expect(!report.failed && report.errorCount == 0 && report.warningCount == 0 && report.noteCount == 3)
        #expect(report.sortedWarningsAndErrors.isEmpty)
    }
}
