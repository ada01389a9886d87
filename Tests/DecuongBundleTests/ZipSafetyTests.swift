@testable import DecuongBundle
import DecuongCore
import Foundation
import Testing

/// `verify` reads archives in memory and refuses hostile ones: zip slip paths, links, bombs.
@Suite struct ZipSafetyTests {
    func read(_ files: [String: [UInt8]], limits: BundleLimits = .standard) throws -> [String] {
        let zip = try ZipWriter().archive(files)
        return read(zip, limits: limits)
    }

    func read(_ zip: [UInt8], limits: BundleLimits = .standard) -> [String] {
        do {
            _ = try SafeZipReader(limits: limits, displayName: "x.zip").read(zip)
            return []
        } catch {
            return [error.diagnostic.code]
        }
    }

    @Test(arguments: ["../evil.txt", "a/../../evil.txt", "/etc/evil", "..\\evil.txt", "a\\b.txt", "C:/evil.txt",
                      "a//b.txt", "./a.txt", "a/./b.txt"])
    func unsafePathsAreRefused(path: String) throws {
        #expect(try read(["index.html": [1], path: Array("x".utf8)]) == ["bundle.unsafe-path"], "\(path)")
        // Nothing was written anywhere.
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("evil.txt").path))
    }

    @Test func plainPathsPass() throws {
        #expect(try read(["index.html": [1], "a/b/c.html": [2], "tên-việt.html": [3]]).isEmpty)
        #expect(SafeZipReader.pathProblem("a/b/", isDirectory: true) == nil)
    }

    @Test func symbolicLinksAreRefused() throws {
        var zip = try ZipWriter().archive(["link": Array("/etc/passwd".utf8)])
        // Turn the entry into a Unix symlink: mode 0120777 in the central directory's external attributes.
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let start = try #require((0..<(zip.count - 4)).first { Array(zip[$0..<$0 + 4]) == signature })
        zip[start + 5] = 3 // made by: Unix
        let mode: UInt32 = 0o120777 << 16
        for byte in 0..<4 { zip[start + 38 + byte] = UInt8(truncatingIfNeeded: mode >> (8 * UInt32(byte))) }
        #expect(read(zip) == ["bundle.symlink"])
    }

    @Test func zipBombsAreRefused() throws {
        let zeros = [UInt8](repeating: 0, count: 8 << 20)
        let bomb = try ZipWriter().archive(["bomb.html": zeros])
        #expect(bomb.count < 100_000)
        #expect(read(bomb) == ["bundle.zip-bomb"])
        // Caps on one entry, on the total and on the number of entries.
        let small = BundleLimits(maxEntryBytes: 1000, maxRatio: 1_000_000)
        #expect(try read(["a": [UInt8](repeating: 7, count: 2000)], limits: small) == ["bundle.entry-too-large"])
        let total = BundleLimits(maxTotalBytes: 3000, maxRatio: 1_000_000)
        #expect(try read(["a": [UInt8](repeating: 7, count: 2000), "b": [UInt8](repeating: 7, count: 2000)], limits: total)
                == ["bundle.total-too-large"])
        let few = BundleLimits(maxEntries: 3)
        #expect(try read(Dictionary(uniqueKeysWithValues: (0..<5).map { ("f\($0)", [UInt8($0)]) }), limits: few)
                == ["bundle.too-many-entries"])
        #expect(read(bomb, limits: BundleLimits(maxArchiveBytes: 100)) == ["bundle.too-large"])
    }

    @Test func sizesThatLieAreCaught() throws {
        var zip = try ZipWriter().archive(["a.html": [UInt8](repeating: 65, count: 5000)])
        // Declare 10 bytes in the central directory where 5000 will come out.
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let start = try #require((0..<(zip.count - 4)).first { Array(zip[$0..<$0 + 4]) == signature })
        zip.replaceSubrange((start + 24)..<(start + 28), with: [10, 0, 0, 0])
        let codes = read(zip)
        #expect(codes == ["bundle.size-mismatch"] || codes == ["bundle.corrupt-entry"], "\(codes)")
    }
}
