import ArgumentParser
import DecuongContent
import DecuongCore
import DecuongStructure
import Foundation

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the structure decuong recognizes in one document."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tree, json
    }

    @Argument(help: "The Markdown or text file to read.")
    var file: String

    @Option(help: "tree (a readable outline) or json (the machine-readable contract).")
    var format: Format = .tree

    func run() throws {
        let source: SourceFile
        do {
            source = try SourceFileLoader.load(contentsOf: URL(fileURLWithPath: file), displayPath: file)
        } catch {
            FileHandle.standardError.write(Data((DiagnosticFormatter().format(error.diagnostic) + "\n").utf8))
            throw ExitCode(1)
        }
        let document = Recognizer().recognize(source)
        switch format {
        case .tree:
            print(OutlineTree.render(document))
            if !document.diagnostics.isEmpty {
                FileHandle.standardError.write(Data((DiagnosticFormatter().format(document.diagnostics) + "\n").utf8))
            }
        case .json:
            print(InspectReport.json(document))
        }
        if document.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
