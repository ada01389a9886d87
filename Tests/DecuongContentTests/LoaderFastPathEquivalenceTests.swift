import DecuongCore
import Foundation
import Testing
@testable import DecuongContent

/// The loader's fast paths against the code they replaced, on input built to break them.
@Suite struct LoaderFastPathEquivalenceTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static let bytePieces: [[UInt8]] = [
        Array("a".utf8), Array("---".utf8), Array("\n".utf8), Array("\r\n".utf8), Array(" ".utf8), Array("ệ".utf8),
        Array("Đ".utf8), Array("👍".utf8), Array("\u{FEFF}".utf8), [0], [0x80], [0xC0, 0x80], [0xC2], [0xE0, 0x80, 0x80],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F], [0xFF], [0xFE], [0xE1, 0xBB], [0xE1, 0xBB, 0x87],
    ]

    @Test func decodingMatchesTheHandCheck() {
        var random = Random(state: 21)
        for round in 0..<6000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 40) {
                // Mostly valid text, so that both outcomes are common.
                let piece = round % 3 == 0 ? Self.bytePieces[Int(random.next() % UInt64(Self.bytePieces.count))]
                    : Self.bytePieces[Int(random.next() % 9)]
                bytes += piece
            }
            let old: Result<String, DiagnosticError>
            if let problem = TextEncodingCheck.problem(in: bytes, file: "a.md") {
                old = .failure(DiagnosticError(problem))
            } else {
                old = .success(String(decoding: bytes, as: UTF8.self))
            }
            let new: Result<String, DiagnosticError>
            do {
                new = .success(try SourceFileLoader.decode(bytes, file: "a.md"))
            } catch {
                new = .failure(error)
            }
            switch (old, new) {
            case let (.success(a), .success(b)): #expect(Array(a.utf8) == Array(b.utf8), "\(bytes)")
            case let (.failure(a), .failure(b)): #expect(a.diagnostic == b.diagnostic, "\(bytes)")
            default: Issue.record("outcomes differ for \(bytes)")
            }
        }
    }

    static let textPieces: [String] = [
        "a", "-", "---", " ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{180E}", "\u{200B}", "\u{FEFF}", ".", "…",
        "ệ", "\u{0301}", "\n", "\u{0B}", "\u{0C}", "\u{85}", "x y", ":",
    ]

    @Test func trimmingMatchesFoundation() {
        var random = Random(state: 22)
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<Int(random.next() % 7) {
                text += Self.textPieces[Int(random.next() % UInt64(Self.textPieces.count))]
            }
            #expect(WhitespaceTrimming.trimmed(text) == text.trimmingCharacters(in: .whitespaces),
                    "\(Array(text.unicodeScalars))")
            #expect(WhitespaceTrimming.isDashLine(Substring(text)) == (text.trimmingCharacters(in: .whitespaces) == "---"),
                    "\(Array(text.unicodeScalars))")
        }
    }

    static let frontPieces: [String] = [
        "---", "...", "--- ", " ---", "\t---", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
        "title: a", "é", "\u{0301}", "x", " ", "\u{3000}", "-",
    ]

    @Test func frontMatterBlocksMatchTheCharacterWalk() {
        var random = Random(state: 23)
        for _ in 0..<6000 {
            var text = random.next() % 4 == 0 ? "" : "---\n"
            for _ in 0..<Int(random.next() % 14) {
                text += Self.frontPieces[Int(random.next() % UInt64(Self.frontPieces.count))]
            }
            let new = SourceFileLoader.frontMatterBlock(in: text)
            let old = Self.referenceFrontMatterBlock(in: text)
            #expect(new?.0 == old?.0 && new?.1 == old?.1 && new.map { text.utf8.distance(from: text.startIndex, to: $0.2) }
                        == old.map { text.utf8.distance(from: text.startIndex, to: $0.2) }, "\(Array(text.unicodeScalars))")
        }
    }

    /// `SourceFileLoader.frontMatterBlock` as it was.
    static func referenceFrontMatterBlock(in text: String) -> (String, Int, String.Index)? {
        guard text.hasPrefix("---") else { return nil }
        var lines: [Substring] = []
        var index = text.startIndex
        var lineNumber = 0
        while index < text.endIndex {
            let end = text[index...].firstIndex(where: \.isNewline) ?? text.endIndex
            let line = text[index..<end]
            let next = end < text.endIndex ? text.index(after: end) : end
            lineNumber += 1
            if lineNumber == 1 {
                guard line.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
            } else if line.trimmingCharacters(in: .whitespaces) == "---" || line == "..." {
                return (lines.joined(separator: "\n"), lineNumber, next)
            } else {
                lines.append(line)
            }
            index = next
        }
        return nil
    }

    static let yamlLines: [String] = [
        "title: Kế hoạch", "date: 2023-05-10", "date: 2023-05-10 10:00:00", "number: 12", "number: 012", "kind: ~",
        "kind: null", "slug: true", "slug: yes", "tags: [a, 1, true, null, 2.5]", "tags:\n  - x\n  - 0x1F", "1: a", "01: b",
        "\"1\": c", "title: a", "<<: {a: b}", "=: v", "tags: [{=: w}]", "x: !!str 1", "!!str 1: d", "y: 'q'", "z: [", "- a",
        "a: b: c", "place: .inf", "issuer: 1e3", "title: -", "# c",
    ]

    @Test func yamlReadsAsWithEveryRule() {
        var random = Random(state: 24)
        for _ in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<Int(1 + random.next() % 4) { lines.append(Self.yamlLines[Int(random.next() % UInt64(Self.yamlLines.count))]) }
            let yaml = lines.joined(separator: "\n")
            #expect(Self.read(yaml, everyType: false) == Self.read(yaml, everyType: true), "\(yaml)")
        }
    }

    /// What the loader reads of a YAML text: keys, values as text, places, or the diagnostic.
    static func read(_ yaml: String, everyType: Bool) -> String {
        do {
            let block = try YAMLBlock(yaml: yaml, file: "a.md", firstLine: 2, resolvingEveryType: everyType)
            return block.values.map { key, value, location in
                "\(key)=\(value.scalar?.string ?? "-")|\(value.string ?? "-")|"
                    + "\(value.sequence.map { $0.map { $0.string ?? "-" } } ?? [])@\(location.line):\(location.column)"
            }.joined(separator: "\n")
        } catch {
            return "error: \(error.diagnostic)"
        }
    }
}

extension LoaderFastPathEquivalenceTests {
    /// The ten-byte date reading against the split it skips, on dates and near-dates.
    @Test func tenByteDatesMatchTheSplit() {
        var random = Random(state: 23)
        let pieces = ["0", "1", "2", "3", "9", "-", "/", "+", " ", "a", "٣", "20", "2024", "12", "31", "02", "29"]
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int(random.next() % 10) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(ISODate.parse(text) == ISODate.parseBySplitting(text), "\(text)")
        }
        for year in [0, 999, 1000, 2000, 2023, 2024, 2100, 9999] {
            for month in 0...13 {
                for day in [0, 1, 9, 10, 28, 29, 30, 31, 32, 99] {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    #expect(ISODate.parse(text) == ISODate.parseBySplitting(text), "\(text)")
                    #expect(ISODate.tenByteParts(text.utf8) != nil)
                }
            }
        }
    }

    @Test func trimmingMatchesTheScalarForm() {
        var random = Random(state: 24)
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<Int(random.next() % 7) {
                text += Self.textPieces[Int(random.next() % UInt64(Self.textPieces.count))]
            }
            #expect(WhitespaceTrimming.trimmed(text) == WhitespaceTrimming.trimmedByScalars(text),
                    "\(Array(text.unicodeScalars))")
        }
    }
}

extension LoaderFastPathEquivalenceTests {
    /// The byte reading of a number's `Số` prefix against `hasPrefix`, decomposed and
    /// combining forms included.
    @Test func numberPrefixMatchesTheCharacterForm() {
        var random = Random(state: 25)
        let pieces = ["Số", "số", "SỐ", "S", "s", "ố", "o\u{302}\u{301}", "ô\u{301}", ":", " ", "\t", "\u{301}", "\u{302}",
                      "7-KH/TU", "160/KH-UBND", "\r\n", "\n", "Sở", "ệ", "\u{A0}", "a", "1"]
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(SourceFileLoader.numberWithoutPrefix(text) == SourceFileLoader.numberWithoutPrefixByCharacters(text),
                    "\(Array(text.unicodeScalars))")
        }
    }
}
