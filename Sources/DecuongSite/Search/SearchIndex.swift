import Dispatch
import Foundation

/// The inverted index of a site's search records, in the shape `search.js` reads: per
/// folded syllable the records that hold it in the title or the body, the same per exact
/// syllable, per folded syllable pair, and per document number.
public struct SearchIndex: Sendable, Hashable {
    /// Record numbers holding a key in their title, and (the others) in their body.
    public struct Postings: Sendable, Hashable {
        public var title: [Int] = []
        public var body: [Int] = []

        func contains(_ record: Int) -> (title: Bool, body: Bool) {
            (title.contains(record), body.contains(record))
        }
    }

    public var records: [SearchRecord]
    public var exact: [String: Postings] = [:]
    public var folded: [String: Postings] = [:]
    public var pairs: [String: [Int]] = [:]
    public var numbers: [String: Postings] = [:]

    public init(records: [SearchRecord]) {
        self.records = records
        // Terms per record are independent: compute them on all cores, then merge in
        // record order, so every postings list comes out sorted without sets.
        let terms = Self.terms(of: records)
        var exactLists: [String: ([Int], [Int])] = [:]
        var foldedLists: [String: ([Int], [Int])] = [:]
        var numberLists: [String: ([Int], [Int])] = [:]
        var pairLists: [String: [Int]] = [:]
        for (id, (title, body)) in terms.enumerated() {
            for (isTitle, terms) in [(true, title), (false, body)] {
                for key in terms.syllables {
                    Self.add(id, isTitle, key.exact, &exactLists)
                    Self.add(id, isTitle, key.folded, &foldedLists)
                }
                for number in terms.documentNumbers { Self.add(id, isTitle, number, &numberLists) }
                for pair in terms.pairs where pairLists[pair]?.last != id { pairLists[pair, default: []].append(id) }
            }
        }
        exact = exactLists.mapValues(Self.postings)
        folded = foldedLists.mapValues(Self.postings)
        numbers = numberLists.mapValues(Self.postings)
        pairs = pairLists
    }

    private static func terms(of records: [SearchRecord]) -> [(SearchTerms, SearchTerms)] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, records.count / 64))
        let size = (records.count + chunks - 1) / max(chunks, 1)
        let results = ChunkResults<[(SearchTerms, SearchTerms)]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var cache: [String: SearchTerms.Key] = [:]
            let range = min(records.count, chunk * size)..<min(records.count, (chunk + 1) * size)
            var out: [(SearchTerms, SearchTerms)] = []
            out.reserveCapacity(range.count)
            var fresh: [String: SearchTerms] = [:]
            for record in records[range] {
                let known = SearchTermsMemo.shared.lookup(record.title, record.text)
                let title = known.0 ?? SearchTerms(record.title, cache: &cache)
                let text = known.1 ?? SearchTerms(record.text, cache: &cache)
                if known.0 == nil { fresh[record.title] = title }
                if known.1 == nil { fresh[record.text] = text }
                out.append((title, text))
            }
            SearchTermsMemo.shared.store(fresh)
            results.set(chunk, out)
        }
        return results.values.flatMap { $0 }
    }

    /// Appends `id` unless it is already last: records arrive in order.
    private static func add(_ id: Int, _ isTitle: Bool, _ key: String, _ lists: inout [String: ([Int], [Int])]) {
        if isTitle {
            if lists[key]?.0.last != id { lists[key, default: ([], [])].0.append(id) }
        } else if lists[key]?.1.last != id {
            lists[key, default: ([], [])].1.append(id)
        }
    }

    /// A record found in the title is listed there only: the title outranks the body.
    private static func postings(_ lists: ([Int], [Int])) -> Postings {
        let (title, body) = lists
        guard !title.isEmpty else { return Postings(title: [], body: body) }
        var bodyOnly: [Int] = []
        bodyOnly.reserveCapacity(body.count)
        var t = 0
        for id in body {
            while t < title.count, title[t] < id { t += 1 }
            if t < title.count, title[t] == id { continue }
            bodyOnly.append(id)
        }
        return Postings(title: title, body: bodyOnly)
    }
}
