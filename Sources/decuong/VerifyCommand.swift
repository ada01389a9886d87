import ArgumentParser
import DecuongBundle
import DecuongCore
import Foundation

/// `decuong verify`: checks a bundle's files against its manifest and its signature against
/// a key, in memory; never unpacks anything to disk.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a bundle is complete, unchanged and signed by the given key."
    )

    @Argument(help: "The bundle (a .zip made by `decuong bundle`).")
    var file: String

    @Option(name: .long, help: "The signer's public key (decuong.pub). Without it, the key inside the bundle is used.")
    var key: String?

    func run() throws {
        let formatter = DiagnosticFormatter()
        var publicKey: PublicKey?
        if let key {
            do {
                publicKey = try PublicKey.read(URL(fileURLWithPath: key), display: key)
            } catch {
                FileHandle.standardError.write(Data((formatter.format(error.diagnostic) + "\n").utf8))
                throw ExitCode(1)
            }
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            let diagnostic = Diagnostic.error("verify.unreadable", "cannot read \(file)", file: file,
                                              hint: "check the path of the bundle")
            FileHandle.standardError.write(Data((formatter.format(diagnostic) + "\n").utf8))
            throw ExitCode(1)
        }
        let report = BundleVerifier().verify([UInt8](data), name: file, key: publicKey)
        if !report.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((formatter.format(report.diagnostics) + "\n").utf8))
        }
        guard !report.failed else {
            let count = report.diagnostics.filter { $0.severity == .error }.count
            print("FAILED: \(count) problem\(count == 1 ? "" : "s") in \(file); do not trust this bundle")
            throw ExitCode(1)
        }
        var line = "OK: \(report.fileCount) files match MANIFEST.sha256"
        if let signer = report.signedBy {
            let name = signer.signer.isEmpty ? "" : " by \(signer.signer)"
            line += "; signature\(name) is valid (key fingerprint \(signer.fingerprint))"
        } else {
            line += "; not signed"
        }
        print(line)
    }
}
