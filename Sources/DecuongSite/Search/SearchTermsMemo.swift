import Synchronization

/// Search terms by text, kept for the life of the process. A build computes each record's
/// terms once; the preview rebuilds the index on every save, and then only the records of
/// the edited document have new text, so the rest comes from here.
final class SearchTermsMemo: Sendable {
    static let shared = SearchTermsMemo()

    /// Past this many texts the memo starts over, so a long preview session stays bounded.
    private static let limit = 400_000
    private let terms = Mutex<[String: SearchTerms]>([:])

    func lookup(_ first: String, _ second: String) -> (SearchTerms?, SearchTerms?) {
        terms.withLock { ($0[first], $0[second]) }
    }

    func store(_ fresh: [String: SearchTerms]) {
        guard !fresh.isEmpty else { return }
        terms.withLock { terms in
            if terms.count + fresh.count > Self.limit { terms.removeAll(keepingCapacity: true) }
            terms.merge(fresh) { old, _ in old }
        }
    }
}
