import Crypto
import DecuongCore
import Foundation

/// An Ed25519 key pair for signing bundles, stored as two small text files:
///
///     decuong.key   type: decuong-ed25519-private-key / signer: … / key: <base64 seed>
///     decuong.pub   type: decuong-ed25519-public-key  / signer: … / fingerprint: … / key: <base64>
///
/// Text so that a person can see what a file is, and mail the public one.
public struct SigningKey: Sendable {
    public static let privateFileName = "decuong.key"
    public static let publicFileName = "decuong.pub"
    static let privateType = "decuong-ed25519-private-key"

    /// The 32-byte Ed25519 seed. Kept as bytes (a value) rather than Crypto's key type,
    /// which is not `Sendable`; the key is rebuilt from it for each use.
    private var seed: [UInt8]
    /// Who signs with it ("Ban Tổ chức Thành ủy Cần Thơ"), shown on the verification page.
    public var signer: String

    /// A new random key.
    public init(signer: String) {
        seed = [UInt8](Curve25519.Signing.PrivateKey().rawRepresentation)
        self.signer = signer
    }

    /// A key from its seed; nil when the bytes are not a valid key.
    public init?(seed: [UInt8], signer: String) {
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) != nil else { return nil }
        self.seed = seed
        self.signer = signer
    }

    private var key: Curve25519.Signing.PrivateKey {
        // The seed was validated when this value was made.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) ?? Curve25519.Signing.PrivateKey()
    }

    public var publicKey: PublicKey { PublicKey(key: key.publicKey, signer: signer) }

    public func signature(for message: [UInt8]) throws -> [UInt8] {
        [UInt8](try key.signature(for: message))
    }

    public var fileText: String {
        """
        # decuong signing key (Ed25519). Keep this file secret: anyone who has it can sign
        # bundles in your name. Give others decuong.pub instead.
        type: \(Self.privateType)
        signer: \(PublicKey.oneLine(signer))
        key: \(Data(seed).base64EncodedString())

        """
    }

    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> SigningKey {
        let fields = KeyFile.fields(text)
        guard fields["type"] == privateType else {
            throw DiagnosticError(.error("key.not-private-key", "\(file) is not a decuong private key",
                                         file: file, hint: "pass the decuong.key that `decuong keygen --out DIR` wrote"))
        }
        guard let encoded = fields["key"], let raw = Data(base64Encoded: encoded),
              let key = SigningKey(seed: [UInt8](raw), signer: fields["signer"] ?? "") else {
            throw DiagnosticError(.error("key.damaged", "the key in \(file) is damaged", file: file,
                                         hint: "restore decuong.key from your backup, or make a new pair with `decuong keygen`"))
        }
        return key
    }

    public static func read(_ url: URL, display: String) throws(DiagnosticError) -> SigningKey {
        try parse(try KeyFile.read(url, display: display), file: display)
    }

    /// Writes `decuong.key` (mode 0600) and `decuong.pub` into `folder`, never over
    /// existing files: losing a key that bundles were signed with cannot be undone.
    public func write(to folder: URL, display: String) throws(DiagnosticError) {
        let privateURL = folder.appendingPathComponent(Self.privateFileName)
        let publicURL = folder.appendingPathComponent(Self.publicFileName)
        for (url, name) in [(privateURL, Self.privateFileName), (publicURL, Self.publicFileName)]
        where FileManager.default.fileExists(atPath: url.path) {
            throw DiagnosticError(.error("keygen.exists", "\(display)/\(name) already exists; not overwriting it",
                                         file: "\(display)/\(name)",
                                         hint: "bundles signed with the old key could no longer be matched to it; "
                                             + "choose another folder, or move the old files away first"))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("keygen.folder", "cannot create the folder \(display): \(error.localizedDescription)",
                                         file: display, hint: "check the path and its permissions"))
        }
        try KeyFile.create(privateURL, text: fileText, mode: 0o600, display: "\(display)/\(Self.privateFileName)")
        try KeyFile.create(publicURL, text: publicKey.fileText, mode: 0o644, display: "\(display)/\(Self.publicFileName)")
    }
}

/// The shared reading and writing of the key files.
enum KeyFile {
    /// `name: value` lines; `#` comments and blank lines skipped.
    static func fields(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
            out[name] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    static func read(_ url: URL, display: String) throws(DiagnosticError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticError(.error("key.unreadable", "cannot read \(display)", file: display,
                                         hint: "check the path; `decuong keygen --out DIR` makes a key pair"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(.error("key.not-text", "\(display) is not a decuong key file", file: display,
                                         hint: "pass decuong.key (to sign) or decuong.pub (to verify)"))
        }
        return text
    }

    /// Creates the file with its final mode from the start (no moment where a private key
    /// is readable by others), failing if it exists.
    static func create(_ url: URL, text: String, mode: mode_t, display: String) throws(DiagnosticError) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DiagnosticError(.error("keygen.write", "cannot create \(display): \(reason)", file: display,
                                         hint: "check that the folder is writable and the file does not exist"))
        }
        defer { close(descriptor) }
        // The umask may have narrowed the mode; set it exactly.
        fchmod(descriptor, mode)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw DiagnosticError(.error("keygen.write", "cannot write \(display)", file: display, hint: "check the free disk space"))
        }
    }
}
