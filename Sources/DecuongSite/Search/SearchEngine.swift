/// Runs a query against a `SearchIndex` with the ranking of `search.js`, so the ranking is
/// tested in Swift and the browser test only has to show that the page agrees.
///
/// Ranking, most important first: records holding every query term (and every quoted
/// phrase) before partial matches; more terms matched with their diacritics exactly; more
/// query syllable pairs found side by side (phrase over scattered words); more terms in the
/// title; theme pages, then sections, then documents; then site order.
public struct SearchEngine: Sendable {
    public typealias Postings = SearchIndex.Postings

    public var index: SearchIndex

    public init(index: SearchIndex) {
        self.index = index
    }

    public struct Score: Sendable, Hashable, Comparable {
        public var matched = 0
        public var exact = 0
        public var pairs = 0
        public var title = 0
        public var kind = 0

        /// The single number `search.js` sorts by; each part stays under 100.
        public var value: Int {
            [matched, exact, pairs, title].reduce(0) { $0 * 100 + min($1, 99) } * 100 + kind
        }

        public static func < (lhs: Score, rhs: Score) -> Bool { lhs.value < rhs.value }
    }

    public struct Result: Sendable, Hashable {
        public var id: Int
        public var record: SearchRecord
        public var score: Score
        /// Not every term (or quoted phrase) was found: shown only when nothing matches fully.
        public var partial: Bool
    }

    public func search(_ text: String, limit: Int = 50) -> [Result] {
        let query = SearchQuery(text)
        guard !query.isEmpty else { return [] }
        var candidates = Set<Int>()
        // Each term's postings once: (found, exact).
        var found: [(Postings?, Postings?)] = []
        for term in query.terms {
            switch term {
            case .syllable(let exact, let folded):
                found.append((index.postings(.folded, folded), index.postings(.exact, exact)))
            case .documentNumber(let compact):
                let postings = index.postings(.number, compact)
                found.append((postings, postings))
            }
            if let postings = found[found.count - 1].0 { candidates.formUnion(postings.title + postings.body) }
        }
        let pairs: [[Int]?] = query.pairs.map { pair in
            guard case .syllable(_, let first) = query.terms[pair.first],
                  case .syllable(_, let second) = query.terms[pair.second] else { return nil }
            return index.pairPostings(first, second)
        }
        var full: [Result] = []
        var partial: [Result] = []
        for id in candidates {
            var score = Score(kind: index.records[id].kind.rank)
            for (postings, exactPostings) in found {
                let inKey = postings?.contains(id) ?? (title: false, body: false)
                guard inKey.title || inKey.body else { continue }
                let inExact = exactPostings?.contains(id) ?? (title: false, body: false)
                score.matched += 1
                if inExact.title || inExact.body { score.exact += 1 }
                if inKey.title { score.title += 1 }
            }
            var phrasesHold = true
            for (pair, ids) in zip(query.pairs, pairs) {
                guard let ids else {
                    // Not two syllables (a document number cannot be half a phrase): ignored.
                    if case .syllable = query.terms[pair.first], case .syllable = query.terms[pair.second], pair.required {
                        phrasesHold = false
                    }
                    continue
                }
                if ids.contains(id) {
                    score.pairs += 1
                } else if pair.required {
                    phrasesHold = false
                }
            }
            let isFull = score.matched == query.terms.count && phrasesHold
            let result = Result(id: id, record: index.records[id], score: score, partial: !isFull)
            if isFull { full.append(result) } else { partial.append(result) }
        }
        let ranked = (full.isEmpty ? partial : full).sorted { a, b in
            a.score != b.score ? a.score > b.score : a.id < b.id
        }
        return Array(ranked.prefix(limit))
    }
}
