import DecuongCore
import Dispatch
import Foundation

/// The inverted index of a site's search records, in the shape `search.js` reads: per
/// folded syllable the records that hold it in the title or the body, per exact syllable
/// the records that hold it anywhere, per folded syllable pair, and per document number.
///
/// Keys are numbered once (`Key`) and postings are appended as records are read in order,
/// already in the compact form the index files hold (`PostingList`), so building it sorts
/// nothing and keeps no `String` per occurrence.
public struct SearchIndex: Sendable {
    /// Record numbers holding a key in their title, and (the others) in their body.
    public struct Postings: Sendable, Hashable {
        public var title: [Int] = []
        public var body: [Int] = []

        func contains(_ record: Int) -> (title: Bool, body: Bool) {
            (title.contains(record), body.contains(record))
        }

        /// An index's lists, as the writer takes them.
        struct Taken: Sendable {
            var titles: [PostingList] = []
            var bodies: [PostingList] = []
            var store = PostingStore()
        }
    }

    enum KeyKind: UInt8, Sendable {
        case exact, folded, number, pair
    }

    struct Key: Sendable {
        var kind: KeyKind
        /// The key (empty for a pair, which is `first` and `second`).
        var text: String
        /// Exact keys: their folded key; pairs: the first syllable's folded key.
        var first: Int32 = -1
        var second: Int32 = -1
    }

    /// The records of an index made from them; one made while collecting keeps none (see
    /// `texts`), and makes them again when asked.
    private let storedRecords: [SearchRecord]
    public var records: [SearchRecord] { texts.map { $0.records(0..<$0.count) } ?? storedRecords }
    private(set) var keys: [Key] = []
    /// Per key, the records with the key in the title, and the others; exact keys and
    /// pairs use only `bodies`, for all records.
    private(set) var titles: [PostingList] = []
    private(set) var bodies: [PostingList] = []
    /// Where the lists keep their bytes.
    private(set) var store = PostingStore()
    private var keyIDs: [KeyKind: [String: Int32]] = [.exact: [:], .folded: [:], .number: [:]]
    private var pairIDs = PairTable()
    /// Every distinct word of the titles and texts, with how often it occurs.
    private(set) var words = ByteInterner(capacity: 4096)
    private(set) var wordCounts: [Int32] = []

    /// For an index of records not kept: what makes them and their text again.
    var texts: RecordTexts?

    /// An index of records indexed as they are collected (see `SearchRecordCollector.index`):
    /// runs are joined in record order as each is made (`join`), then `texts` is set.
    init() {
        storedRecords = []
    }

    /// Joins the next run of records, and lets go of it.
    mutating func join(_ run: inout RunIndex) {
        add(&run)
        run = RunIndex()
        // Its tables (a few MB) go back at once, before the next run's join grows the index's.
        Jemalloc.purge()
    }

    /// The postings, taken out of the index (which is left without them): the writer lets
    /// go of them once the terms are written.
    mutating func takePostings() -> Postings.Taken {
        var taken = Postings.Taken()
        swap(&taken.titles, &titles)
        swap(&taken.bodies, &bodies)
        swap(&taken.store, &store)
        return taken
    }

    /// The length in bytes of a record's text.
    func textLength(_ id: Int) -> Int {
        if let texts { return texts.lengths.indices.contains(id) ? Int(texts.lengths[id]) : 0 }
        return storedRecords[id].text.utf8.count
    }

    var recordCount: Int { texts?.count ?? storedRecords.count }

    /// Per record, its kind.
    var recordKinds: [SearchRecord.Kind] { texts?.kinds ?? storedRecords.map(\.kind) }

    /// Per record, the length in bytes of its title.
    var titleLengths: [Int32] {
        texts?.titleLengths ?? storedRecords.map { Int32(truncatingIfNeeded: $0.title.utf8.count) }
    }

    /// The records in `range`, and their texts when they are not in the records (see
    /// `RecordTexts.texts`).
    func records(in range: Range<Int>) -> (records: [SearchRecord], texts: (bytes: [UInt8], bounds: [Int])?) {
        guard let texts else { return (Array(storedRecords[range]), nil) }
        return (texts.records(range), texts.texts(range))
    }

    /// What the writer reads of the records in `range`: their fields, and their texts side
    /// by side (record `range.lowerBound + k` is `bytes[bounds[k]..<bounds[k + 1]]`).
    func fields(in range: Range<Int>) -> (fields: RecordFields, texts: (bytes: [UInt8], bounds: [Int])) {
        if let texts { return (texts.fields(range), texts.texts(range)) }
        var bytes: [UInt8] = []
        var bounds = [0]
        bounds.reserveCapacity(range.count + 1)
        for id in range {
            storedRecords[id].text.withUTF8Bytes { bytes.append(contentsOf: $0) }
            bounds.append(bytes.count)
        }
        return (RecordFields(storedRecords[range]), (bytes, bounds))
    }

    public init(records: [SearchRecord]) {
        self.storedRecords = records
        // Runs of records on all cores, joined in record order.
        // One run per core: more runs repeat their keys (pairs especially) in the joining step.
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, records.count / 256))
        let size = (records.count + chunks - 1) / chunks
        let results = ChunkResults<RunIndex?>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(records.count, chunk * size)..<min(records.count, (chunk + 1) * size)
            results.set(chunk, RunIndex(records[range]))
        }
        // Each run is let go as soon as it is joined: its key tables are not needed after.
        for chunk in 0..<chunks {
            guard var run = results.value(chunk) ?? nil else { continue }
            results.set(chunk, nil)
            add(&run)
        }
    }

    private mutating func add(_ run: inout RunIndex) {
        if keys.isEmpty {
            // The first run's keys are all new and keep their numbers: its lists, their store
            // and its tables of keys are taken as they are (the pairs' table was built again
            // here, a third table of 4 MB at 10,000 documents beside both runs' own).
            swap(&keys, &run.keys)
            swap(&titles, &run.titles)
            swap(&bodies, &run.bodies)
            swap(&store, &run.store)
            swap(&keyIDs, &run.keyIDs)
            swap(&pairIDs, &run.pairIDs)
            addWords(run)
            return
        }
        var global = Array(repeating: Int32(-1), count: run.keys.count)
        for (local, key) in run.keys.enumerated() {
            switch key.kind {
            case .pair:
                let first = global[Int(key.first)], second = global[Int(key.second)]
                let pair = PairTable.key(first, second)
                if let id = pairIDs.value(for: pair) {
                    global[local] = id
                } else {
                    global[local] = newKey(Key(kind: .pair, text: "", first: first, second: second))
                    pairIDs.insert(pair, global[local])
                }
            case .exact:
                global[local] = id(of: key.kind, key.text, folded: global[Int(key.first)])
            case .folded, .number:
                global[local] = id(of: key.kind, key.text)
            }
        }
        // The run's slices join the index's store, and each of its lists is linked to the
        // end of the key's: no posting is copied, and none is held twice.
        let shift = store.adopt(run.store)
        let store = store
        titles.withUnsafeMutableBufferPointer { titles in
            bodies.withUnsafeMutableBufferPointer { bodies in
                for local in run.keys.indices {
                    titles[Int(global[local])].link(run.titles[local].shifted(by: shift), in: store)
                    bodies[Int(global[local])].link(run.bodies[local].shifted(by: shift), in: store)
                }
            }
        }
        addWords(run)
    }

    private mutating func addWords(_ run: RunIndex) {
        run.tokens.bytes.withUnsafeBufferPointer { bytes in
            for token in 0..<run.tokens.count where run.isWord[token] {
                let range = run.tokens.range(of: Int32(token))
                let (word, isNew) = words.intern(bytes, range.lowerBound, range.upperBound)
                if isNew { wordCounts.append(0) }
                wordCounts[Int(word)] += run.occurrences[token]
            }
        }
    }

    private mutating func newKey(_ key: Key) -> Int32 {
        keys.append(key)
        titles.append(PostingList())
        bodies.append(PostingList())
        return Int32(keys.count - 1)
    }

    private mutating func id(of kind: KeyKind, _ text: String, folded: Int32 = -1) -> Int32 {
        if let id = keyIDs[kind]?[text] { return id }
        let id = newKey(Key(kind: kind, text: text, first: folded))
        keyIDs[kind]?[text] = id
        return id
    }

    // MARK: Lookups (the Swift search and the tests)

    func postings(_ kind: KeyKind, _ text: String) -> Postings? {
        guard let id = keyIDs[kind]?[text] else { return nil }
        return Postings(title: titles[Int(id)].ids(in: store), body: bodies[Int(id)].ids(in: store))
    }

    func pairPostings(_ first: String, _ second: String) -> [Int]? {
        guard let a = keyIDs[.folded]?[first], let b = keyIDs[.folded]?[second],
              let id = pairIDs.value(for: PairTable.key(a, b)) else { return nil }
        return bodies[Int(id)].ids(in: store)
    }

    /// Every key of a kind with its postings; for tests (it decodes the whole index).
    private func all(_ kind: KeyKind) -> [String: Postings] {
        Dictionary(uniqueKeysWithValues: (keyIDs[kind] ?? [:]).map { text, id in
            (text, Postings(title: titles[Int(id)].ids(in: store), body: bodies[Int(id)].ids(in: store)))
        })
    }

    /// Exact keys: every record holding the key is in `body`.
    public var exact: [String: Postings] { all(.exact) }
    public var folded: [String: Postings] { all(.folded) }
    public var numbers: [String: Postings] { all(.number) }
    public var pairs: [String: [Int]] {
        var out: [String: [Int]] = [:]
        for (id, key) in keys.enumerated() where key.kind == .pair {
            out[SearchTerms.pairKey(keys[Int(key.first)].text, keys[Int(key.second)].text)] = bodies[id].ids(in: store)
        }
        return out
    }
}
