import ArgumentParser
import DecuongCore
import DecuongSite
import Foundation

/// `decuong build`: the site from `content/` into `site/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the website from content/ into site/ (or --output)."
    )

    @Option(name: .long, help: "The project folder (with content/). Default: the current folder.")
    var root: String = "."

    @Option(name: .long, help: "Where to write the site. Default: site inside the project folder.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The address the site is published at, for sitemap.xml and feed.xml.")
    var baseURL: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let started = Date()
        let rootURL = URL(fileURLWithPath: root)
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? rootURL.appendingPathComponent("site")
        if let baseURL, URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw CommandFailure.usage("--base-url must be an http(s) address, e.g. https://example.org/ke-hoach/").exit()
        }
        let shownOutput = output ?? (root == "." ? "site" : "\(root)/site")
        let progress = ProgressLine(started: started)
        let report = SiteBuilder(root: rootURL).build(output: outputURL, outputDisplayPath: shownOutput,
                                                      baseURL: baseURL, strict: strict, progress: progress.show)
        progress.clear()
        let shown = report.sortedWarningsAndErrors
        if !shown.isEmpty {
            FileHandle.standardError.write(Data((DiagnosticFormatter().format(shown) + "\n").utf8))
        }
        let seconds = Date().timeIntervalSince(started)
        let time = String(format: "%.2f s", seconds)
        let warnings = "\(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
        if report.wrote {
            // After a rebuild, how much of the site is new: what a deployment will send.
            let kept = report.files.kept > 0 ? " (\(report.files.files - report.files.kept) of \(report.files.files) files changed)" : ""
            print("Built \(report.documentCount) document\(report.documentCount == 1 ? "" : "s"), \(report.pageCount) pages, \(warnings) in \(time) → \(shownOutput)/\(kept)")
        } else {
            print("Build failed: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(warnings) in \(time); \(shownOutput)/ was not changed")
        }
        Self.exitKeeping(report, code: report.wrote ? 0 : 1)
    }

    /// Ends the process with the site still in memory: the system takes the memory back at
    /// once, where releasing the site object by object took 1.3 s at 10,000 documents, after
    /// the last file was written. Output is flushed first.
    static func exitKeeping(_ report: BuildReport, code: Int32) -> Never {
        keptAtExit.withLock { $0 = report }
        fflush(nil)
        Foundation.exit(code)
    }

    private static let keptAtExit = SharedValue<BuildReport?>(nil)

    /// Whether the process is ending through `exitKeeping`.
    static var isExitingWithSite: Bool { keptAtExit.withLock { $0 != nil } }
}

/// LeakSanitizer asks this at exit (under `--sanitize=address`; unused otherwise). A process
/// that ends on purpose with its site in memory has nothing to report; its scan at that point
/// took some arrays of the site (table rows) for leaks, which a full teardown frees.
@_cdecl("__lsan_is_turned_off")
func leakCheckIsTurnedOff() -> Int32 {
    BuildCommand.isExitingWithSite ? 1 : 0
}

/// A one-line progress display, shown only on a terminal and only once a build has taken
/// more than a second (short builds and logs stay clean).
final class ProgressLine {
    private let started: Date
    private let enabled = isatty(STDOUT_FILENO) == 1
    private var shown = false

    init(started: Date) {
        self.started = started
    }

    func show(_ stage: SiteBuilder.Stage) {
        guard enabled, Date().timeIntervalSince(started) > 1 else { return }
        let text = switch stage {
        case .loading(let done, let total): "reading documents \(done)/\(total)"
        case .indexing: "making the search index"
        case .linking: "linking citations, organizations and dates"
        case .rendering(let done, let total): "rendering pages \(done)/\(total)"
        case .writing: "writing the site"
        }
        // Unbuffered, so the line appears at once; only ever on a terminal.
        FileHandle.standardOutput.write(Data("\r\u{1B}[2K\(text)".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
    }
}

/// Failures the commands report themselves, with the exit codes of DESIGN.md §6.
enum CommandFailure: Error, CustomStringConvertible {
    case usage(String)
    case input(String)

    var description: String {
        switch self {
        case .usage(let message), .input(let message): message
        }
    }
}

extension CommandFailure {
    /// Prints the message and exits with 2 (bad usage) or 1 (bad input).
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("error: \(description)\n".utf8))
        switch self {
        case .usage: return ExitCode(2)
        case .input: return ExitCode(1)
        }
    }
}
