import ArgumentParser
import DecuongCore
import DecuongSite
import Foundation

/// `decuong init DIR`: a new site project.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site project: content/site.yml, an example plan, and the theme in templates/."
    )

    @Argument(help: "The folder to create.")
    var directory: String

    func run() throws {
        do {
            try ProjectScaffold.create(at: URL(fileURLWithPath: directory), displayPath: directory)
        } catch {
            FileHandle.standardError.write(Data((DiagnosticFormatter().format(error.diagnostic) + "\n").utf8))
            throw ExitCode(1)
        }
        print("Created \(directory)/: edit content/, then run `decuong build --root \(directory)`")
    }
}
