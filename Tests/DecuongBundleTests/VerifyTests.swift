@testable import DecuongBundle
import DecuongCore
import DecuongSite
import Foundation
import Testing

/// `decuong verify`: a fresh signed bundle passes; a changed byte, a removed or added file,
/// another key, or a changed manifest fail, each named.
@Suite struct VerifyTests {
    static let key = SigningKey(signer: "Ban Tổ chức Thành ủy Cần Thơ")
    static let output: BundleBuilder.Output? = try? BundleBuilder(root: Repo.root, signingKey: key)
        .bundle(site: Seed.site, rendered: Seed.rendered, zipName: "b.zip")

    func files() throws -> [String: [UInt8]] { try #require(Self.output).files }

    func verify(_ files: [String: [UInt8]], key: PublicKey? = VerifyTests.key.publicKey) throws -> BundleVerifier.Report {
        BundleVerifier().verify(try ZipWriter().archive(files), name: "b.zip", key: key)
    }

    func codes(_ report: BundleVerifier.Report) -> [String] {
        report.diagnostics.filter { $0.severity == .error }.map(\.code)
    }

    @Test func freshSignedBundlePasses() throws {
        let report = BundleVerifier().verify(try #require(Self.output).zip, name: "b.zip", key: Self.key.publicKey)
        #expect(!report.failed, "\(DiagnosticFormatter().format(report.diagnostics))")
        #expect(report.signedBy?.fingerprint == Self.key.publicKey.fingerprint)
        #expect(report.signedBy?.signer == "Ban Tổ chức Thành ủy Cần Thơ")
        #expect(report.fileCount == (try files()).count - 2)
        // Without --key: checked with the key inside, and said so.
        let embedded = BundleVerifier().verify(try #require(Self.output).zip, name: "b.zip")
        #expect(!embedded.failed && embedded.diagnostics.contains { $0.code == "verify.embedded-key" })
    }

    @Test func oneChangedByteIsNamed() throws {
        var files = try files()
        var page = try #require(files["ke-hoach-2023/index.html"])
        page[page.count / 2] ^= 0x01
        files["ke-hoach-2023/index.html"] = page
        let report = try verify(files)
        #expect(report.failed && codes(report) == ["verify.altered"])
        #expect(report.diagnostics.contains { $0.message.contains("`ke-hoach-2023/index.html` was altered") })
    }

    @Test func removedFileIsNamed() throws {
        var files = try files()
        files["assets/search.js"] = nil
        let report = try verify(files)
        #expect(codes(report) == ["verify.missing"])
        #expect(report.diagnostics.contains { $0.message.contains("`assets/search.js` is missing") })
    }

    @Test func addedFileIsNamed() throws {
        var files = try files()
        files["ke-hoach-2023/virus.html"] = Array("<script>".utf8)
        let report = try verify(files)
        #expect(codes(report) == ["verify.extra"])
        #expect(report.diagnostics.contains { $0.message.contains("`ke-hoach-2023/virus.html`") })
    }

    @Test func anotherKeyFails() throws {
        let other = SigningKey(signer: "Kẻ giả mạo")
        let report = try verify(try files(), key: other.publicKey)
        #expect(codes(report) == ["verify.wrong-key"])
        #expect(report.diagnostics.contains { $0.message.contains(other.publicKey.fingerprint) })
    }

    @Test func resignedByAnotherKeyFailsAgainstTheRealKey() throws {
        // An attacker changes a page, rewrites the manifest and signs it with their own key.
        var files = try files()
        files["index.html"] = Array("<p>giả</p>".utf8)
        files["MANIFEST.sha256"] = nil
        files["MANIFEST.sha256.sig"] = nil
        let manifest = Array(Manifest(files: files).text.utf8)
        files["MANIFEST.sha256"] = manifest
        let forger = SigningKey(signer: "Ban Tổ chức Thành ủy Cần Thơ")
        files["MANIFEST.sha256.sig"] = Array(try BundleSignature(signing: manifest, with: forger).fileText.utf8)
        #expect(codes(try verify(files)) == ["verify.wrong-key"])
        // A manifest edited without re-signing breaks the signature.
        var edited = try self.files()
        edited["index.html"] = Array("<p>giả</p>".utf8)
        var lines = String(decoding: try #require(edited["MANIFEST.sha256"]), as: UTF8.self)
        let realHash = Manifest.hash(try #require(try self.files()["index.html"]))
        lines = lines.replacingOccurrences(of: realHash, with: Manifest.hash(Array("<p>giả</p>".utf8)))
        edited["MANIFEST.sha256"] = Array(lines.utf8)
        #expect(codes(try verify(edited)) == ["verify.bad-signature"])
    }

    @Test func unsignedBundleFailsWithAKeyAndPassesWithout() throws {
        let unsigned = try BundleBuilder(root: Repo.root).bundle(site: Seed.site, rendered: Seed.rendered, zipName: "u.zip")
        #expect(codes(BundleVerifier().verify(unsigned.zip, name: "u.zip", key: Self.key.publicKey)) == ["verify.unsigned"])
        let report = BundleVerifier().verify(unsigned.zip, name: "u.zip")
        #expect(!report.failed && report.signedBy == nil)
    }

    @Test func notAZipAndNoManifest() throws {
        #expect(codes(BundleVerifier().verify(Array("hello".utf8), name: "x.zip")) == ["bundle.not-zip"])
        #expect(codes(try verify(["index.html": [1, 2, 3]], key: nil)) == ["verify.no-manifest"])
    }
}
