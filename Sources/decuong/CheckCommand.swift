import ArgumentParser
import DecuongCore
import DecuongSite
import Foundation

/// `decuong check`: everything a build would report, plus links, theme coverage and
/// citations of documents that are not in the site, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content/ and the site it gives (links, anchors, themes, citations) without writing it."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "The project folder (with content/). Default: the current folder.")
    var root: String = "."

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let report = SiteBuilder(root: URL(fileURLWithPath: root)).check(strict: strict)
        let diagnostics = report.sortedDiagnostics
        switch format {
        case .text:
            if !diagnostics.isEmpty { print(DiagnosticFormatter().format(diagnostics)) }
            print("Checked \(report.documentCount) document\(report.documentCount == 1 ? "" : "s"), "
                + "\(report.pageCount) pages: \(report.errorCount) errors, \(report.warningCount) warnings, \(report.noteCount) notes")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let summary = CheckOutput(diagnostics: diagnostics, errors: report.errorCount, warnings: report.warningCount,
                                      notes: report.noteCount, documents: report.documentCount, pages: report.pageCount,
                                      ok: !report.failed)
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        }
        BuildCommand.exitKeeping(report, code: report.failed ? 1 : 0)
    }
}

/// The JSON form of a check.
struct CheckOutput: Encodable {
    var diagnostics: [Diagnostic]
    var errors: Int
    var warnings: Int
    var notes: Int
    var documents: Int
    var pages: Int
    var ok: Bool
}
