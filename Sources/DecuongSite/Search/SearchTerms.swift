/// How keys are named and sharded, shared by the index, its writer and the Swift search.
/// Every syllable has two keys: `exact` (NFC, tone placement canonical, lowercase: `hòa` =
/// `hoà`) and `folded` (no diacritics, `đ` → `d`). Syllables written next to each other
/// (only spaces between) also give a pair key, which ranks phrases above scattered words.
/// Document numbers (`35-NQ/TW`) are their own field, keyed by `compactKey` (`35nqtw`), so
/// `35-NQ/TW`, `35-nq/tw` and `35nqtw` all find them.
///
/// `assets/search.js` computes the same keys for a query; `SearchNormalizationTests` runs
/// both on the same words so they cannot drift apart.
enum SearchTerms {
    static func pairKey(_ first: String, _ second: String) -> String { "\(first) \(second)" }

    /// The shard a key lives in: FNV-1a over the UTF-16 code units of the folded key, the
    /// same arithmetic as `shardOf` in `search.js` (which sees strings as UTF-16).
    static func shard(of folded: String, count: Int) -> Int {
        guard count > 1 else { return 0 }
        var hash: UInt32 = 0x811C_9DC5
        for unit in folded.utf16 {
            hash ^= UInt32(unit)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }
}
