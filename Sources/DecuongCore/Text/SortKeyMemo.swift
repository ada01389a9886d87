/// Collation keys already computed, by string. A key costs a normalization and a walk over
/// the text; the indexes sort thousands of names, and the preview sorts the same ones again
/// after every save. Bounded: emptied when it grows past `limit` strings.
final class SortKeyMemo: Sendable {
    static let shared = SortKeyMemo()
    private static let limit = 200_000

    private let keys = SharedValue<[String: VietnameseCollation.SortKey]>([:])

    func keys(for strings: [String]) -> [VietnameseCollation.SortKey] {
        var known = keys.withLock { memo in strings.map { memo[$0] } }
        var fresh: [String: VietnameseCollation.SortKey] = [:]
        for index in known.indices where known[index] == nil {
            let key = fresh[strings[index]] ?? VietnameseCollation.sortKey(strings[index])
            fresh[strings[index]] = key
            known[index] = key
        }
        if !fresh.isEmpty {
            keys.withLock { memo in
                if memo.count + fresh.count > Self.limit { memo.removeAll(keepingCapacity: true) }
                memo.merge(fresh) { old, _ in old }
            }
        }
        return known.map { $0 ?? VietnameseCollation.SortKey(weights: []) }
    }
}
