import ArgumentParser
import DecuongCore

@main
struct Decuong: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decuong",
        abstract: "Build websites and offline bundles from Vietnamese plan documents (kế hoạch) and their outlines (đề cương).",
        version: DecuongVersion.current
    )
}
