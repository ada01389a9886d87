import DecuongCore

/// The keys under which a text is indexed. Every syllable has two keys: `exact` (NFC, tone
/// placement canonical, lowercase: `hòa` = `hoà`) and `folded` (no diacritics, `đ` → `d`).
/// Syllables written next to each other (only spaces between) also give a pair key, which
/// ranks phrases above scattered words. Document numbers (`35-NQ/TW`) are their own field,
/// keyed by `compactKey` (`35nqtw`), so `35-NQ/TW`, `35-nq/tw` and `35nqtw` all find them.
///
/// `assets/search.js` computes the same keys for a query; `SearchNormalizationTests` runs
/// both on the same words so they cannot drift apart.
struct SearchTerms: Hashable {
    struct Key: Hashable {
        var exact: String
        var folded: String
    }

    var syllables: [Key] = []
    /// Folded pairs, `"xay dung"`.
    var pairs: [String] = []
    var documentNumbers: [String] = []

    init(_ text: String) {
        var cache: [String: Key] = [:]
        self.init(text, cache: &cache)
    }

    /// With a cache of keys by token text: a site repeats the same few thousand syllables, and
    /// tone canonicalization is the costly part of indexing.
    init(_ text: String, cache: inout [String: Key]) {
        let units = Array(text.utf16)
        var previous: (key: Key, end: Int)?
        for token in Syllables.split(text) {
            if token.kind == .documentNumber {
                documentNumbers.append(token.compactKey)
                previous = nil
                continue
            }
            let key: Key
            if let known = cache[token.text] {
                key = known
            } else {
                key = Key(exact: VietnameseText.exactKey(token.text), folded: VietnameseText.fold(token.text))
                cache[token.text] = key
            }
            syllables.append(key)
            if let previous, Self.onlySpaces(units[previous.end..<token.utf16Range.lowerBound]) {
                pairs.append(Self.pairKey(previous.key.folded, key.folded))
            }
            previous = (key, token.utf16Range.upperBound)
        }
    }

    static func pairKey(_ first: String, _ second: String) -> String { "\(first) \(second)" }

    /// The whitespace a phrase may have between two syllables; punctuation ends a phrase.
    static func onlySpaces(_ units: ArraySlice<UInt16>) -> Bool {
        units.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xA0 || $0 == 0x202F }
    }

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
