import ArgumentParser
import DecuongBundle
import DecuongCore
import Foundation

/// `decuong bundle`: the site as one zip for party cells, with a manifest of hashes, an
/// optional signature, and optionally each document as one self-contained HTML file.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Pack the site into a zip to open from disk, with MANIFEST.sha256 and an optional signature."
    )

    @Option(name: .long, help: "The project folder (with content/). Default: the current folder.")
    var root: String = "."

    @Option(name: .long, help: "The zip to write. Default: <site>-<date>.zip in the project folder.")
    var output: String?

    @Option(name: .long, help: "Bundle only this document (its slug, e.g. ke-hoach-2023) with its attachments.")
    var document: String?

    @Option(name: .long, help: "Sign the bundle with this private key (decuong.key from `decuong keygen`).")
    var sign: String?

    @Flag(name: .customLong("single-file"), help: "Also write each document as one self-contained HTML file.")
    var singleFile = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root)
        let formatter = DiagnosticFormatter()
        var key: SigningKey?
        if let sign {
            do {
                key = try SigningKey.read(URL(fileURLWithPath: sign), display: sign)
            } catch {
                FileHandle.standardError.write(Data((formatter.format(error.diagnostic) + "\n").utf8))
                throw ExitCode(1)
            }
        }
        let builder = BundleBuilder(root: rootURL, document: document, signingKey: key, singleFile: singleFile)
        let zipName = output.map { URL(fileURLWithPath: $0).lastPathComponent }
        let result: BundleBuilder.Output
        do {
            result = try builder.build(zipName: zipName)
        } catch {
            switch error {
            case .content(let diagnostics):
                let shown = diagnostics.filter { $0.severity != .note }
                FileHandle.standardError.write(Data((formatter.format(shown) + "\n").utf8))
                print("Bundle failed: content/ has errors; nothing was written")
                throw ExitCode(1)
            case .usage(let diagnostic):
                FileHandle.standardError.write(Data((formatter.format(diagnostic) + "\n").utf8))
                throw ExitCode(2)
            case .other(let diagnostic):
                FileHandle.standardError.write(Data((formatter.format(diagnostic) + "\n").utf8))
                throw ExitCode(1)
            }
        }
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        if !warnings.isEmpty { FileHandle.standardError.write(Data((formatter.format(warnings) + "\n").utf8)) }
        let zipURL = output.map { URL(fileURLWithPath: $0) } ?? rootURL.appendingPathComponent(result.suggestedName)
        let shownZip = output ?? (root == "." ? result.suggestedName : "\(root)/\(result.suggestedName)")
        do {
            try Data(result.zip).write(to: zipURL, options: .atomic)
            if singleFile {
                let folder = zipURL.deletingPathExtension().appendingPathExtension("mot-tep")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (name, bytes) in result.singleFiles {
                    try Data(bytes).write(to: folder.appendingPathComponent(name), options: .atomic)
                }
            }
        } catch {
            let diagnostic = Diagnostic.error("bundle.write", "cannot write \(shownZip): \(error.localizedDescription)",
                                              file: shownZip, hint: "check that the folder exists and is writable")
            FileHandle.standardError.write(Data((formatter.format(diagnostic) + "\n").utf8))
            throw ExitCode(1)
        }
        let signed = key.map { " signed (key fingerprint \($0.publicKey.fingerprint))," } ?? ""
        print("Bundled \(result.files.count) files,\(signed) \(result.zip.count) bytes → \(shownZip)")
        if singleFile {
            let folder = (shownZip.hasSuffix(".zip") ? String(shownZip.dropLast(4)) : shownZip) + ".mot-tep"
            print("Wrote \(result.singleFiles.count) single-file document\(result.singleFiles.count == 1 ? "" : "s") → \(folder)/")
        }
    }
}
