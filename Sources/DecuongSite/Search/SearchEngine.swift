/// Runs a query against a `SearchIndex` with the ranking of `search.js`, so the ranking is
/// tested in Swift and the browser test only has to show that the page agrees.
///
/// Ranking, most important first: records holding every query term (and every quoted
/// phrase) before partial matches; more terms matched with their diacritics exactly; more
/// query syllable pairs found side by side (phrase over scattered words); more terms in the
/// title; theme pages, then sections, then documents; then site order.
public struct SearchEngine: Sendable {
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
        for term in query.terms {
            switch term {
            case .syllable(_, let folded):
                if let postings = index.folded[folded] { candidates.formUnion(postings.title + postings.body) }
            case .documentNumber(let compact):
                if let postings = index.numbers[compact] { candidates.formUnion(postings.title + postings.body) }
            }
        }
        var full: [Result] = []
        var partial: [Result] = []
        for id in candidates {
            var score = Score(kind: index.records[id].kind.rank)
            for term in query.terms {
                let found: (title: Bool, body: Bool)
                var exact = false
                switch term {
                case .syllable(let exactKey, let folded):
                    found = index.folded[folded]?.contains(id) ?? (title: false, body: false)
                    let exactFound: (title: Bool, body: Bool) = index.exact[exactKey]?.contains(id) ?? (false, false)
                    exact = exactFound.title || exactFound.body
                case .documentNumber(let compact):
                    found = index.numbers[compact]?.contains(id) ?? (title: false, body: false)
                    exact = found.title || found.body
                }
                guard found.title || found.body else { continue }
                score.matched += 1
                if exact { score.exact += 1 }
                if found.title { score.title += 1 }
            }
            var phrasesHold = true
            for pair in query.pairs {
                guard case .syllable(_, let first) = query.terms[pair.first],
                      case .syllable(_, let second) = query.terms[pair.second] else { continue }
                if index.pairs[SearchTerms.pairKey(first, second)]?.contains(id) == true {
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
