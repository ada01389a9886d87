import ArgumentParser
import DecuongBundle
import DecuongCore
import Foundation

/// `decuong keygen`: an Ed25519 key pair for signing bundles.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make a key pair for signing bundles: DIR/decuong.key (secret) and DIR/decuong.pub (to share)."
    )

    @Option(name: .long, help: "The folder to write decuong.key and decuong.pub into.")
    var out: String

    @Option(name: .long, help: "Who signs with this key, shown in every signed bundle (e.g. \"Ban Tổ chức Thành ủy Cần Thơ\").")
    var signer: String = ""

    func run() throws {
        let key = SigningKey(signer: signer)
        do {
            try key.write(to: URL(fileURLWithPath: out), display: out)
        } catch {
            FileHandle.standardError.write(Data((DiagnosticFormatter().format(error.diagnostic) + "\n").utf8))
            throw ExitCode(1)
        }
        print("Wrote \(out)/\(SigningKey.privateFileName) (secret, mode 600) and \(out)/\(SigningKey.publicFileName)")
        print("Key fingerprint: \(key.publicKey.fingerprint)")
        print("Keep decuong.key safe; give decuong.pub and the fingerprint to those who will verify your bundles.")
    }
}
