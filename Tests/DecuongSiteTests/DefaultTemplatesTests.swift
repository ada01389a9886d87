import DecuongCore
@testable import DecuongMarkdown
@testable import DecuongSite
import Foundation
import Testing

/// The theme compiled into the binary must be the theme in `templates/`.
@Suite struct DefaultTemplatesTests {
    static func folderFiles() throws -> [String: String] {
        let folder = Repository.root.appendingPathComponent("templates")
        var out: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            out[path] = try String(contentsOf: url, encoding: .utf8)
        }
        return out
    }

    @Test func embeddedThemeIsInSyncWithTemplatesFolder() throws {
        let files = try Self.folderFiles()
        for (path, text) in files {
            #expect(DefaultTemplatesSource.canEmbed(text), "\(path) cannot be embedded in a raw string")
        }
        let source = Repository.root.appendingPathComponent("Sources/DecuongSite/Rendering/DefaultTemplates.swift")
        let generated = DefaultTemplatesSource.generate(files)
        if ProcessInfo.processInfo.environment["DECUONG_REGENERATE_TEMPLATES"] == "1" {
            try Data(generated.utf8).write(to: source)
            return
        }
        #expect(try String(contentsOf: source, encoding: .utf8) == generated,
                "templates/ changed: run DECUONG_REGENERATE_TEMPLATES=1 swift test --filter DefaultTemplatesTests")
        let stale = Set(files.keys).union(DefaultTemplates.files.keys).filter { DefaultTemplates.files[$0] != files[$0] }
        #expect(stale.isEmpty, "out of date in the binary: \(stale.sorted())")
    }

    /// Unescaped output is only for values named `…Html`, which the renderer makes as
    /// `SafeHTML` from our own HTML renderer.
    @Test func onlySafeHTMLValuesAreInsertedUnescaped() throws {
        for (path, text) in try Self.folderFiles() where path.hasSuffix(".mustache") {
            var rest = text[...]
            while let open = rest.range(of: "{{{") {
                guard let close = rest[open.upperBound...].range(of: "}}}") else { break }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                #expect(name.hasSuffix("Html"), "\(path): {{{\(name)}}} is not a SafeHTML value")
                rest = rest[close.upperBound...]
            }
            #expect(!text.contains("{{&"), "\(path) uses {{& … }}")
        }
    }

    @Test func relativeLinksNameFiles() {
        #expect(RelativeURL.from("ke-hoach-2023/index.html", to: "van-ban/index.html#a") == "../van-ban/index.html#a")
        #expect(RelativeURL.from("ke-hoach-2023/ii-1-1.html", to: "ke-hoach-2023/ii-1-2.html") == "ii-1-2.html")
        #expect(RelativeURL.from("index.html", to: "chu-de/index.html") == "chu-de/index.html")
        #expect(RelativeURL.from("ke-hoach-2023/index.html", to: "ke-hoach-2023/index.html#ii") == "#ii")
        // Folders are compared whole: a shared beginning of two names is not a shared folder.
        #expect(RelativeURL.from("ab/x.html", to: "abc/y.html") == "../abc/y.html")
        #expect(RelativeURL.from("a/b/x.html", to: "a/c/y.html#z") == "../c/y.html#z")
        #expect(RelativeURL.from("a/b/x.html", to: "index.html") == "../../index.html")
        #expect(RelativeURL.from("a/b/x.html", to: "a/b/c/y.html") == "c/y.html")
        #expect(RelativeURL.from("đề-cương/x.html", to: "đề-cương/y.html#mục") == "y.html#mục")
    }

    /// The String-based form `RelativeURL.from` had before it wrote bytes, as the reference.
    static func referenceRelativeURL(_ page: String, to target: String) -> String {
        let (targetPath, fragment) = RelativeURL.split(target)
        if targetPath == page, let fragment { return "#\(fragment)" }
        let pageBytes = Array(page.utf8)
        let targetBytes = Array(targetPath.utf8)
        var commonEnd = 0
        var index = 0
        while index < pageBytes.count, index < targetBytes.count, pageBytes[index] == targetBytes[index] {
            if pageBytes[index] == UInt8(ascii: "/") { commonEnd = index + 1 }
            index += 1
        }
        let up = pageBytes[commonEnd...].filter { $0 == UInt8(ascii: "/") }.count
        let path = String(repeating: "../", count: up) + String(decoding: targetBytes[commonEnd...], as: UTF8.self)
        return fragment.map { "\(path)#\($0)" } ?? path
    }

    @Test func relativeLinksEqualTheReferenceOnRandomPaths() {
        var generator = SeededGenerator(seed: 3)
        let parts = ["a", "ab", "đề", "index.html", "x.html", "trang-2.html"]
        func path() -> String {
            (0..<Int.random(in: 1...3, using: &generator)).map { _ in parts.randomElement(using: &generator) ?? "" }
                .joined(separator: "/")
        }
        for _ in 0..<3_000 {
            let page = path()
            let target = Bool.random(using: &generator) ? page : path()
            let linked = Bool.random(using: &generator) ? "\(target)#\(parts.randomElement(using: &generator) ?? "")" : target
            #expect(RelativeURL.from(page, to: linked) == Self.referenceRelativeURL(page, to: linked), "\(page) → \(linked)")
        }
    }

    @Test func markersAreCleanedLikeFoundationTrims() {
        var generator = SeededGenerator(seed: 5)
        let pieces = ["I", "-", "1", ".", "a", ")", " ", "\t", "*", "_", "\u{A0}", "Đ"]
        for _ in 0..<3_000 {
            let marker = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let reference = marker.filter { $0 != "*" && $0 != "_" }.trimmingCharacters(in: .whitespaces)
            #expect(SectionViewBuilder.cleanMarker(marker) == reference, "\(marker.debugDescription)")
        }
    }

    @Test func tidyDropsBlankLinesButNotInsidePre() {
        let html = "<p>a</p>\n   \n\t\n<pre>x\n\n  \ny</pre>\n\n<p>b</p>\n  "
        let tidied = String(decoding: SiteRenderer.tidyBytes(Array(html.utf8)), as: UTF8.self)
        #expect(tidied == "<p>a</p>\n<pre>x\n\n  \ny</pre>\n<p>b</p>\n")
        // A `<pre` opening and closing on one line keeps that line only; a page without a final
        // newline gets one.
        #expect(String(decoding: SiteRenderer.tidyBytes(Array("<pre>x</pre>\n\n<p>c</p>".utf8)), as: UTF8.self)
                == "<pre>x</pre>\n<p>c</p>\n")
    }

    /// Pages without `<pre>` take the blank-line fast path; it must equal the line-by-line tidy.
    @Test func tidyFastPathEqualsLineByLine() {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["<p>a</p>", "x", " ", "\t", "\r", "\n", "\n\n", "  \n", "đề cương", "<b>", "pr", "e>"]
        for _ in 0..<3_000 {
            let html = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let bytes = Array(html.utf8)
            let reference = bytes.withUnsafeBufferPointer { SiteRenderer.tidyBytesLineByLine($0) }
            #expect(SiteRenderer.tidyBytes(bytes) == reference, "\(html.debugDescription)")
        }
    }

    @Test func escapingCopiesRunsLikeByteByByte() {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["a", "&", "<", ">", "\"", "'", "ấ", "Đ", " ", "&amp;", "=", "?"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            var fast: [UInt8] = []
            HTMLEscaping.appendEscapedHTML(text.utf8, to: &fast)
            var reference: [UInt8] = []
            HTMLEscaping.appendEscapedHTMLBytes(text.utf8, to: &reference)
            #expect(fast == reference, "\(text.debugDescription)")
        }
    }

    @Test func citationLinkerLooksOnlyWhereANumberCanStart() {
        let linker = CitationLinker(hrefByID: ["35-NQ/TW": "y.html"])
        func html(_ markdown: String) -> String {
            SectionViewBuilder(linker: linker, withIDs: false).html(DecuongMarkdown.MarkdownParser().parse(markdown).blocks).html
        }
        // No digit that a number starts with, or glued to a letter or digit before it: left alone.
        #expect(html("năm 2024, x35-NQ/TW, 135-NQ/TW") == "<p>năm 2024, x35-NQ/TW, 135-NQ/TW</p>\n")
        // After a non-ASCII letter the number is part of a word; after a dash or bracket it is not.
        #expect(html("ư35-NQ/TW (35-NQ/TW) *35-NQ/TW*")
                == "<p>ư35-NQ/TW (<a href=\"y.html\">35-NQ/TW</a>) <em><a href=\"y.html\">35-NQ/TW</a></em></p>\n")
    }

    @Test func citationSplitOnBytesEqualsTheScalarScan() {
        let linker = CitationLinker(hrefByID: ["14-KH/ĐU.KBT": "x.html", "35-NQ/TW": "y.html", "5-CT": "z.html", "3": "w.html"])
        var generator = SeededGenerator(seed: 13)
        let pieces = ["14", " - ", "KH", "/", "ĐU.KBT", "35", "-", "–", "‑", "NQ/TW", " ", "5", "CT", "ư", "a", "3", "\u{301}", "1", "x",
                      "35 – NQ / TW", "14 - KH/ĐU.KBT", "5-CT"]
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 2)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...9, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(linker.split(InlineText(text), range: range) == linker.splitByScalars(text, range: range), "\(text.debugDescription)")
        }
    }

    /// The tree rewrite `link(_ blocks:)` did before it went down only into blocks that may hold
    /// a number, as the reference.
    static func referenceLink(_ blocks: [Block], with linker: CitationLinker) -> [Block] {
        blocks.rewritten(by: ClosureRewriter(block: { block in
            var block = block
            switch block.kind {
            case .paragraph(let inlines): block.kind = .paragraph(linker.link(inlines))
            case .heading(let level, let inlines): block.kind = .heading(level: level, linker.link(inlines))
            case .table(var table):
                let cells = { (row: [TableCell]) in row.map { cell -> TableCell in
                    var cell = cell
                    cell.inlines = linker.link(cell.inlines)
                    return cell
                } }
                table.header = cells(table.header)
                table.rows = table.rows.map(cells)
                block.kind = .table(table)
            default: break
            }
            return [block]
        }))
    }

    @Test func citationLinksInEveryKindOfBlockEqualTheTreeRewrite() throws {
        let crafted = """
        # Theo 35-NQ/TW

        - theo 35-NQ/TW
          > và 14 - KH/ĐU.KBT, [35-NQ/TW](http://x)

        | a | b |
        |---|---|
        | 35-NQ/TW | 2020 |

        Chú thích[^1].

        [^1]: Xem 35-NQ/TW.

        ```
        35-NQ/TW
        ```
        """
        let texts = [crafted] + (try FixtureProject.corpusTexts()).map(\.text)
        let linker = CitationLinker(hrefByID: ["14-KH/ĐU.KBT": "x.html", "35-NQ/TW": "y.html", "21-NQ/TW": "z.html",
                                               "29-NQ/TW": "w.html", "01-CT/TU": "v.html"])
        for text in texts {
            let blocks = DecuongMarkdown.MarkdownParser().parse(text).blocks
            #expect(linker.link(blocks) == Self.referenceLink(blocks, with: linker))
        }
        let html = SectionViewBuilder(linker: linker, withIDs: false).html(DecuongMarkdown.MarkdownParser().parse(crafted).blocks).html
        #expect(html.components(separatedBy: "href=\"y.html\"").count - 1 == 4, "\(html)")
    }

    @Test func citationLinkerToleratesSpacesAndSkipsLongerNumbers() {
        let linker = CitationLinker(hrefByID: ["14-KH/ĐU.KBT": "x.html", "35-NQ/TW": "y.html"])
        let html = SectionViewBuilder(linker: linker, withIDs: false)
            .html(DecuongMarkdown.MarkdownParser().parse("theo 14 - KH/ĐU.KBT và 135-NQ/TW, 35-NQ/TW.").blocks).html
        #expect(html == "<p>theo <a href=\"x.html\">14 - KH/ĐU.KBT</a> và 135-NQ/TW, <a href=\"y.html\">35-NQ/TW</a>.</p>\n")
    }
}
