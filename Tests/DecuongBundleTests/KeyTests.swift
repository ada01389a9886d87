@testable import DecuongBundle
import DecuongCore
import Foundation
import Testing

/// `decuong keygen`: the key files, their modes, and refusing to overwrite.
@Suite struct KeyTests {
    @Test func keygenWritesAPrivateKeyOnlyTheOwnerCanRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.url.appendingPathComponent("khoa")
        let key = SigningKey(signer: "Ban Tổ chức")
        try key.write(to: out, display: "khoa")
        let privatePath = out.appendingPathComponent("decuong.key").path
        let attributes = try FileManager.default.attributesOfItem(atPath: privatePath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let read = try SigningKey.read(URL(fileURLWithPath: privatePath), display: "khoa/decuong.key")
        #expect(read.publicKey == key.publicKey && read.signer == "Ban Tổ chức")
        let pub = try PublicKey.read(out.appendingPathComponent("decuong.pub"), display: "khoa/decuong.pub")
        #expect(pub == key.publicKey)
        #expect(pub.fingerprint.split(separator: " ").count == 16)

        // A second keygen into the same folder changes nothing.
        let before = try Data(contentsOf: URL(fileURLWithPath: privatePath))
        #expect(throws: DiagnosticError.self) { try SigningKey(signer: "x").write(to: out, display: "khoa") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: privatePath)) == before)
    }

    @Test func keysAreCheckedForWhatTheyAre() throws {
        let key = SigningKey(signer: "A")
        #expect(throws: DiagnosticError.self) { try PublicKey.parse(key.fileText, file: "k") }
        #expect(throws: DiagnosticError.self) { try SigningKey.parse(key.publicKey.fileText, file: "k") }
        #expect(throws: DiagnosticError.self) { try PublicKey.parse("type: decuong-ed25519-public-key\nkey: abc\n", file: "k") }
        let message = Array("MANIFEST".utf8)
        let signature = try key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!SigningKey(signer: "B").publicKey.isValidSignature(signature, for: message))
    }
}
