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

    public var records: [SearchRecord]
    private(set) var keys: [Key] = []
    /// Per key, the records with the key in the title, and the others; exact keys and
    /// pairs use only `bodies`, for all records.
    private(set) var titles: [PostingList] = []
    private(set) var bodies: [PostingList] = []
    private var keyIDs: [KeyKind: [String: Int32]] = [.exact: [:], .folded: [:], .number: [:]]
    private var pairIDs = PairTable()
    /// Every distinct word of the titles and texts, with how often it occurs.
    private(set) var words = ByteInterner(capacity: 4096)
    private(set) var wordCounts: [Int32] = []

    public init(records: [SearchRecord]) {
        self.records = records
        // Tokens per run of records on all cores, then keys and postings in record order.
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, records.count / 256))
        let size = (records.count + chunks - 1) / chunks
        let results = ChunkResults<RecordTokens>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(records.count, chunk * size)..<min(records.count, (chunk + 1) * size)
            results.set(chunk, RecordTokens(records[range]))
        }
        var first = 0
        for chunk in results.values {
            add(chunk, from: first)
            first += chunk.bounds.count
        }
    }

    /// Keys of a token: its exact and folded syllable, or its document number.
    private struct TokenKeys {
        var exact: Int32
        var folded: Int32
    }

    private mutating func add(_ chunk: RecordTokens, from firstRecord: Int) {
        var keysOf: [TokenKeys] = []
        keysOf.reserveCapacity(chunk.tokens.count)
        chunk.tokens.bytes.withUnsafeBufferPointer { bytes in
            for token in 0..<chunk.tokens.count {
                let range = chunk.tokens.range(of: Int32(token))
                let text = String(decoding: bytes[range], as: UTF8.self)
                switch chunk.kinds[token] {
                case 2:
                    let number = Syllable(text: text, utf16Range: 0..<0, kind: .documentNumber).compactKey
                    keysOf.append(TokenKeys(exact: -1, folded: key(.number, number)))
                default:
                    let folded = key(.folded, VietnameseText.fold(text))
                    let exact = key(.exact, VietnameseText.exactKey(text), folded: folded)
                    keysOf.append(TokenKeys(exact: exact, folded: folded))
                    if chunk.kinds[token] == 0 {
                        let (word, isNew) = words.intern(bytes, range.lowerBound, range.upperBound)
                        if isNew { wordCounts.append(0) }
                        wordCounts[Int(word)] += chunk.occurrences[token]
                    }
                }
            }
        }
        // Pair keys first (new keys grow the arrays), then every list through pointers:
        // this loop runs once per distinct token and pair of every record.
        var pairOf: [Int32] = []
        pairOf.reserveCapacity(chunk.items.count / 4)
        var start = 0
        for bound in chunk.bounds {
            var index = bound.text
            while index + 1 < bound.pairs {
                let first = keysOf[Int(chunk.items[index])].folded
                let second = keysOf[Int(chunk.items[index + 1])].folded
                index += 2
                pairOf.append(pairIDs.value(for: PairTable.key(first, second)) {
                    keys.append(Key(kind: .pair, text: "", first: first, second: second))
                    titles.append(PostingList())
                    bodies.append(PostingList())
                    return Int32(keys.count - 1)
                })
            }
            start = bound.pairs
        }
        start = 0
        var pairIndex = 0
        titles.withUnsafeMutableBufferPointer { titles in
            bodies.withUnsafeMutableBufferPointer { bodies in
                for (offset, bound) in chunk.bounds.enumerated() {
                    let record = Int32(firstRecord + offset)
                    for index in start..<bound.title {
                        let token = keysOf[Int(chunk.items[index])]
                        if token.exact >= 0, bodies[Int(token.exact)].last != record { bodies[Int(token.exact)].append(record) }
                        if titles[Int(token.folded)].last != record { titles[Int(token.folded)].append(record) }
                    }
                    for index in bound.title..<bound.text {
                        let token = keysOf[Int(chunk.items[index])]
                        if token.exact >= 0, bodies[Int(token.exact)].last != record { bodies[Int(token.exact)].append(record) }
                        let folded = Int(token.folded)
                        if titles[folded].last != record && bodies[folded].last != record { bodies[folded].append(record) }
                    }
                    for _ in 0..<(bound.pairs - bound.text) / 2 {
                        let pair = Int(pairOf[pairIndex])
                        pairIndex += 1
                        if bodies[pair].last != record { bodies[pair].append(record) }
                    }
                    start = bound.pairs
                }
            }
        }
    }

    private mutating func key(_ kind: KeyKind, _ text: String, folded: Int32 = -1) -> Int32 {
        if let id = keyIDs[kind]?[text] { return id }
        let id = Int32(keys.count)
        keys.append(Key(kind: kind, text: text, first: folded))
        titles.append(PostingList())
        bodies.append(PostingList())
        keyIDs[kind]?[text] = id
        return id
    }

    // MARK: Lookups (the Swift search and the tests)

    func postings(_ kind: KeyKind, _ text: String) -> Postings? {
        guard let id = keyIDs[kind]?[text] else { return nil }
        return Postings(title: titles[Int(id)].ids(), body: bodies[Int(id)].ids())
    }

    func pairPostings(_ first: String, _ second: String) -> [Int]? {
        guard let a = keyIDs[.folded]?[first], let b = keyIDs[.folded]?[second],
              let id = pairIDs.value(for: PairTable.key(a, b)) else { return nil }
        return bodies[Int(id)].ids()
    }

    /// Every key of a kind with its postings; for tests (it decodes the whole index).
    private func all(_ kind: KeyKind) -> [String: Postings] {
        Dictionary(uniqueKeysWithValues: (keyIDs[kind] ?? [:]).map { text, id in
            (text, Postings(title: titles[Int(id)].ids(), body: bodies[Int(id)].ids()))
        })
    }

    /// Exact keys: every record holding the key is in `body`.
    public var exact: [String: Postings] { all(.exact) }
    public var folded: [String: Postings] { all(.folded) }
    public var numbers: [String: Postings] { all(.number) }
    public var pairs: [String: [Int]] {
        var out: [String: [Int]] = [:]
        for (id, key) in keys.enumerated() where key.kind == .pair {
            out[SearchTerms.pairKey(keys[Int(key.first)].text, keys[Int(key.second)].text)] = bodies[id].ids()
        }
        return out
    }
}
