import Crypto
import DecuongCore

/// `MANIFEST.sha256`: one line per file, `<hex sha-256>  <path>`, sorted by path, in the
/// format `sha256sum -c` reads, so a cell can check a bundle without decuong too.
public struct Manifest: Sendable, Hashable {
    public var entries: [String: String]

    public init(entries: [String: String] = [:]) {
        self.entries = entries
    }

    public init(files: [String: [UInt8]]) {
        entries = files.mapValues(Self.hash)
    }

    public static func hash(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public var text: String {
        entries.keys.sorted().map { "\(entries[$0] ?? "")  \($0)\n" }.joined()
    }

    /// Reads a manifest; nil for a line that is not `hash  path`.
    public static func parse(_ text: String) -> Manifest? {
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.range(of: "  ") else { return nil }
            let hash = String(line[..<space.lowerBound])
            let path = String(line[space.upperBound...])
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit), !path.isEmpty else { return nil }
            entries[path] = hash
        }
        return Manifest(entries: entries)
    }
}
