import DecuongContent
import DecuongCore
import DecuongStructure

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
        var bundles: [String: [LoadedFile]] = [:]
        var standalone: [LoadedFile] = []
        for file in files {
            if let bundle = file.bundle { bundles[bundle, default: []].append(file) } else { standalone.append(file) }
        }
        // Attachments found by `attached_to` or by number may point anywhere in the site, so
        // every main document gets its slug before any attachment is placed.
        var pending: [(file: LoadedFile, bundleMain: Int?)] = []
        for bundle in bundles.keys.sorted() {
            let members = bundles[bundle] ?? []
            let mains = members.filter { !Self.looksAttached($0) }
            var mainIndex: Int?
            var chosen: [LoadedFile]
            if mains.count == 1 {
                chosen = mains
            } else if mains.isEmpty {
                chosen = Array(members.prefix(1))
                if members.count > 1 {
                    diagnostics.append(.error(
                        "content.no-main-document",
                        "every document in \(ContentLoader.contentFolder)/\(bundle)/ looks like an attachment, so none is the main document",
                        file: members[0].source.path,
                        hint: "give the plan a title such as KẾ HOẠCH and no `attached_to`, or move the attachments into the plan's folder"))
                }
            } else {
                chosen = mains
                diagnostics.append(.error(
                    "content.ambiguous-main-document",
                    "\(ContentLoader.contentFolder)/\(bundle)/ has several main documents: \(mains.map(\.fileName).joined(separator: ", "))",
                    file: mains[1].source.path,
                    hint: "a folder holds one plan: add `attached_to: \(mains[0].fileName)` to the front matter of its attachments, or move other plans into their own folders"))
            }
            for (offset, main) in chosen.enumerated() {
                let fallback = Slug.make(bundle.replacingOccurrences(of: "/", with: "-"))
                let base = offset == 0 ? fallback : "\(fallback)-\(Slug.make(main.stem))"
                let index = addMain(main, slug: main.source.frontMatter.slug ?? base)
                if offset == 0 { mainIndex = index }
            }
            for member in members where !chosen.contains(member) {
                pending.append((member, mainIndex))
            }
        }
        for file in standalone {
            if Self.looksAttached(file), file.source.frontMatter.attachedTo != nil || file.structure.header.attachedToNumber != nil {
                pending.append((file, nil))
            } else {
                _ = addMain(file, slug: file.source.frontMatter.slug ?? Slug.make(file.stem))
            }
        }
        for (file, bundleMain) in pending {
            guard let parent = target(of: file, bundleMain: bundleMain) else {
                diagnostics.append(.warning(
                    "content.attachment-without-document",
                    "cannot tell which document \(file.source.path) is attached to; it is published on its own",
                    file: file.source.path, at: file.source.frontMatter.locations["attached_to"],
                    hint: "set `attached_to:` to the main document's file name or slug"))
                _ = addMain(file, slug: file.source.frontMatter.slug ?? Slug.make(file.stem))
                continue
            }
            let parentSlug = documents[parent].slug
            let slug = file.source.frontMatter.slug ?? "\(parentSlug)-\(Slug.make(file.stem))"
            addAttachment(file.structure, source: file.source.path, frontMatter: file.source.frontMatter, slug: slug,
                          parent: parent)
        }
        return documents
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
    private mutating func addMain(_ file: LoadedFile, slug: String) -> Int {
        let document = SiteDocument(slug: claim(slug, for: file.source.path), sourcePath: file.source.path,
                                    structure: file.structure, frontMatter: file.source.frontMatter)
        documents.append(document)
        let index = documents.count - 1
        addEmbeddedAttachments(of: index)
        return index
    }

    private mutating func addAttachment(_ structure: StructuredDocument, source: String, frontMatter: FrontMatter,
                                        slug: String, parent: Int) {
        let document = SiteDocument(slug: claim(slug, for: source), sourcePath: source, structure: structure,
                                    frontMatter: frontMatter, attachedTo: documents[parent].slug)
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
