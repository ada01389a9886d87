import ArgumentParser
import DecuongCore
import Foundation

@main
struct Decuong: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decuong",
        abstract: "Build websites and offline bundles from Vietnamese plan documents (kế hoạch) and their outlines (đề cương).",
        version: DecuongVersion.current,
        subcommands: [
            InspectCommand.self,
            BuildCommand.self,
            CheckCommand.self,
            NewCommand.self,
            InitCommand.self,
        ]
    )

    /// The exit codes of DESIGN.md §6: 0 success, 1 the input has errors, 2 bad usage.
    /// ArgumentParser reports bad usage as 64 (EX_USAGE); we say 2, like most tools.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
