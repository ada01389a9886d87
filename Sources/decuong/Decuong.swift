import ArgumentParser
import DecuongCore
import Foundation

@main
struct Decuong: AsyncParsableCommand {
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
            BundleCommand.self,
            VerifyCommand.self,
            KeygenCommand.self,
            ServeCommand.self,
        ]
    )

    /// The exit codes of DESIGN.md §6: 0 success, 1 the input has errors, 2 bad usage.
    /// ArgumentParser reports bad usage as 64 (EX_USAGE); we say 2, like most tools.
    /// Async because `serve` runs a server; the other commands run as before.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
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
