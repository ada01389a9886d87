import DecuongContent
import DecuongCore
import DecuongStructure
import Foundation

/// Decides which files are main documents and which are attachments, and gives every
/// document its slug. Rules (DESIGN.md §2): in a bundle folder the main document is the one
/// that is not an attachment; an attachment is known by its kind (ĐỀ CƯƠNG, PHỤ LỤC), by a
/// "(Kèm theo …)" line, or by front matter `attached_to`.
struct DocumentArranger {
    /// Page folders the site itself uses; a document slug may not take them.
    static let reservedSlugs: Set<String> = ["chu-de", "van-ban", "co-quan", "moc-thoi-gian", "assets", "tim-kiem", "404"]

    private(set) var documents: [SiteDocument] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// slug → source path, to name both files of a collision.
    private var slugOwners: [String: String] = [:]

    mutating func arrange(_ files: [LoadedFile]) -> [SiteDocument] {
        // What each file says of itself, made on every core first: the kinds folded and the
        // display titles of 10,000 documents were 70 ms of one core while the other idled.
        let facts = Self.facts(of: files)
        var bundles: [String: [Int]] = [:]
        var standalone: [Int] = []
        for index in files.indices {
            if let bundle = files[index].bundle { bundles[bundle, default: []].append(index) } else { standalone.append(index) }
        }
        // Attachments found by `attached_to` or by number may point anywhere in the site, so
        // every main document gets its slug before any attachment is placed.
        var pending: [(file: Int, bundleMain: Int?)] = []
        for bundle in bundles.keys.sorted() {
            let members = bundles[bundle] ?? []
            let mains = members.filter { !facts[$0].looksAttached }
            var mainIndex: Int?
            var chosen: [Int]
            if mains.count == 1 {
                chosen = mains
            } else if mains.isEmpty {
                chosen = Array(members.prefix(1))
                if members.count > 1 {
                    diagnostics.append(.error(
                        "content.no-main-document",
                        "every document in \(ContentLoader.contentFolder)/\(bundle)/ looks like an attachment, so none is the main document",
                        file: files[members[0]].source.path,
                        hint: "give the plan a title such as KẾ HOẠCH and no `attached_to`, or move the attachments into the plan's folder"))
                }
            } else {
                chosen = mains
                diagnostics.append(.error(
                    "content.ambiguous-main-document",
                    "\(ContentLoader.contentFolder)/\(bundle)/ has several main documents: \(mains.map { files[$0].fileName }.joined(separator: ", "))",
                    file: files[mains[1]].source.path,
                    hint: "a folder holds one plan: add `attached_to: \(files[mains[0]].fileName)` to the front matter of its attachments, or move other plans into their own folders"))
            }
            for (offset, main) in chosen.enumerated() {
                let fallback = Slug.make(bundle.replacingOccurrences(of: "/", with: "-"))
                let base = offset == 0 ? fallback : "\(fallback)-\(Slug.make(files[main].stem))"
                let index = addMain(files[main], title: facts[main].title, slug: files[main].source.frontMatter.slug ?? base)
                if offset == 0 { mainIndex = index }
            }
            for member in members where !chosen.contains(member) {
                pending.append((member, mainIndex))
            }
        }
        for index in standalone {
            let file = files[index]
            if facts[index].looksAttached, file.source.frontMatter.attachedTo != nil || file.structure.header.attachedToNumber != nil {
                pending.append((index, nil))
            } else {
                _ = addMain(file, title: facts[index].title, slug: file.source.frontMatter.slug ?? Slug.make(file.stem))
            }
        }
        for (index, bundleMain) in pending {
            let file = files[index]
            guard let parent = target(of: file, bundleMain: bundleMain) else {
                diagnostics.append(.warning(
                    "content.attachment-without-document",
                    "cannot tell which document \(file.source.path) is attached to; it is published on its own",
                    file: file.source.path, at: file.source.frontMatter.locations["attached_to"],
                    hint: "set `attached_to:` to the main document's file name or slug"))
                _ = addMain(file, title: facts[index].title, slug: file.source.frontMatter.slug ?? Slug.make(file.stem))
                continue
            }
            let parentSlug = documents[parent].slug
            let slug = file.source.frontMatter.slug ?? "\(parentSlug)-\(Slug.make(file.stem))"
            addAttachment(file.structure, source: file.source.path, frontMatter: file.source.frontMatter,
                          title: facts[index].title, slug: slug, parent: parent)
        }
        return documents
    }

    /// Per file, whether it looks attached and its display title, made on every core.
    private static func facts(of files: [LoadedFile]) -> [(looksAttached: Bool, title: String)] {
        @Sendable func fact(_ file: LoadedFile) -> (looksAttached: Bool, title: String) {
            (looksAttached(file),
             SiteDocument.displayTitle(structure: file.structure, frontMatter: file.source.frontMatter, sourcePath: file.source.path))
        }
        // A chunk per core and a few more, for uneven documents; a small site on this thread.
        let chunks = min(files.count / 64, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunks > 1 else { return files.map(fact) }
        let size = (files.count + chunks - 1) / chunks
        let results = ChunkResults<[(looksAttached: Bool, title: String)]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(files.count, chunk * size)..<min(files.count, (chunk + 1) * size)
            results.set(chunk, files[range].map(fact))
        }
        var out: [(looksAttached: Bool, title: String)] = []
        out.reserveCapacity(files.count)
        for chunk in 0..<chunks {
            let range = min(files.count, chunk * size)..<min(files.count, (chunk + 1) * size)
            out += results.take(chunk) ?? files[range].map(fact)
        }
        return out
    }

    /// Whether a file says it belongs to another document.
    static func looksAttached(_ file: LoadedFile) -> Bool {
        if file.source.frontMatter.attachedTo != nil || file.structure.header.attachedToNumber != nil { return true }
        let kind = VietnameseText.fold(file.source.frontMatter.kind ?? file.structure.header.kind ?? "")
        return kind.hasPrefix("de cuong") || kind.hasPrefix("phu luc")
    }

    /// The index of the document `file` is attached to.
    private func target(of file: LoadedFile, bundleMain: Int?) -> Int? {
        if let named = file.source.frontMatter.attachedTo {
            let wanted = named.hasSuffix(".md") ? String(named.dropLast(3)) : named
            if let index = documents.firstIndex(where: { document in
                document.slug == wanted || document.sourcePath.hasSuffix("/\(wanted).md")
                    || document.sourcePath.hasSuffix("/\(named)")
            }) {
                return index
            }
        }
        if let number = file.structure.header.attachedToNumber {
            let compact = number.filter { !$0.isWhitespace }
            if let index = documents.firstIndex(where: { $0.attachedTo == nil && $0.number == compact }) { return index }
        }
        return bundleMain
    }

    @discardableResult
    private mutating func addMain(_ file: LoadedFile, title: String, slug: String) -> Int {
        let document = SiteDocument(slug: claim(slug, for: file.source.path), sourcePath: file.source.path,
                                    structure: file.structure, frontMatter: file.source.frontMatter, displayTitle: title)
        documents.append(document)
        let index = documents.count - 1
        addEmbeddedAttachments(of: index)
        return index
    }

    /// `title`: the display title when already made (nil: made here).
    private mutating func addAttachment(_ structure: StructuredDocument, source: String, frontMatter: FrontMatter,
                                        title: String? = nil, slug: String, parent: Int) {
        let document = SiteDocument(slug: claim(slug, for: source), sourcePath: source, structure: structure,
                                    frontMatter: frontMatter,
                                    displayTitle: title ?? SiteDocument.displayTitle(structure: structure, frontMatter: frontMatter,
                                                                                     sourcePath: source),
                                    attachedTo: documents[parent].slug)
        documents.append(document)
        let index = documents.count - 1
        documents[parent].attachments.append(document.slug)
        addEmbeddedAttachments(of: index)
    }

    /// Documents that follow another in the same file (a plan with its outline pasted below).
    private mutating func addEmbeddedAttachments(of index: Int) {
        let owner = documents[index]
        var used: [String: Int] = [:]
        for embedded in owner.structure.attachments {
            let base = Slug.make(embedded.header.kind ?? "phu-luc")
            let count = used[base, default: 0] + 1
            used[base] = count
            let suffix = count > 1 ? "\(base)-\(count)" : (base.isEmpty ? "phu-luc" : base)
            addAttachment(embedded, source: owner.sourcePath, frontMatter: FrontMatter(),
                          slug: "\(owner.slug)-\(suffix)", parent: index)
        }
    }

    /// Records `slug` as taken by `source`; a reserved or taken slug is an error naming both
    /// files, and the document gets a numbered slug so the rest of the build can go on.
    private mutating func claim(_ wanted: String, for source: String) -> String {
        var slug = wanted.isEmpty ? "van-ban-khac" : wanted
        if Self.reservedSlugs.contains(slug) {
            diagnostics.append(.error("content.reserved-slug", "the page name `\(slug)` of \(source) is used by the site itself",
                                      file: source, hint: "set another `slug:` in its front matter, e.g. `slug: \(slug)-1`"))
        } else if let owner = slugOwners[slug] {
            diagnostics.append(.error("content.slug-collision",
                                      "\(source) and \(owner) would both be published as `\(slug)/index.html`",
                                      file: source,
                                      hint: "give one of them its own `slug:` in the front matter (ASCII letters, digits, hyphens)"))
        } else {
            slugOwners[slug] = source
            return slug
        }
        var counter = 2
        while slugOwners["\(slug)-\(counter)"] != nil || Self.reservedSlugs.contains("\(slug)-\(counter)") { counter += 1 }
        slug = "\(slug)-\(counter)"
        slugOwners[slug] = source
        return slug
    }
}
