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
        var exactSets: [String: (Set<Int>, Set<Int>)] = [:]
        var foldedSets: [String: (Set<Int>, Set<Int>)] = [:]
        var numberSets: [String: (Set<Int>, Set<Int>)] = [:]
        var pairSets: [String: Set<Int>] = [:]
        var cache: [String: SearchTerms.Key] = [:]
        for (id, record) in records.enumerated() {
            for (isTitle, text) in [(true, record.title), (false, record.text)] {
                let terms = SearchTerms(text, cache: &cache)
                for key in terms.syllables {
                    Self.add(id, isTitle, key.exact, &exactSets)
                    Self.add(id, isTitle, key.folded, &foldedSets)
                }
                for number in terms.documentNumbers { Self.add(id, isTitle, number, &numberSets) }
                for pair in terms.pairs { pairSets[pair, default: []].insert(id) }
            }
        }
        exact = exactSets.mapValues(Self.postings)
        folded = foldedSets.mapValues(Self.postings)
        numbers = numberSets.mapValues(Self.postings)
        pairs = pairSets.mapValues { $0.sorted() }
    }

    private static func add(_ id: Int, _ isTitle: Bool, _ key: String, _ sets: inout [String: (Set<Int>, Set<Int>)]) {
        if isTitle { sets[key, default: ([], [])].0.insert(id) } else { sets[key, default: ([], [])].1.insert(id) }
    }

    /// A record found in the title is listed there only: the title outranks the body.
    private static func postings(_ sets: (Set<Int>, Set<Int>)) -> Postings {
        Postings(title: sets.0.sorted(), body: sets.1.subtracting(sets.0).sorted())
    }
}
