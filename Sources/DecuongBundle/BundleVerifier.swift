import DecuongCore

/// The library API behind `decuong verify`: reads a bundle in memory (never unpacking it to
/// disk), checks every file against `MANIFEST.sha256` and the signature against the key.
public struct BundleVerifier: Sendable {
    public var limits: BundleLimits

    public init(limits: BundleLimits = .standard) {
        self.limits = limits
    }

    public struct Report: Sendable {
        /// Every problem found, one per file; errors make the bundle fail.
        public var diagnostics: [Diagnostic] = []
        /// Files listed in the manifest.
        public var fileCount = 0
        /// The key the manifest was signed with, when the signature is valid.
        public var signedBy: PublicKey?

        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Checks `bytes` (a zip) named `name` in messages, against `key` when given.
    public func verify(_ bytes: [UInt8], name: String, key: PublicKey? = nil) -> Report {
        var report = Report()
        let files: [String: [UInt8]]
        do {
            files = try SafeZipReader(limits: limits, displayName: name).read(bytes)
        } catch {
            report.diagnostics.append(error.diagnostic)
            return report
        }
        func problem(_ code: String, _ message: String, hint: String) {
            report.diagnostics.append(.error(code, message, file: name, hint: hint))
        }
        guard let manifestBytes = files[BundleBuilder.manifestPath] else {
            problem("verify.no-manifest", "the bundle has no \(BundleBuilder.manifestPath)",
                    hint: "this is not a decuong bundle, or the manifest was removed; ask for the original bundle")
            return report
        }
        guard let manifest = Manifest.parse(String(decoding: manifestBytes, as: UTF8.self)) else {
            problem("verify.bad-manifest", "\(BundleBuilder.manifestPath) is damaged (a line is not `hash  path`)",
                    hint: "ask for the original bundle")
            return report
        }
        report.fileCount = manifest.entries.count

        // The signature first: when it fails, the hashes below say nothing about who made the files.
        let signatureBytes = files[BundleSignature.fileName]
        if let signatureBytes {
            if let signature = BundleSignature.parse(String(decoding: signatureBytes, as: UTF8.self)) {
                if let key, key.raw != signature.publicKey.raw {
                    problem("verify.wrong-key",
                            "the bundle was signed with another key (fingerprint \(signature.publicKey.fingerprint)), "
                                + "not with the given key (fingerprint \(key.fingerprint))",
                            hint: "the bundle did not come from the holder of this key; ask the issuing office for the original")
                } else if signature.isValid(for: manifestBytes, key: key) {
                    report.signedBy = key.map { given in
                        PublicKey(raw: given.raw, signer: given.signer.isEmpty ? signature.publicKey.signer : given.signer)
                    } ?? signature.publicKey
                    if key == nil {
                        report.diagnostics.append(Diagnostic(
                            severity: .note, code: "verify.embedded-key", file: name,
                            message: "the signature was checked with the key inside the bundle (fingerprint \(signature.publicKey.fingerprint))",
                            hint: "to know who signed it, pass the signer's own key: --key decuong.pub"))
                    }
                } else {
                    problem("verify.bad-signature", "the signature does not match \(BundleBuilder.manifestPath)",
                            hint: "the manifest was changed after signing; do not trust this bundle")
                }
            } else {
                problem("verify.bad-signature-file", "\(BundleSignature.fileName) is damaged", hint: "ask for the original bundle")
            }
        } else if key != nil {
            problem("verify.unsigned", "the bundle is not signed, so it cannot be checked against the key",
                    hint: "ask the issuing office for a signed bundle (decuong bundle --sign KEY)")
        } else {
            report.diagnostics.append(Diagnostic(severity: .note, code: "verify.unsigned", file: name,
                                                 message: "the bundle is not signed: only completeness and integrity were checked"))
        }

        for path in manifest.entries.keys.sorted() {
            guard let bytes = files[path] else {
                problem("verify.missing", "`\(path)` is missing", hint: "a file listed in \(BundleBuilder.manifestPath) was removed")
                continue
            }
            if Manifest.hash(bytes) != manifest.entries[path] {
                problem("verify.altered", "`\(path)` was altered: its SHA-256 differs from \(BundleBuilder.manifestPath)",
                        hint: "the file was changed after the bundle was made; do not trust it")
            }
        }
        let own: Set<String> = [BundleBuilder.manifestPath, BundleSignature.fileName]
        for path in files.keys.sorted() where manifest.entries[path] == nil && !own.contains(path) {
            problem("verify.extra", "`\(path)` is not listed in \(BundleBuilder.manifestPath)",
                    hint: "a file was added after the bundle was made; do not open it")
        }
        return report
    }
}
