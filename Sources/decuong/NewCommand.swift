import ArgumentParser
import DecuongCore
import DecuongSite
import Foundation

/// `decuong new …`: skeletons of new documents.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new document from a template.",
        subcommands: [NewOutlineCommand.self]
    )
}

/// `decuong new outline PLAN.md`: the outline skeleton next to the plan.
struct NewOutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Write de-cuong.md next to a plan: one section per theme, to be filled in."
    )

    @Argument(help: "The plan's Markdown file, e.g. content/ke-hoach-2023/ke-hoach.md.")
    var plan: String

    func run() throws {
        let url = URL(fileURLWithPath: plan)
        guard FileManager.default.fileExists(atPath: url.path) else {
            FileHandle.standardError.write(Data("error: \(plan) does not exist\n  hint: give the path of the plan's .md file\n".utf8))
            throw ExitCode(2)
        }
        do {
            let created = try OutlineSkeleton.create(forPlanAt: url, displayPath: plan)
            let shown = (plan as NSString).deletingLastPathComponent
            print("Wrote \(shown.isEmpty ? "" : shown + "/")\(created.lastPathComponent): the outline skeleton, one section per theme")
        } catch {
            FileHandle.standardError.write(Data((DiagnosticFormatter().format(error.diagnostic) + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
