import Crypto
import DecuongCore
import Foundation

/// The public half of a signing key: what `verify --key` checks a bundle against, and what a
/// bundle carries so that a reader can compare its fingerprint with the one published.
public struct PublicKey: Sendable, Hashable {
    static let type = "decuong-ed25519-public-key"

    public var raw: [UInt8]
    public var signer: String

    public init(key: Curve25519.Signing.PublicKey, signer: String) {
        raw = [UInt8](key.rawRepresentation)
        self.signer = signer
    }

    init(raw: [UInt8], signer: String) {
        self.raw = raw
        self.signer = signer
    }

    /// SHA-256 of the key in groups of four hex digits, easy to read aloud over the phone.
    public var fingerprint: String {
        let hex = Manifest.hash(raw)
        return stride(from: 0, to: hex.count, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    public var base64: String { Data(raw).base64EncodedString() }

    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    public var fileText: String {
        """
        # decuong public key (Ed25519). Share it: with it anyone can check that a bundle was
        # signed by you (decuong verify BUNDLE.zip --key decuong.pub).
        type: \(Self.type)
        signer: \(Self.oneLine(signer))
        fingerprint: \(fingerprint)
        key: \(base64)

        """
    }

    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> PublicKey {
        let fields = KeyFile.fields(text)
        if fields["type"] == SigningKey.privateType {
            throw DiagnosticError(.error("key.private-given", "\(file) is a private key", file: file,
                                         hint: "verify with the public key, decuong.pub; keep decuong.key to yourself"))
        }
        guard fields["type"] == type else {
            throw DiagnosticError(.error("key.not-public-key", "\(file) is not a decuong public key", file: file,
                                         hint: "pass the decuong.pub that `decuong keygen` wrote"))
        }
        guard let encoded = fields["key"], let raw = Data(base64Encoded: encoded),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw DiagnosticError(.error("key.damaged", "the key in \(file) is damaged", file: file,
                                         hint: "ask the signer for their decuong.pub again"))
        }
        return PublicKey(key: key, signer: fields["signer"] ?? "")
    }

    public static func read(_ url: URL, display: String) throws(DiagnosticError) -> PublicKey {
        try parse(try KeyFile.read(url, display: display), file: display)
    }

    /// A signer name on one line, as the key files store it.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
