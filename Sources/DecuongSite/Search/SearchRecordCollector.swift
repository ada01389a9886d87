import Dispatch
import Foundation
import DecuongCore
import DecuongMarkdown
import DecuongStructure

/// Gathers the search records of a site from the same rendering the pages use, so the index
/// holds what a reader can see and nothing else (raw HTML, which pages omit, stays out).
struct SearchRecordCollector {
    let site: Site
    let strings: UIStrings

    static let separator = " › "

    /// Records of a run of documents, numbered from 0, and the records of each section's
    /// subtree by document and anchor, for the themes.
    ///
    /// With an index (`indexing`), each document and section record is indexed as it is made
    /// and only its kind and the lengths of its title and text are kept: `RecordTexts` makes
    /// the rest again shard by shard for writing (at 10,000 documents the records' titles,
    /// breadcrumbs and URLs took about 140 MB, held until the index was written). Theme
    /// records, a few, are kept without their text. `fields` makes records without text.
    private struct Run: Sendable {
        enum Mode { case plain, fields, indexing }

        var mode: Mode = .plain
        var records: [SearchRecord] = []
        /// How many records the run has made (kept or not).
        var count = 0
        var subtrees: [String: [String: Range<Int>]] = [:]
        var index: RunIndex?
        /// Per record, with an index: its kind, and the length in bytes of its title and text.
        var kinds: [SearchRecord.Kind] = []
        var titleLengths: [Int32] = []
        var lengths: [Int32] = []

        /// With an index: the text of the record being made (see `RecordTextBytes`), and its title.
        var text = RecordTextBytes()
        var title: [UInt8] = []

        init(_ mode: Mode = .plain) {
            self.mode = mode
            if mode == .indexing {
                index = RunIndex()
                text = RecordTextBytes(capacity: 1 << 16)
            }
        }

        mutating func append(_ record: SearchRecord) {
            records.append(record)
            count += 1
        }

        /// A theme record without its text, indexed with the text `write` makes in `text`, and kept.
        mutating func append(_ record: SearchRecord, id: Int, text write: (inout RecordTextBytes) -> Void) {
            text.bytes.removeAll(keepingCapacity: true)
            text.beginRecord()
            write(&text)
            text.bytes.withUnsafeBufferPointer { bytes in
                index?.add(record: Int32(truncatingIfNeeded: id), title: record.title, text: bytes)
            }
            noteIndexed(record.kind, title: record.title, textLength: text.bytes.count)
            records.append(record)
        }

        /// Indexes a record whose title is `first`, `second` and `third` one after the other
        /// and whose text `write` makes in `text` (from the bytes, without a `String` for
        /// either), keeping only its kind and lengths.
        mutating func append(_ kind: SearchRecord.Kind, title first: String, _ second: String = "", _ third: String = "", id: Int,
                             text write: (inout RecordTextBytes) -> Void) {
            title.removeAll(keepingCapacity: true)
            title.append(contentsOf: first.utf8)
            title.append(contentsOf: second.utf8)
            title.append(contentsOf: third.utf8)
            text.bytes.removeAll(keepingCapacity: true)
            text.beginRecord()
            write(&text)
            title.withUnsafeBufferPointer { title in
                text.bytes.withUnsafeBufferPointer { bytes in
                    index?.add(record: Int32(truncatingIfNeeded: id), titleBytes: title, text: bytes)
                }
            }
            noteIndexed(kind, titleLength: title.count, textLength: text.bytes.count)
        }

        private mutating func noteIndexed(_ kind: SearchRecord.Kind, title: String, textLength: Int) {
            noteIndexed(kind, titleLength: title.utf8.count, textLength: textLength)
        }

        private mutating func noteIndexed(_ kind: SearchRecord.Kind, titleLength: Int, textLength: Int) {
            kinds.append(kind)
            titleLengths.append(Int32(truncatingIfNeeded: titleLength))
            lengths.append(Int32(truncatingIfNeeded: textLength))
            count += 1
        }
    }

    /// What collecting made: the records (with an index, only the themes'), the index of
    /// them all, and per record (with an index) its kind and lengths.
    private struct Collected {
        var records: [SearchRecord] = []
        /// With an index: the runs' indexes joined, the themes' last (the documents' are
        /// joined, and their tables let go, before the themes are indexed).
        var index: SearchIndex?
        var kinds: [SearchRecord.Kind] = []
        var titleLengths: [Int32] = []
        var lengths: [Int32] = []
        var starts: [Int] = []
        /// `site.allDocuments` as collected (it is made anew each time it is asked for).
        var documents: [SiteDocument] = []
    }

    func records() -> [SearchRecord] {
        collect(.plain).records
    }

    /// The records indexed, and what makes them again: their fields and text are most of
    /// the records' memory, and they are needed again only shard by shard.
    func index() -> SearchIndex {
        let collected = collect(.indexing)
        let texts = RecordTexts(collector: self, documents: collected.documents, starts: collected.starts, lengths: collected.lengths,
                                kinds: collected.kinds, titleLengths: collected.titleLengths, themes: collected.records)
        var index = collected.index ?? SearchIndex()
        index.texts = texts
        return index
    }

    /// The records of `documents` without their text, numbered from `offset`: what the
    /// collecting run of an index made of them (`RecordTexts` asks for a shard's).
    func fieldRecords(of documents: ArraySlice<SiteDocument>, offset: Int) -> [SearchRecord] {
        var run = Run(.fields)
        for number in documents.indices {
            let document = documents[number]
            let id = offset + run.count
            run.append(documentRecord(document, text: ""))
            var subtrees: [String: Range<Int>] = [:]
            collect(document.structure.sections, of: document, page: DocumentPage.path(document), parent: id,
                    trail: document.displayTitle, offset: offset, into: &run, wanted: nil, subtrees: &subtrees)
        }
        return run.records
    }

    /// `fieldRecords` as `RecordFields`, appended to `out`: the same titles, breadcrumbs and
    /// URLs written as bytes side by side instead of joined into a `String` each.
    func fields(of documents: ArraySlice<SiteDocument>, offset: Int, into out: inout RecordFields) {
        for number in documents.indices {
            let document = documents[number]
            let id = offset + out.count
            let title = out.field(document.displayTitle)
            let breadcrumb = out.field(document.attachedTo.flatMap { site.document($0) }?.displayTitle ?? "")
            let page = out.field(DocumentPage.path(document))
            out.append(.document, title: title, breadcrumb: breadcrumb, url: page, parent: -1)
            fields(document.structure.sections, page: page, parent: id, trail: title, offset: offset, into: &out)
        }
    }

    /// The sections' fields; siblings share the trail of their parent (one field).
    private func fields(_ sections: [Section], page: RecordFields.Field, parent: Int, trail: RecordFields.Field, offset: Int,
                        into out: inout RecordFields) {
        for index in sections.indices {
            let id = offset + out.count
            let number = sections[index].displayNumber
            let start = out.mark
            out.write(number)
            out.write(0x2E, 0x20)
            // Read once: a run-in title is made from its lead on each read (see `Section.title`).
            let sectionTitle = Section.title(of: sections, at: index)
            out.write(sectionTitle)
            let title = out.end(from: start)
            let urlStart = out.mark
            out.write(page)
            out.write(0x23)
            out.write(sections[index].anchor)
            out.append(.section, title: title, breadcrumb: trail, url: out.end(from: urlStart), parent: parent)
            guard !sections[index].children.isEmpty else { continue }
            let trailStart = out.mark
            out.write(trail)
            out.write(SearchIndexWriter.separator)
            out.write(number)
            out.write(0x2E, 0x20)
            out.write(Self.shortened(sectionTitle))
            fields(sections[index].children, page: page, parent: id, trail: out.end(from: trailStart), offset: offset, into: &out)
        }
    }

    private func collect(_ mode: Run.Mode) -> Collected {
        let indexing = mode == .indexing
        // Documents on all cores, joined in site order. Each run knows where its records
        // start (a document's record and one per section), so it numbers them as they stay.
        let documents = site.allDocuments
        // The sections the themes read are found on another thread while this one counts
        // the records: both ran on one core while the other idled.
        let wantedFound = DispatchGroup()
        let wantedSubtrees = SharedValue<[String: Set<String>]>([:])
        DispatchQueue.global().async(group: wantedFound) { [self] in
            let found = themeSubtrees()
            wantedSubtrees.withLock { $0 = found }
        }
        var starts = [0]
        starts.reserveCapacity(documents.count + 1)
        for index in documents.indices {
            starts.append(starts[starts.count - 1] + 1 + Self.count(documents[index].structure.sections))
        }
        wantedFound.wait()
        // Indexing, one run per core: more runs repeat their keys in the joining step.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = max(1, min(indexing ? cores : cores * 4, documents.count / 8))
        let size = (documents.count + chunks - 1) / chunks
        let results = ChunkResults<Run>(count: chunks)
        let firsts = starts
        let wanted = wantedSubtrees.value
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(documents.count, chunk * size)..<min(documents.count, (chunk + 1) * size)
            var run = Run(mode)
            guard !range.isEmpty else { return results.set(chunk, run) }
            let offset = firsts[range.lowerBound]
            // Exactly the run's records: grown by appending, the arrays held up to twice that
            // until they were joined.
            let count = firsts[range.upperBound] - offset
            if indexing {
                run.kinds.reserveCapacity(count)
                run.titleLengths.reserveCapacity(count)
                run.lengths.reserveCapacity(count)
            } else {
                run.records.reserveCapacity(count)
            }
            for document in documents[range] {
                let id = offset + run.count
                if indexing {
                    run.append(.document, title: document.displayTitle, id: id) { $0.appendDocumentText(document) }
                } else {
                    run.append(documentRecord(document, text: documentText(document)))
                }
                var subtrees: [String: Range<Int>] = [:]
                // Indexing keeps no URL (nor the page it is made of).
                collect(document.structure.sections, of: document, page: indexing ? "" : DocumentPage.path(document), parent: id,
                        trail: document.displayTitle, offset: offset, into: &run, wanted: wanted[document.slug], subtrees: &subtrees)
                if !subtrees.isEmpty { run.subtrees[document.slug, default: [:]].merge(subtrees) { _, later in later } }
            }
            run.index?.finish()
            results.set(chunk, run)
        }
        var out = Collected()
        let total = starts[starts.count - 1] + site.themes.count
        if indexing {
            out.kinds.reserveCapacity(total)
            out.titleLengths.reserveCapacity(total)
            out.lengths.reserveCapacity(total)
        } else {
            out.records.reserveCapacity(total)
        }
        var subtrees: [String: [String: Range<Int>]] = [:]
        for chunk in 0..<chunks {
            if let run = results.value(chunk) { subtrees.merge(run.subtrees) { first, _ in first } }
        }
        // The theme records are made and indexed on another thread while this one joins the
        // documents' runs, then makes the rest of them: the other thread alone took 170 ms at
        // 10,000 documents after the joining's 55, a stretch of one core only. The first part
        // is the larger, since this thread starts its part after joining.
        let themes = site.themes
        let split = themes.count * 5 / 8
        // Numbered after the first part's records, which are its themes that have a plan.
        let firstPart = themes[..<split].reduce(0) { $0 + (site.document($1.documentSlug) == nil ? 0 : 1) }
        let themeRun = ChunkResults<Run>(count: 1)
        let themesMade = DispatchGroup()
        let documentRecords = starts[starts.count - 1]
        DispatchQueue.global().async(group: themesMade) { [self, subtrees] in
            themeRun.set(0, themeRecords(themes[..<split], mode, subtrees: subtrees, firstID: documentRecords))
        }
        // What the workers let go when their runs were finished (batches, tables).
        if indexing { Jemalloc.purge() }
        for chunk in 0..<chunks {
            guard let run = results.take(chunk) else { continue }
            Self.add(run, to: &out)
        }
        let secondRun = themeRecords(themes[split...], mode, subtrees: subtrees, firstID: documentRecords + firstPart)
        themesMade.wait()
        let firstRun = themeRun.take(0) ?? Run(mode)
        // The second part was numbered by counting the themes with a plan; should the first part
        // have made another count of records, it is made again after it, numbered as it must be.
        let secondNumbered = firstRun.count == firstPart ? secondRun
            : themeRecords(themes[split...], mode, subtrees: subtrees, firstID: documentRecords + firstRun.count)
        Self.add(firstRun, to: &out)
        Self.add(secondNumbered, to: &out)
        out.starts = starts
        out.documents = documents
        return out
    }

    /// The texts of the records of `documents`, in record order, one after the other, and
    /// where each ends: the bytes of `texts(of:)`.
    func textBytes(of documents: ArraySlice<SiteDocument>, capacity: Int = 0) -> (bytes: [UInt8], ends: [Int]) {
        var out = RecordTextBytes(capacity: capacity)
        var ends: [Int] = []
        for number in documents.indices {
            out.beginRecord()
            out.appendDocumentText(documents[number])
            ends.append(out.bytes.count)
            sectionTextBytes(documents[number].structure.sections, into: &out, ends: &ends)
        }
        return (out.bytes, ends)
    }

    private func sectionTextBytes(_ sections: [Section], into out: inout RecordTextBytes, ends: inout [Int]) {
        for index in sections.indices {
            out.beginRecord()
            out.appendOwnText(sections[index].lead, sections[index].body)
            ends.append(out.bytes.count)
            sectionTextBytes(sections[index].children, into: &out, ends: &ends)
        }
    }

    /// The texts of the records of `documents`, in record order.
    func texts(of documents: ArraySlice<SiteDocument>) -> [String] {
        var out: [String] = []
        for number in documents.indices {
            out.append(documentText(documents[number]))
            sectionTexts(documents[number].structure.sections, into: &out)
        }
        return out
    }

    private func sectionTexts(_ sections: [Section], into out: inout [String]) {
        for index in sections.indices {
            out.append(ownText(sections[index].lead, sections[index].body))
            sectionTexts(sections[index].children, into: &out)
        }
    }

    func ownText(_ lead: [Inline], _ body: [Block]) -> String {
        join([inlineText(lead), text(body)])
    }

    /// A title for breadcrumbs: past 60 characters, its first 57 and `…`. Counting
    /// characters walks grapheme clusters, which was a good part of collecting records; where
    /// every scalar is a character of its own (precomposed Vietnamese), scalars are counted.
    static func shortened(_ title: String) -> String {
        guard title.utf8.count > 60 else { return title }
        var scalars = 0
        var cut = 0
        var simple = true
        var copy = title
        copy.withUTF8 { bytes in
            for offset in bytes.indices {
                let byte = bytes[offset]
                if byte & 0xC0 == 0x80 { continue }
                // Below the combining marks (lead bytes up to 0xCB; CR excepted: CR LF is one
                // character), the precomposed letters of Latin Extended Additional (ạ … ỹ,
                // U+1E00–U+1EFF: E1 B8–BB), or the dashes, quotes and marks of General
                // Punctuation that are characters of their own (U+2010–U+2027, U+2030–U+205E:
                // not the joiners, line separators or format characters around them). The
                // others are read only past the plain bytes, which are most of a title.
                if byte >= 0xCC || byte == 0x0D {
                    let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0
                    let extended = byte == 0xE1 && (0xB8...0xBB).contains(next)
                    let punctuation = byte == 0xE2 && offset + 2 < bytes.count
                        && (next == 0x80 && ((0x90...0xA7).contains(bytes[offset + 2]) || bytes[offset + 2] >= 0xB0)
                            || next == 0x81 && bytes[offset + 2] <= 0x9E)
                    guard extended || punctuation else {
                        simple = false
                        return
                    }
                }
                if scalars == 57 { cut = offset }
                scalars += 1
            }
        }
        guard simple else { return title.count > 60 ? String(title.prefix(57)) + "…" : title }
        return scalars > 60 ? String(decoding: title.utf8.prefix(cut), as: UTF8.self) + "…" : title
    }

    /// The strings one after the other, their bytes copied side by side: each
    /// `String.append` of `referenceJoined` cost about 300 instructions of checks and
    /// bookkeeping, five for every section with children and six for every other section
    /// whose record is made again for writing. (The bytes of valid strings one after the
    /// other are valid: validating them is a quick scan.)
    static func joined(_ a: String, _ b: String, _ c: String, _ d: String = "", _ e: String = "") -> String {
        a.withUTF8Bytes { a in
            b.withUTF8Bytes { b in
                c.withUTF8Bytes { c in
                    d.withUTF8Bytes { d in
                        e.withUTF8Bytes { e in
                            // In a temporary buffer, then decoded: `String(unsafeUninitializedCapacity:)`
                            // made a string past 15 bytes in a buffer of its own, then copied it
                            // into another (1,400 instructions a heading).
                            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: a.count + b.count + c.count + d.count + e.count) { out in
                                var at = 0
                                // (Not a loop over an array of the five: that would allocate it.)
                                func copy(_ part: UnsafeBufferPointer<UInt8>) {
                                    guard let source = part.baseAddress, let target = out.baseAddress, !part.isEmpty else { return }
                                    (target + at).initialize(from: source, count: part.count)
                                    at += part.count
                                }
                                copy(a)
                                copy(b)
                                copy(c)
                                copy(d)
                                copy(e)
                                return String(decoding: UnsafeBufferPointer(rebasing: out[..<at]), as: UTF8.self)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The reference of `joined`: interpolating and `+` grew the result (or made a string
    /// per step), so the parts are appended to a string with room for them all.
    static func referenceJoined(_ a: String, _ b: String, _ c: String, _ d: String = "", _ e: String = "") -> String {
        var out = ""
        out.reserveCapacity(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count)
        out += a
        out += b
        out += c
        out += d
        out += e
        return out
    }

    /// (By index: `reduce` copied every `Section`, retaining each of its fields.)
    private static func count(_ sections: [Section]) -> Int {
        var total = sections.count
        for index in sections.indices { total += count(sections[index].children) }
        return total
    }

    private func documentRecord(_ document: SiteDocument, text: String) -> SearchRecord {
        let breadcrumb = document.attachedTo.flatMap { site.document($0) }?.displayTitle ?? ""
        return SearchRecord(kind: .document, title: document.displayTitle, breadcrumb: breadcrumb,
                            url: DocumentPage.path(document), text: text)
    }

    func documentText(_ document: SiteDocument) -> String {
        let structure = document.structure
        var parts: [String] = []
        if let issuer = document.issuer { parts.append(issuer) }
        if let number = document.number { parts.append(number) }
        parts.append(text(structure.preamble))
        parts.append(text(structure.epilogue))
        parts += structure.closing.recipients
        if let signature = structure.closing.signature {
            parts += [signature.authority, signature.position, signature.name].compactMap { $0 }
        }
        return join(parts)
    }

    /// Appends the records of `sections` and their subsections; record numbers start at
    /// `offset` in `run`.
    /// (`page` is the document's, made once for all its sections: an interpolation for every
    /// section with children.)
    private func collect(_ sections: [Section], of document: SiteDocument, page: String, parent: Int, trail: String, offset: Int,
                         into run: inout Run, wanted: Set<String>?, subtrees: inout [String: Range<Int>]) {
        // Indexing keeps no URL nor breadcrumb (nor the trail they are made of).
        let indexing = run.mode == .indexing
        // By index, not `for section in sections`: a copy of a `Section` retains each field.
        for index in sections.indices {
            let number = sections[index].displayNumber
            let title = Section.title(of: sections, at: index)
            let anchor = sections[index].anchor
            let id = offset + run.count
            switch run.mode {
            case .indexing:
                // The heading's bytes are indexed as they are put together: no `String` for it.
                run.append(.section, title: number, ". ", title, id: id) { $0.appendOwnText(sections[index].lead, sections[index].body) }
            case .fields:
                run.append(SearchRecord(kind: .section, title: Self.joined(number, ". ", title), breadcrumb: trail,
                                        url: Self.joined(page, "#", anchor), text: "", parent: parent))
            case .plain:
                let own = ownText(sections[index].lead, sections[index].body)
                run.append(SearchRecord(kind: .section, title: Self.joined(number, ". ", title), breadcrumb: trail,
                                        url: "\(page)#\(anchor)", text: own, parent: parent))
            }
            // Only children read the trail (most sections have none).
            if !sections[index].children.isEmpty {
                let childTrail = indexing ? "" : Self.joined(trail, Self.separator, number, ". ", Self.shortened(title))
                collect(sections[index].children, of: document, page: page, parent: id, trail: childTrail,
                        offset: offset, into: &run, wanted: wanted, subtrees: &subtrees)
            }
            if wanted?.contains(anchor) == true { subtrees[anchor] = id..<(offset + run.count) }
        }
    }

    /// The sections whose subtree a theme record lists, by document slug and anchor: the
    /// ones `themeRecord` looks up. Keeping every section's subtree (360,000 at 10,000
    /// documents) took tens of megabytes while the records were collected.
    private func themeSubtrees() -> [String: Set<String>] {
        var wanted: [String: Set<String>] = [:]
        for theme in site.themes {
            guard let plan = site.document(theme.documentSlug) else { continue }
            if let section = plan.structure.section(anchor: theme.theme.sectionAnchor) {
                wanted[plan.slug, default: []].insert(section.anchor)
            }
            if let match = theme.outline, let outline = site.document(match.documentSlug),
               let section = outline.structure.section(anchor: match.sectionAnchor) {
                wanted[outline.slug, default: []].insert(section.anchor)
            }
        }
        return wanted
    }

    /// Appends a run's records, and joins its index to the collected one.
    private static func add(_ run: consuming Run, to out: inout Collected) {
        out.records += run.records
        out.kinds += run.kinds
        out.titleLengths += run.titleLengths
        out.lengths += run.lengths
        if var index = run.index.take() {
            if out.index == nil { out.index = SearchIndex() }
            out.index?.join(&index)
        }
    }

    /// The records of `themes`, numbered from `firstID`: with an index, indexed and kept without
    /// their text, which is made as bytes (`RecordTextBytes.appendSubtreeText`).
    private func themeRecords(_ themes: ArraySlice<SiteTheme>, _ mode: Run.Mode, subtrees: [String: [String: Range<Int>]],
                              firstID: Int) -> Run {
        var run = Run(mode)
        for theme in themes {
            guard let (record, sections) = themeRecord(theme, subtrees: subtrees) else { continue }
            let id = firstID + run.count
            if mode == .indexing {
                run.append(record, id: id) { text in
                    for section in sections { text.appendSubtreeText(section) }
                }
            } else {
                var record = record
                record.text = join(sections.map(subtreeText))
                run.append(record)
            }
        }
        run.index?.finish()
        return run
    }

    /// A theme's record without its text, and the sections its text is made of.
    private func themeRecord(_ theme: SiteTheme, subtrees: [String: [String: Range<Int>]]) -> (SearchRecord, [Section])? {
        guard let plan = site.document(theme.documentSlug) else { return nil }
        var sections: [Section] = []
        var ranges: [Range<Int>] = []
        if let section = plan.structure.section(anchor: theme.theme.sectionAnchor) {
            sections.append(section)
            if let range = subtrees[plan.slug]?[section.anchor] { ranges.append(range) }
        }
        if let match = theme.outline, let outline = site.document(match.documentSlug),
           let section = outline.structure.section(anchor: match.sectionAnchor) {
            sections.append(section)
            if let range = subtrees[outline.slug]?[section.anchor] { ranges.append(range) }
        }
        let record = SearchRecord(kind: .theme, title: "\(strings["theme"]) \(theme.theme.number). \(theme.theme.title)",
                                  breadcrumb: plan.displayTitle, url: theme.pagePath, text: "", sections: ranges)
        return (record, sections)
    }

    /// The reference of `RecordTextBytes.appendSubtreeText`.
    func subtreeText(_ section: Section) -> String {
        join([section.marker.filter { $0 != "*" && $0 != "_" }, inlineText(section.lead), text(section.body)]
            + section.children.map(subtreeText))
    }

    /// What a reader sees of the blocks, straight from the tree: the same text the safe
    /// renderer shows (raw HTML is not text there either), without rendering and stripping.
    private func text(_ blocks: [Block]) -> String {
        blocks.count == 1 ? blocks[0].plainText : blocks.map(\.plainText).joined(separator: " ")
    }

    /// Whether `trimmed()` would change `s` (the same spaces: ASCII ones, no-break, figure,
    /// narrow no-break and ideographic).
    private static func hasSpaceAtEnds(_ s: String) -> Bool {
        func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
            switch scalar?.value {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2007, 0x202F, 0x3000: true
            default: false
            }
        }
        return isSpace(s.unicodeScalars.first) || isSpace(s.unicodeScalars.last)
    }

    private func inlineText(_ inlines: [Inline]) -> String { inlines.plainText }

    private func join(_ parts: [String]) -> String {
        var out = ""
        for part in parts {
            // `trimmed()` copies; most parts have nothing to trim.
            let trimmed = Self.hasSpaceAtEnds(part) ? part.trimmed() : part
            guard !trimmed.isEmpty else { continue }
            if !out.isEmpty { out += " " }
            out += trimmed
        }
        return out
    }
}
