import DecuongCore
import Mustache
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The render stage: `Site` → every file of the site as bytes. Knows nothing of folders.
public struct SiteRenderer: Sendable {
    public var templates: SiteTemplates
    /// Overrides `site.yml`'s `base_url` (the `--base-url` option); with a trailing slash.
    public var baseURL: String?

    public init(templates: SiteTemplates = .builtIn, baseURL: String? = nil) {
        self.templates = templates
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    public struct Result: Sendable {
        public var site: RenderedSite
        public var diagnostics: [Diagnostic]
    }

    public func render(_ site: Site, plan: SitePlan? = nil,
                       progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> Result {
        let (compiled, diagnostics) = templates.compile()
        guard let library = compiled else { return Result(site: RenderedSite(), diagnostics: diagnostics) }
        let files = (plan ?? self.plan(site)).render(site: site, renderer: self, library: library, progress: progress)
        return Result(site: RenderedSite(files: files), diagnostics: diagnostics)
    }

    /// Every file of the site with what it depends on (see `PageDependency`), in render
    /// order; a later file with the same path wins. A new kind of page goes here, with the
    /// parts of the site its context reads, so that the preview re-renders it when they change.
    /// Without `includeSearch` the search index files are left out; the preview makes them
    /// only when a page asks for them (`LazyRenderedSite`), since the index depends on every
    /// document and most saves are followed by no search at all.
    /// Without `trackDependencies` every page depends on nothing: a one-off build never asks,
    /// and at 10,000 documents the index pages' sets alone held tens of MiB.
    public func plan(_ site: Site, includeSearch: Bool = true, trackDependencies: Bool = true) -> SitePlan {
        let base = baseURL ?? site.config.baseURL
        func tracked(_ dependencies: @autoclosure () -> Set<PageDependency>) -> Set<PageDependency> {
            trackDependencies ? dependencies() : []
        }
        let allSummaries = tracked(Set(site.documentsBySlug.keys.map(PageDependency.summary)))
        // Index pages link every place to its document's title and section number.
        func placeDocuments(_ places: @autoclosure () -> [DocumentPlace]) -> Set<PageDependency> {
            tracked(Set(places().flatMap { [PageDependency.summary($0.documentSlug), .sectionNumbers($0.documentSlug)] }))
        }
        var pages: [PlannedPage] = [
            // The home page shows how many themes each plan has, not their titles.
            .page(IndexPages.homePath, "home",
                  tracked(allSummaries.union(site.documentsBySlug.keys.map { PageDependency.themeLinks(ofDocument: $0) })
                      .union([.documentOrder])),
                  IndexPages.home),
            .page(IndexPages.themesPath, "themes", tracked(allSummaries.union([.documentOrder, .allThemes])), IndexPages.themes),
            .page(IndexPages.notFoundPath, "not-found", [], IndexPages.notFound),
        ]
        // The three indexes, a page per `IndexPaging` page; each depends on the places it shows
        // and on its whole index (a change anywhere can move entries between pages).
        let citedPaging = site.citedDocumentPaging
        let citedLetters = IndexPages.letters(site.citedDocuments, name: \.displayName, paging: citedPaging)
        for (number, range) in citedPaging.pages.enumerated() {
            pages.append(.page(citedPaging.path(ofPage: number), "cited-documents",
                               placeDocuments(site.citedDocuments[range].flatMap(\.places)).union([.citedDocuments]),
                               IndexPages.citedDocuments(page: number, paging: citedPaging, letters: citedLetters)))
        }
        let organizationPaging = site.organizationPaging
        let organizationLetters = IndexPages.letters(site.organizations, name: \.name, paging: organizationPaging)
        for (number, range) in organizationPaging.pages.enumerated() {
            let entries = site.organizations[range]
            pages.append(.page(organizationPaging.path(ofPage: number), "organizations",
                               placeDocuments(entries.flatMap(\.mentions) + entries.flatMap(\.assignments).map {
                                   DocumentPlace(documentSlug: $0.documentSlug, sectionAnchor: $0.assignment.sectionAnchor,
                                                 context: "", location: SourceLocation(line: 1, column: 1))
                               }).union([.organizations]),
                               IndexPages.organizations(page: number, paging: organizationPaging, letters: organizationLetters)))
        }
        let timelinePaging = site.timelinePaging
        let years = IndexPages.years(site.timeline, paging: timelinePaging)
        for (number, range) in timelinePaging.pages.enumerated() {
            pages.append(.page(timelinePaging.path(ofPage: number), "timeline",
                               placeDocuments(site.timeline[range].map(\.place)).union([.timeline]),
                               IndexPages.timeline(page: number, paging: timelinePaging, years: years)))
        }
        for document in site.allDocuments {
            let related = ([document.attachedTo].compactMap { $0 } + document.attachments).map(PageDependency.summary)
            pages.append(.page(DocumentPage.path(document), "document",
                               tracked(Set(related).union([.document(document.slug), .themeLinks(ofDocument: document.slug),
                                                           .citationTargets])),
                               // The site's version of the document: a quick preview update
                               // replaces it without planning again.
                               { DocumentPage.context($0.site.document(document.slug) ?? document, in: $0) }))
        }
        for (index, theme) in site.themes.enumerated() {
            var dependencies: Set<PageDependency> = [
                .document(theme.documentSlug), .summary(theme.documentSlug), .themePage(theme.pagePath),
                .citationTargets, .organizationTargets,
            ]
            if let outline = theme.outline?.documentSlug { dependencies.formUnion([.document(outline), .summary(outline)]) }
            pages.append(.page(theme.pagePath, "theme", tracked(dependencies), { ThemePage.context(theme, index: index, in: $0) }))
        }
        // Search: the page, and the index as JavaScript files (see SiteSearch).
        pages.append(.page(SiteSearch.pagePath, "search", [], SearchPage.context))
        if includeSearch { pages += SiteSearch().plannedPages(for: site) }
        for (path, text) in templates.assets.sorted(by: { $0.key < $1.key }) {
            pages.append(PlannedPage(path: path, make: .bytes(Array(text.utf8))))
        }
        if let base {
            pages.append(PlannedPage(path: "sitemap.xml", dependencies: [.pageList], make: .generated { _, htmlPages in
                Array(FeedWriter.sitemap(pages: htmlPages, baseURL: base).utf8)
            }))
            pages.append(PlannedPage(path: "feed.xml", dependencies: tracked(allSummaries.union([.documentOrder, .timeline])),
                                     make: .generated { site, _ in Array(FeedWriter.atom(site: site, baseURL: base).utf8) }))
        }
        return SitePlan(pages: pages)
    }

    /// Drops the blank lines that section tags leave, so pages stay small and diffs readable.
    static func tidy(_ html: String) -> String {
        String(decoding: tidyBytes(Array(html.utf8)), as: UTF8.self)
    }

    /// `tidy` on bytes, in one pass: a line is kept when it has a character other than
    /// spaces and tabs, or when it is inside `<pre>` (a line that opens `<pre` counts as inside,
    /// a line that closes `</pre>` too).
    static func tidyBytes(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { tidyBytes($0) }
    }

    /// `tidyBytes` of bytes where they are (the renderer's buffer).
    static func tidyBytes(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Most pages have no `<pre>`: then only blank lines go, and kept lines are copied in runs.
        Self.containsPreTag(buffer) ? tidyBytesLineByLine(buffer) : dropBlankLines(buffer)
    }

    /// Whether the page has `<pre`: each `<` found by `memchr`, the four bytes there compared as
    /// one word. Comparing them through `matches` (an array's elements, enumerated) was most of
    /// the scan, a few hundred tags a page; an eight-byte scan for `<` in Swift was slower than
    /// `memchr`'s. `containsPreTagByTags` stays as its reference.
    static func containsPreTag(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let count = buffer.count
        let raw = UnsafeRawPointer(base)
        // `<pre` as a little-endian word.
        let tag: UInt32 = 0x3C | 0x70 << 8 | 0x72 << 16 | 0x65 << 24
        var start = 0
        while start &+ 4 <= count, let hit = memchr(base + start, 0x3C, count &- start) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard at &+ 4 <= count else { return false }
            if UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) == tag { return true }
            start = at &+ 1
        }
        return false
    }

    /// `dropBlankLinesByAppending` written into the array's memory: each kept run was an
    /// `append(contentsOf:)` (a uniqueness and capacity check and a generic copy), and index
    /// pages have thousands of blank lines, a run each.
    static func dropBlankLines(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return [] }
        let n = buffer.count
        // At most the page and a line feed after its last line.
        return [UInt8](unsafeUninitializedCapacity: n + 1) { out, written in
            written = 0
            guard let target = out.baseAddress else { return }
            var count = 0
            var keepStart = 0
            var lineStart = 0
            while lineStart < n {
                var index = lineStart
                while index < n, base[index] == 0x20 || base[index] == 0x09 || base[index] == 0x0D { index += 1 }
                if index == n || base[index] == 0x0A {
                    // A blank line: what came before it is kept, the line itself is not.
                    if keepStart < lineStart {
                        (target + count).initialize(from: base + keepStart, count: lineStart - keepStart)
                        count += lineStart - keepStart
                    }
                    lineStart = index + 1
                    keepStart = lineStart
                    continue
                }
                index = Self.find(0x0A, in: buffer, from: index) ?? n
                if index == n {
                    (target + count).initialize(from: base + keepStart, count: n - keepStart)
                    count += n - keepStart
                    target[count] = 0x0A
                    written = count + 1
                    return
                }
                lineStart = index + 1
            }
            if keepStart < n {
                (target + count).initialize(from: base + keepStart, count: n - keepStart)
                count += n - keepStart
            }
            written = count
        }
    }

    /// The blank-line pass as it was, appending each kept run: the reference of `dropBlankLines`.
    static func dropBlankLinesByAppending(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count)
        let n = buffer.count
        var keepStart = 0
        var lineStart = 0
        while lineStart < n {
            var index = lineStart
            while index < n, buffer[index] == 0x20 || buffer[index] == 0x09 || buffer[index] == 0x0D { index += 1 }
            if index == n || buffer[index] == 0x0A {
                // A blank line: what came before it is kept, the line itself is not.
                if keepStart < lineStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[keepStart..<lineStart])) }
                lineStart = index + 1
                keepStart = lineStart
                continue
            }
            index = Self.find(0x0A, in: buffer, from: index) ?? n
            if index == n {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[keepStart..<n]))
                out.append(0x0A)
                return out
            }
            lineStart = index + 1
        }
        if keepStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[keepStart..<n])) }
        return out
    }

    /// `tidyBytes` for pages with `<pre>`: line by line, keeping blank lines inside it.
    static func tidyBytesLineByLine(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count)
        var inPre = false
        var lineStart = 0
        var hasText = false
        var opensPre = false
        var closesPre = false
        let n = buffer.count
        do {
            func endLine(_ end: Int) {
                if opensPre { inPre = true }
                if inPre || hasText {
                    out.append(contentsOf: buffer[lineStart..<end])
                    out.append(0x0A)
                }
                if closesPre { inPre = false }
                hasText = false
                opensPre = false
                closesPre = false
            }
            var index = 0
            while index < n {
                let byte = buffer[index]
                if byte == 0x0A {
                    endLine(index)
                    lineStart = index + 1
                } else {
                    if byte != 0x20, byte != 0x09, byte != 0x0D { hasText = true }
                    if byte == UInt8(ascii: "<") {
                        if Self.matches(buffer, at: index + 1, Self.preOpen) { opensPre = true }
                        if Self.matches(buffer, at: index + 1, Self.preClose) { closesPre = true }
                    }
                }
                index += 1
            }
            endLine(n)
        }
        return out
    }

    private static let preTag = Array("<pre".utf8)

    static func containsPreTagByTags(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        contains(buffer, preTag)
    }

    private static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var start = 0
        while let found = find(first, in: buffer, from: start) {
            if matches(buffer, at: found, needle) { return true }
            start = found + 1
        }
        return false
    }

    /// The first `byte` at or after `start` (memchr: these are whole pages, scanned often).
    private static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count,
              let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// `pre` and `/pre>`, after the `<`.
    private static let preOpen = Array("pre".utf8)
    private static let preClose = Array("/pre>".utf8)

    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: [UInt8]) -> Bool {
        guard start + needle.count <= buffer.count else { return false }
        for (offset, byte) in needle.enumerated() where buffer[start + offset] != byte { return false }
        return true
    }
}
