import DecuongContent
import DecuongCore
import Foundation
import Testing

@Suite struct SourceFileLoaderTests {
    @Test func frontMatterIsParsedAndItsLinesKept() throws {
        let source = try SourceFileLoader.load(text: """
            ---
            kind: Đề cương
            slug: de-cuong-2023
            attached_to: ke-hoach.md
            tags: [xây dựng Đảng, 2023]
            ---
            ĐỀ CƯƠNG
            """, displayPath: "content/a.md")
        #expect(source.frontMatter.kind == "Đề cương")
        #expect(source.frontMatter.slug == "de-cuong-2023")
        #expect(source.frontMatter.attachedTo == "ke-hoach.md")
        #expect(source.frontMatter.tags == ["xây dựng Đảng", "2023"])
        #expect(source.body.split(separator: "\n", omittingEmptySubsequences: false)[6] == "ĐỀ CƯƠNG")
        #expect(source.diagnostics.isEmpty)
    }

    @Test func textIsNFCWithĐMapped() throws {
        let decomposed = "Xa\u{0302}y du\u{031B}\u{0323}ng \u{00D0}a\u{0309}ng"
        let source = try SourceFileLoader.load(text: decomposed, displayPath: "a.md")
        #expect(source.body == "Xây dựng Đảng")
        #expect(source.body.unicodeScalars.count == 13)
    }

    @Test func brokenYAMLPointsAtTheFileLine() {
        #expect {
            try SourceFileLoader.load(text: "---\ntitle: [chưa đóng\nkind: Kế hoạch\n---\nText", displayPath: "content/b.md")
        } throws: { error in
            guard let error = error as? DiagnosticError else { return false }
            return error.diagnostic.code == "yaml.invalid" && error.diagnostic.file == "content/b.md"
                && (error.diagnostic.location?.line ?? 0) >= 2
        }
    }

    @Test func unknownKeysWarnAndBadValuesFail() throws {
        let source = try SourceFileLoader.load(text: "---\ncolour: đỏ\n---\nText", displayPath: "c.md")
        #expect(source.diagnostics.map(\.code) == ["front-matter.unknown-key"])
        #expect(source.diagnostics.first?.location?.line == 2)
        #expect(throws: DiagnosticError.self) { try SourceFileLoader.load(text: "---\ndate: 31/4/2023\n---\n", displayPath: "d.md") }
        #expect(throws: DiagnosticError.self) { try SourceFileLoader.load(text: "---\nslug: ../etc\n---\n", displayPath: "e.md") }
    }

    @Test func textWithoutClosingFenceIsNotFrontMatter() throws {
        let source = try SourceFileLoader.load(text: "---\nchỉ là một đường kẻ", displayPath: "f.md")
        #expect(source.frontMatter.isEmpty)
        #expect(source.body.hasSuffix("chỉ là một đường kẻ"))
    }

    @Test func encodingsAreNamed() {
        func code(_ bytes: [UInt8]) -> String? {
            do {
                _ = try SourceFileLoader.load(bytes: bytes, displayPath: "x.md")
                return nil
            } catch {
                return error.diagnostic.code
            }
        }
        let units: [UInt8] = Array("Kế hoạch".utf16).flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + units
        #expect(code(utf16) == "file.utf16")
        #expect(code([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]) == "file.binary")
        #expect(code(Array("Kế hoạch ".utf8) + [0xC3, 0x28]) == "file.invalid-utf8")
        // TCVN3: "Kế hoạch" is "KÕ ho¹ch"; đ is 0xAE, ư 0xAD, ơ 0xAC.
        let tcvn3: [UInt8] = [0x4B, 0xD5, 0x20, 0x68, 0x6F, 0xB9, 0x63, 0x68, 0x20, 0xAE, 0xAD, 0xAC, 0x6E, 0x67, 0xAE, 0xAE]
        do {
            _ = try SourceFileLoader.load(bytes: tcvn3, displayPath: "t.md")
            Issue.record("TCVN3 text must not load")
        } catch {
            #expect(error.diagnostic.message.contains("TCVN3"))
        }
        #expect(code(Array("\u{FEFF}Kế hoạch".utf8)) == nil)
    }

    @Test func siteConfigReadsAndChecks() throws {
        let (config, warnings) = try SiteConfig.parse("""
            title: Kế hoạch 2023
            language: vi
            base_url: https://example.org/ke-hoach
            organizations:
              - Ban Tổ chức Thành ủy
            colour: đỏ
            """, file: "content/site.yml")
        #expect(config.title == "Kế hoạch 2023")
        #expect(config.baseURL == "https://example.org/ke-hoach/")
        #expect(config.organizations == ["Ban Tổ chức Thành ủy"])
        #expect(warnings.map(\.code) == ["site.unknown-key"])
        #expect(warnings.first?.location?.line == 6)
        #expect(throws: DiagnosticError.self) { try SiteConfig.parse("title: x\nlanguage: fr\n", file: "s.yml") }
        #expect(throws: DiagnosticError.self) { try SiteConfig.parse("title: x\nbase_url: javascript:alert(1)\n", file: "s.yml") }
    }

    @Test func isoDatesAreRealDays() {
        #expect(ISODate.parse("2024-02-29") == "2024-02-29")
        #expect(ISODate.parse("2023-02-29") == nil)
        #expect(ISODate.parse("21/4/2023") == "2023-04-21")
        #expect(ISODate.parse("31/4/2023") == nil)
    }
}
