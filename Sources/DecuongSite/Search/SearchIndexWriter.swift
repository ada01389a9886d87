import DecuongCore
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a `SearchIndex` as JavaScript files that `search.js` loads with `<script>` tags,
/// which, unlike `fetch`, works when the site is opened from disk (`file://`).
///
/// - `search/index.js` registers the manifest: how many term shards there are, which record
///   number starts each record shard, and each record's kind (as runs: `d1s35…`).
/// - `search/t<N>.js` holds the keys whose folded syllable hashes to shard N (pairs go with
///   their first syllable), so a query loads only the shards of its own words. Record lists
///   are `PostingList` characters; an exact key holding the same records as its folded key
///   is written `0`.
/// - `search/r<N>.js` holds records for results and snippets, a document and its sections
///   in one shard, their text coded by `WordCoder` (`search/w.js` holds the words). A
///   section's breadcrumb and page refer to its parent's, its title to the start of its
///   text, and a theme lists its sections instead of repeating their text.
/// A small site keeps everything in `index.js`: one file, one request.
public struct SearchIndexWriter: Sendable {
    public static let folder = "search"
    public static let indexPath = "search/index.js"
    public static let formatVersion = 2
    /// About this many bytes per shard; a first search from disk then stays fast on old machines.
    public var shardBytes: Int
    /// Records are smaller shards: each result shown may need its own.
    public var recordShardBytes: Int

    public init(shardBytes: Int = 192 * 1024, recordShardBytes: Int? = nil) {
        self.shardBytes = max(1024, shardBytes)
        self.recordShardBytes = max(512, recordShardBytes ?? shardBytes / 6)
    }

    public func files(for index: consuming SearchIndex) -> [String: [UInt8]] {
        let collected = SharedValue<[String: [UInt8]]>([:])
        write(owning: index) { path, bytes in collected.withLock { $0[path] = bytes } }
        return collected.withLock { $0 }
    }

    /// Hands each file to `emit` as soon as it is made, from several threads: a site build
    /// then writes the term and record shards while the rest are made, instead of holding the
    /// whole index (120 MB at 10,000 documents) until its pages are written.
    public func write(for index: consuming SearchIndex, emit: @escaping @Sendable (String, [UInt8]) -> Void) {
        write(owning: index, emit: emit)
    }

    private func write(owning index: consuming SearchIndex, emit: @escaping @Sendable (String, [UInt8]) -> Void) {
        // Record shards hold whole documents where they can; text shrinks about 2.5 times
        // when coded, and shards are cut by the size before coding.
        // Each shard's records (and texts) are asked of the index as the shard is written: an
        // index made while collecting makes them again instead of holding them all.
        let recordCount = index.recordCount
        let kinds = index.recordKinds
        let rawLimit = recordShardBytes * 5 / 2
        var starts = [0]
        var size = 0
        index.titleLengths.withUnsafeBufferPointer { titleLengths in
            for id in 0..<recordCount {
                let kind = kinds[id]
                let bytes = Int(titleLengths[id]) + index.textLength(id) + 16
                let boundary = kind != .section || size > rawLimit * 4
                if size > 0, boundary, size + bytes > rawLimit {
                    starts.append(id)
                    size = 0
                }
                size += kind == .theme ? Int(titleLengths[id]) + 32 : bytes
            }
        }
        var shardOf = Array(repeating: 0, count: recordCount)
        for (shard, start) in starts.enumerated() {
            let end = shard + 1 < starts.count ? starts[shard + 1] : recordCount
            for id in start..<end { shardOf[id] = shard }
        }
        let (shardStarts, shardIndex) = (starts, shardOf)
        // Several term shards rule out one inline file: each goes as soon as it is made,
        // instead of all of them (50 MB at 10,000 documents) held beside the lists, which
        // are let go once the terms are written (in this copy of the index; when it was the
        // only one, for good).
        let terms = SharedValue<(scripts: [[UInt8]], count: Int)>(([], 1))
        let postings = SharedValue<SearchIndex.Postings.Taken>(index.takePostings())
        let keys = index.keys
        let shardBytes = shardBytes
        let writeTerms: @Sendable () -> Void = {
            postings.withLock { postings in
                Self.terms(keys, postings, shardBytes: shardBytes) { number, count, script in
                    terms.withLock { $0.count = count }
                    if count == 1 {
                        terms.withLock { $0.scripts.append(script) }
                    } else {
                        emit("\(Self.folder)/t\(number).js", script)
                    }
                }
                postings = SearchIndex.Postings.Taken()
            }
            Jemalloc.purge()
        }
        // Every key writes at least 5 bytes (its list holds a record: 1 byte, and 4 around
        // it), so past `shardBytes / 5` keys there are several term shards: they are made on
        // a thread of their own while the word coder and the record shards are made, where
        // the sorting and writing of the terms, then the coder's ranking of the words, were
        // stretches of one core only. The record shards hold little (each goes as it is
        // made). A smaller index writes its terms first, to know whether everything fits in
        // one inline file.
        let termsBeside = keys.count > shardBytes / 5
        let termsMade = DispatchGroup()
        if termsBeside {
            DispatchQueue.global().async(group: termsMade, execute: writeTerms)
        } else {
            writeTerms()
        }
        let streamed = termsBeside || terms.value.count != 1
        let coder = WordCoder(words: index.words, counts: index.wordCounts)
        let recordSource = index
        let results = ChunkResults<(script: [UInt8], rows: Int)>(count: starts.count)
        DispatchQueue.concurrentPerform(iterations: shardStarts.count) { shard in
            let base = shardStarts[shard]
            let end = shard + 1 < shardStarts.count ? shardStarts[shard + 1] : recordCount
            // The script around the rows is written here too: adding it later copied them all.
            var out = Array("DecuongSearch.records(\(shard),[".utf8)
            out.reserveCapacity(recordShardBytes * 2)
            let head = out.count
            // Titles, breadcrumbs and URLs as bytes (`RecordFields`), not a `String` each.
            let (fields, made) = recordSource.fields(in: base..<end)
            let shardRecords = ShardRecords(fields: fields, base: base, shardOf: shardIndex)
            fields.bytes.withUnsafeBufferPointer { fieldBytes in
                made.bytes.withUnsafeBufferPointer { texts in
                    let reader = FieldBytes(fields: fields, bytes: fieldBytes)
                    let names = Self.trailNames(shardRecords, reader)
                    for local in fields.indices {
                        if local == 0 {
                            out.append(0x0A)
                        } else {
                            out.append(0x2C)
                            out.append(0x0A)
                        }
                        let text = UnsafeBufferPointer(rebasing: texts[made.bounds[local]..<made.bounds[local + 1]])
                        Self.row(local, shardRecords, reader, text: text, names: names, coder: coder, into: &out)
                    }
                }
            }
            let rowBytes = out.count - head
            JSON.append("]);\n", to: &out)
            if streamed {
                emit("\(Self.folder)/r\(shard).js", out)
                results.set(shard, ([], rowBytes))
            } else {
                results.set(shard, (out, rowBytes))
            }
        }
        termsMade.wait()
        let shards = results.values
        let recordBytes = shards.reduce(0) { $0 + $1.rows }
        let wordsScript = Self.wordsScript(coder)
        let (termScripts, termCount) = terms.value
        let termBytes = termScripts.reduce(0) { $0 + $1.count }
        let inline = !streamed && termBytes + recordBytes + wordsScript.count <= shardBytes

        // One letter per record (d, s, t) so that ranking can break ties by kind before any
        // record shard is loaded.
        var manifest: [UInt8] = []
        JSON.append("/* decuong search index; generated, do not edit. */\nDecuongSearch.index({\"v\":", to: &manifest)
        JSON.appendNumber(Self.formatVersion, to: &manifest)
        JSON.append(",\"terms\":", to: &manifest)
        JSON.appendNumber(termCount, to: &manifest)
        JSON.append(",\"records\":[", to: &manifest)
        for (number, start) in starts.enumerated() {
            if number > 0 { manifest.append(0x2C) }
            JSON.appendNumber(start, to: &manifest)
        }
        JSON.append("],\"count\":", to: &manifest)
        JSON.appendNumber(recordCount, to: &manifest)
        manifest += Array(",\"inline\":\(inline),\"kinds\":\"".utf8)
        // Run lengths: `d1s35d1s40…t12`.
        var runStart = 0
        for id in 0..<recordCount where id + 1 == recordCount || kinds[id + 1] != kinds[id] {
            manifest.append(kinds[id].code.asciiValue ?? 0x64)
            JSON.appendNumber(id + 1 - runStart, to: &manifest)
            runStart = id + 1
        }
        JSON.append("\"});\n", to: &manifest)

        if inline, let terms = termScripts.first, let records = shards.first {
            emit(Self.indexPath, manifest + wordsScript + terms + records.script)
            return
        }
        emit(Self.indexPath, manifest)
        emit("\(Self.folder)/w.js", wordsScript)
        // Terms made beside the records were emitted as they were made, unless (against the
        // bound above) they came to one shard.
        for (number, script) in termScripts.enumerated() where termCount == 1 { emit("\(Self.folder)/t\(number).js", script) }
        guard !streamed else { return }
        for (number, shard) in shards.enumerated() { emit("\(Self.folder)/r\(number).js", shard.script) }
    }

    private static func wordsScript(_ coder: WordCoder) -> [UInt8] {
        var out = Array("DecuongSearch.words([".utf8)
        for (number, word) in coder.words.enumerated() {
            out += number % 16 == 15 ? [0x2C, 0x0A] : number > 0 ? [0x2C] : []
            JSON.appendString(word, to: &out)
        }
        out += Array("]);\n".utf8)
        return out
    }

    // MARK: Terms

    /// Makes the term shards, handing each to `made` with its number and the number of shards.
    private static func terms(_ keys: [SearchIndex.Key], _ postings: SearchIndex.Postings.Taken,
                              shardBytes: Int, made: (_ number: Int, _ count: Int, _ script: [UInt8]) -> Void) {
        let (titles, bodies, store) = (postings.titles, postings.bodies, postings.store)
        var folded: [Int32] = []
        var exact: [Int32] = []
        var numbers: [Int32] = []
        var pairs: [Int32] = []
        // By index: a copy of each key retained its text.
        for id in keys.indices {
            switch keys[id].kind {
            case .folded: folded.append(Int32(id))
            case .exact: exact.append(Int32(id))
            case .number: numbers.append(Int32(id))
            case .pair: pairs.append(Int32(id))
            }
        }
        // Keys in byte order of their text, pairs by their syllables': the same site gives
        // the same files whatever order its keys were met in.
        // Each kind's texts side by side in that order (`KeyTexts`, at a key's rank): sizing
        // and naming read them without a `String`.
        let foldedTexts: KeyTexts, exactTexts: KeyTexts, numberTexts: KeyTexts
        (folded, foldedTexts) = Self.sortedByText(folded, keys)
        (exact, exactTexts) = Self.sortedByText(exact, keys)
        (numbers, numberTexts) = Self.sortedByText(numbers, keys)
        var rank = Array(repeating: 0, count: keys.count)
        for ids in [folded, exact, numbers] {
            for (order, id) in ids.enumerated() { rank[Int(id)] = order }
        }
        // By both ranks in one number (a pair's syllables are unique to it): comparing
        // through `keys` copied a `Key`, and retained its text, for each comparison.
        var pairOrder = pairs.map { id in
            (order: UInt64(rank[Int(keys[Int(id)].first)]) << 32 | UInt64(rank[Int(keys[Int(id)].second)]), id: id)
        }
        pairOrder.sort { $0.order < $1.order }
        pairs = pairOrder.map(\.id)

        // The shard count from the total size; the lists are written straight into the
        // shards, a copy of all of them as written being as large as the shards.
        func titleAndBody(_ id: Int32) -> Int {
            let title = titles[Int(id)].writtenCount(in: store)
            return title == 0 ? bodies[Int(id)].writtenCount(in: store) : title + 1 + bodies[Int(id)].writtenCount(in: store)
        }
        /// Whether an exact key is written `0`: the same records as its folded key.
        func sameAsFolded(_ id: Int32) -> Bool {
            let of = Int(keys[Int(id)].first)
            return bodies[Int(id)].count == titles[of].count + bodies[of].count
        }
        var total = 0
        for id in folded {
            total += foldedTexts.count(rank[Int(id)]) + titleAndBody(id) + 4
        }
        for id in numbers {
            total += numberTexts.count(rank[Int(id)]) + titleAndBody(id) + 4
        }
        for id in exact {
            total += exactTexts.count(rank[Int(id)]) + (sameAsFolded(id) ? 1 : bodies[Int(id)].writtenCount(in: store) + 2) + 4
        }
        for id in pairs {
            total += foldedTexts.count(rank[Int(keys[Int(id)].second)]) + bodies[Int(id)].writtenCount(in: store) + 6
        }
        let count = max(1, (total + shardBytes - 1) / shardBytes)
        var shardOfFolded = Array(repeating: 0, count: keys.count)
        for id in folded { shardOfFolded[Int(id)] = SearchTerms.shard(of: keys[Int(id)].text, count: count) }

        var buckets = Array(repeating: (e: [Int32](), f: [Int32](), p: [Int32](), n: [Int32]()), count: count)
        for id in exact { buckets[shardOfFolded[Int(keys[Int(id)].first)]].e.append(id) }
        for id in folded { buckets[shardOfFolded[Int(id)]].f.append(id) }
        for id in pairs { buckets[shardOfFolded[Int(keys[Int(id)].first)]].p.append(id) }
        for id in numbers { buckets[SearchTerms.shard(of: keys[Int(id)].text, count: count)].n.append(id) }

        for (number, bucket) in buckets.enumerated() {
            var out = Array("DecuongSearch.terms(\(number),{\n\"e\":{".utf8)
            func name(_ texts: KeyTexts, _ id: Int32) {
                if out.last != 0x7B { out.append(0x2C) }
                out.append(0x22)
                texts.appendEscaped(rank[Int(id)], to: &out)
                out.append(0x22)
                out.append(0x3A)
            }
            func member(_ id: Int32, _ list: Int32) {
                name(foldedTexts, id)
                out.append(0x22)
                bodies[Int(list)].appendWritten(to: &out, in: store)
                out.append(0x22)
            }
            for id in bucket.e {
                name(exactTexts, id)
                if sameAsFolded(id) {
                    out.append(0x30)
                } else {
                    out.append(0x22)
                    bodies[Int(id)].appendWritten(to: &out, in: store)
                    out.append(0x22)
                }
            }
            JSON.append("},\n\"f\":{", to: &out)
            func titleAndBodyMember(_ texts: KeyTexts, _ id: Int32) {
                name(texts, id)
                out.append(0x22)
                if titles[Int(id)].count > 0 {
                    titles[Int(id)].appendWritten(to: &out, in: store)
                    out.append(0x2E)
                }
                bodies[Int(id)].appendWritten(to: &out, in: store)
                out.append(0x22)
            }
            for id in bucket.f { titleAndBodyMember(foldedTexts, id) }
            // Pairs grouped by their first syllable: {"xay":{"dung":…,"lai":…}}.
            JSON.append("},\n\"p\":{", to: &out)
            var open: Int32 = -1
            for id in bucket.p {
                let first = keys[Int(id)].first
                if first != open {
                    if open >= 0 { out.append(0x7D) }
                    name(foldedTexts, first)
                    out.append(0x7B)
                    open = first
                }
                member(keys[Int(id)].second, id)
            }
            if open >= 0 { out.append(0x7D) }
            JSON.append("},\n\"n\":{", to: &out)
            for id in bucket.n { titleAndBodyMember(numberTexts, id) }
            JSON.append("}});\n", to: &out)
            made(number, count, out)
        }
    }

    /// The texts of some keys side by side, in a given order (only the keys that have a
    /// text: pairs outnumber them, and a table over every key took tens of megabytes while
    /// all the postings were held).
    struct KeyTexts {
        private(set) var bytes: [UInt8] = []
        /// Text `position` is `bytes[starts[position]..<starts[position + 1]]`.
        private(set) var starts: [Int32] = [0]

        init() {}

        init(_ ids: [Int32], _ keys: [SearchIndex.Key]) {
            starts.reserveCapacity(ids.count + 1)
            for id in ids {
                keys[Int(id)].text.withUTF8Bytes { bytes.append(contentsOf: $0) }
                starts.append(Int32(truncatingIfNeeded: bytes.count))
            }
        }

        func count(_ position: Int) -> Int { Int(starts[position + 1]) - Int(starts[position]) }

        func range(_ position: Int) -> Range<Int> { Int(starts[position])..<Int(starts[position + 1]) }

        /// `JSON.appendString` of the text, without the quotes.
        func appendEscaped(_ position: Int, to out: inout [UInt8]) {
            bytes.withUnsafeBufferPointer { bytes in
                JSON.appendEscaped(UnsafeBufferPointer(rebasing: bytes[range(position)]), to: &out)
            }
        }

        /// The texts at `positions`, in that order.
        func reordered(_ positions: [Int32]) -> KeyTexts {
            var out = KeyTexts()
            out.bytes.reserveCapacity(bytes.count)
            out.starts.reserveCapacity(positions.count + 1)
            for position in positions {
                out.bytes.append(contentsOf: bytes[range(Int(position))])
                out.starts.append(Int32(truncatingIfNeeded: out.bytes.count))
            }
            return out
        }
    }

    /// `ids` sorted by the bytes of their keys' text (`utf8.lexicographicallyPrecedes`), and
    /// their texts in that order: comparing `String`s' UTF-8 views stepped an index per byte
    /// and retained both strings, for each of the n log n comparisons.
    static func sortedByText(_ ids: [Int32], _ keys: [SearchIndex.Key]) -> ([Int32], KeyTexts) {
        let texts = KeyTexts(ids, keys)
        var order = Array(0..<Int32(truncatingIfNeeded: ids.count))
        texts.bytes.withUnsafeBufferPointer { bytes in
            texts.starts.withUnsafeBufferPointer { starts in
                order.sort { a, b in
                    let x = UnsafeBufferPointer(rebasing: bytes[Int(starts[Int(a)])..<Int(starts[Int(a) + 1])])
                    let y = UnsafeBufferPointer(rebasing: bytes[Int(starts[Int(b)])..<Int(starts[Int(b) + 1])])
                    let common = min(x.count, y.count)
                    if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                        let order = memcmp(p, q, common)
                        if order != 0 { return order < 0 }
                    }
                    return x.count < y.count
                }
            }
        }
        return (order.map { ids[Int($0)] }, texts.reordered(order))
    }

    // MARK: Records

    static let separator = Array(SearchRecordCollector.separator.utf8)

    /// The records of one shard, numbered from 0 (`base` in the index), and the shard of
    /// every record of the index: a record refers to its parent only within its shard.
    struct ShardRecords {
        let fields: RecordFields
        let base: Int
        let shardOf: [Int]

        /// The parent's number in the shard, when it is in the shard.
        func parentInShard(_ id: Int) -> Int? {
            let parent = fields.parents[id]
            guard parent >= 0, shardOf[parent] == shardOf[id + base] else { return nil }
            return parent - base
        }
    }

    /// A shard's fields read where they are: `bytes` is `fields.bytes`, borrowed.
    struct FieldBytes {
        let fields: RecordFields
        let bytes: UnsafeBufferPointer<UInt8>

        func title(_ id: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[fields.titles[id].range]) }
        func breadcrumb(_ id: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[fields.breadcrumbs[id].range]) }
        func url(_ id: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[fields.urls[id].range]) }
    }

    /// Per record of a shard, the name its children's breadcrumbs give it, when it is in
    /// their shard: `II.1. Nâng cao …` (a long title is cut there). The first child decides;
    /// a child whose breadcrumb says otherwise keeps its own. The name is the end of that
    /// child's breadcrumb, kept as the child's number in the shard (-1: none) rather than copied.
    private static func trailNames(_ shard: ShardRecords, _ fields: FieldBytes) -> [Int32] {
        var names = Array(repeating: Int32(-1), count: shard.fields.count)
        separator.withUnsafeBufferPointer { separator in
            for id in shard.fields.indices {
                guard let parent = shard.parentInShard(id), shard.fields.kinds[parent] == .section,
                      names[parent] < 0 else { continue }
                let crumb = fields.breadcrumb(id)
                let prefix = fields.breadcrumb(parent)
                if crumb.count > prefix.count + separator.count && UTF8Bytes.has(crumb, prefix, at: 0)
                    && UTF8Bytes.has(crumb, separator, at: prefix.count) {
                    names[parent] = Int32(truncatingIfNeeded: id)
                }
            }
        }
        return names
    }

    /// The bytes of the record's name in its children's breadcrumbs, if it has one.
    private static func name(_ id: Int, _ fields: FieldBytes, _ names: [Int32]) -> UnsafeBufferPointer<UInt8>? {
        let child = Int(names[id])
        guard child >= 0 else { return nil }
        let start = fields.breadcrumb(id).count + separator.count
        return UnsafeBufferPointer(rebasing: fields.breadcrumb(child)[start...])
    }

    /// Whether the record's breadcrumb is what `search.js` makes from its parent's.
    private static func followsParent(_ id: Int, _ parent: Int, _ fields: FieldBytes, _ names: [Int32]) -> Bool {
        let crumb = fields.breadcrumb(id)
        if fields.fields.kinds[parent] == .document { return UTF8Bytes.equal(crumb, fields.title(parent)) }
        let prefix = fields.breadcrumb(parent)
        guard UTF8Bytes.has(crumb, prefix, at: 0),
              separator.withUnsafeBufferPointer({ UTF8Bytes.has(crumb, $0, at: prefix.count) }) else { return false }
        let rest = UnsafeBufferPointer(rebasing: crumb[min(crumb.count, prefix.count + separator.count)...])
        if let name = name(parent, fields, names) { return UTF8Bytes.equal(rest, name) }
        return UTF8Bytes.equal(rest, fields.title(parent))
    }

    /// One record (`id` in its shard) as `search.js` reads it:
    /// `[title, breadcrumb, url, text]`, a section's name in its children's breadcrumbs after
    /// them when it is not its title; `title` may be `[head, n]` (head then the first n UTF-16
    /// units of the text, `[head, n, 1]` with `…` after), `breadcrumb` the distance back to
    /// the parent record (the breadcrumb follows from it and `url` is then only `#anchor`),
    /// and a theme's `text` the ranges of its sections' records, `[start, end, …]`.
    private static func row(_ id: Int, _ shard: ShardRecords, _ fields: FieldBytes, text: UnsafeBufferPointer<UInt8>,
                            names: [Int32], coder: WordCoder, into out: inout [UInt8]) {
        let kind = shard.fields.kinds[id]
        let title = fields.title(id)
        out.append(0x5B)
        if kind != .theme, let (head, units, cut) = titleReference(title, text) {
            out.append(0x5B)
            out.append(0x22)
            JSON.appendEscaped(UnsafeBufferPointer(rebasing: title[..<head]), to: &out)
            out.append(0x22)
            out.append(0x2C)
            JSON.appendNumber(units, to: &out)
            if cut { JSON.append(",1", to: &out) }
            out.append(0x5D)
        } else {
            coded(title, coder, &out)
        }
        out.append(0x2C)
        let url = fields.url(id)
        if let parent = shard.parentInShard(id),
           let anchor = anchorStart(of: url, onPageOf: fields.url(parent)),
           followsParent(id, parent, fields, names) {
            JSON.appendNumber(id - parent, to: &out)
            out.append(0x2C)
            out.append(0x22)
            JSON.appendEscaped(UnsafeBufferPointer(rebasing: url[anchor...]), to: &out)
            out.append(0x22)
        } else {
            coded(fields.breadcrumb(id), coder, &out)
            out.append(0x2C)
            out.append(0x22)
            JSON.appendEscaped(url, to: &out)
            out.append(0x22)
        }
        out.append(0x2C)
        if kind == .theme {
            out.append(0x5B)
            for (number, range) in shard.fields.sections[id].enumerated() {
                if number > 0 { out.append(0x2C) }
                JSON.appendNumber(range.lowerBound, to: &out)
                out.append(0x2C)
                JSON.appendNumber(range.upperBound, to: &out)
            }
            out.append(0x5D)
        } else {
            coded(text, coder, &out)
        }
        if let name = name(id, fields, names), !UTF8Bytes.equal(name, title) {
            out.append(0x2C)
            coded(name, coder, &out)
        }
        out.append(0x5D)
    }

    private static func coded(_ text: UnsafeBufferPointer<UInt8>, _ coder: WordCoder, _ out: inout [UInt8]) {
        out.append(0x22)
        coder.append(text, to: &out)
        out.append(0x22)
    }

    /// Where `#anchor` starts in `url` when the rest is the page of `parentURL`.
    private static func anchorStart(of url: UnsafeBufferPointer<UInt8>, onPageOf parent: UnsafeBufferPointer<UInt8>) -> Int? {
        let page = UnsafeBufferPointer(rebasing: parent[..<(parent.firstIndex(of: 0x23) ?? parent.count)])
        guard url.count > page.count + 1, UTF8Bytes.has(url, page, at: 0), url[page.count] == 0x23 else { return nil }
        return page.count
    }

    /// A section's title is its number and the start of its text (cut with `…` when long):
    /// `II.1. Nâng cao …` → `["II.1. ", 14, 1]`: where the head ends in the title's bytes,
    /// how many UTF-16 units of the text follow it, and whether `…` does.
    private static func titleReference(_ title: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> (Int, Int, Bool)? {
        var dot = 0
        while dot + 1 < title.count, title[dot] != 0x2E || title[dot + 1] != 0x20 { dot += 1 }
        // After the number (`II.1. `) first, then the whole title (no array of the two:
        // this runs for every section).
        let numbered = dot + 1 < title.count
        for pass in (numbered ? 0 : 1)..<2 {
            let head = pass == 0 ? dot + 2 : 0
            var end = title.count
            var cut = false
            if !UTF8Bytes.has(text, UnsafeBufferPointer(rebasing: title[head..<end]), at: 0) {
                guard end - head > 3, title[end - 3] == 0xE2, title[end - 2] == 0x80, title[end - 1] == 0xA6 else { continue }
                end -= 3
                guard UTF8Bytes.has(text, UnsafeBufferPointer(rebasing: title[head..<end]), at: 0) else { continue }
                cut = true
            }
            guard end > head else { continue }
            // UTF-16 units: one per scalar, two for those past U+FFFF (4-byte sequences).
            var units = 0
            for byte in title[head..<end] where byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            return (head, units, cut)
        }
        return nil
    }
}
