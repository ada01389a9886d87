import DecuongCore
import Foundation

/// `MANIFEST.sha256.sig`: an Ed25519 signature over the exact bytes of `MANIFEST.sha256`,
/// with the public key that made it. The manifest holds the hash of every other file, so
/// one signature covers the whole bundle.
public struct BundleSignature: Sendable, Hashable {
    public static let fileName = "MANIFEST.sha256.sig"
    static let type = "decuong-ed25519-signature"

    public var publicKey: PublicKey
    public var signature: [UInt8]

    public init(publicKey: PublicKey, signature: [UInt8]) {
        self.publicKey = publicKey
        self.signature = signature
    }

    /// Signs `manifest` with `key`.
    public init(signing manifest: [UInt8], with key: SigningKey) throws(DiagnosticError) {
        do {
            signature = try key.signature(for: manifest)
        } catch {
            throw DiagnosticError(.error("bundle.sign", "cannot sign the manifest: \(error)",
                                         hint: "check that the key file is a decuong.key made by `decuong keygen`"))
        }
        publicKey = key.publicKey
    }

    public var fileText: String {
        """
        # decuong: Ed25519 signature of MANIFEST.sha256. Check with: decuong verify BUNDLE.zip --key decuong.pub
        type: \(Self.type)
        signer: \(PublicKey.oneLine(publicKey.signer))
        fingerprint: \(publicKey.fingerprint)
        key: \(publicKey.base64)
        signature: \(Data(signature).base64EncodedString())

        """
    }

    public static func parse(_ text: String) -> BundleSignature? {
        let fields = KeyFile.fields(text)
        guard fields["type"] == type, let key = fields["key"].flatMap({ Data(base64Encoded: $0) }), key.count == 32,
              let signature = fields["signature"].flatMap({ Data(base64Encoded: $0) }) else { return nil }
        return BundleSignature(publicKey: PublicKey(raw: [UInt8](key), signer: fields["signer"] ?? ""),
                               signature: [UInt8](signature))
    }

    public func isValid(for manifest: [UInt8], key: PublicKey? = nil) -> Bool {
        (key ?? publicKey).isValidSignature(signature, for: manifest)
    }
}
