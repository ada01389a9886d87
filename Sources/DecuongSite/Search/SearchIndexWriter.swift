import DecuongCore

/// Writes a `SearchIndex` as JavaScript files that `search.js` loads with `<script>` tags,
/// which, unlike `fetch`, works when the site is opened from disk (`file://`).
///
/// - `search/index.js` registers the manifest: how many term shards there are and which
///   record number starts each record shard.
/// - `search/t<N>.js` holds the keys whose folded syllable hashes to shard N (pairs go with
///   their first syllable), so a query loads only the shards of its own words.
/// - `search/r<N>.js` holds records (title, breadcrumb, URL, text) for snippets; only the
///   shards of the results shown are loaded.
/// A small site keeps everything in `index.js`: one file, one request. Record lists are
/// written as gaps (see `gaps`).
public struct SearchIndexWriter: Sendable {
    public static let folder = "search"
    public static let indexPath = "search/index.js"
    /// About this many bytes per shard; a first search from disk then stays fast on old machines.
    public var shardBytes: Int
    /// Records are smaller shards: each result shown may need its own.
    public var recordShardBytes: Int

    public init(shardBytes: Int = 192 * 1024, recordShardBytes: Int? = nil) {
        self.shardBytes = max(1024, shardBytes)
        self.recordShardBytes = max(1024, recordShardBytes ?? shardBytes / 6)
    }

    public func files(for index: SearchIndex) -> [String: [UInt8]] {
        // Terms: each key as a JSON fragment, grouped by the shard of its folded syllable.
        var entries: [(shardKey: String, map: Character, fragment: String)] = []
        for (key, postings) in index.exact { entries.append((VietnameseText.fold(key), "e", JSON.member(key, Self.postings(postings)))) }
        for (key, postings) in index.folded { entries.append((key, "f", JSON.member(key, Self.postings(postings)))) }
        for (key, ids) in index.pairs {
            let first = key.split(separator: " ", maxSplits: 1).first.map(String.init) ?? key
            entries.append((first, "p", JSON.member(key, JSON.array(Self.gaps(ids)))))
        }
        for (key, postings) in index.numbers { entries.append((key, "n", JSON.member(key, Self.postings(postings)))) }
        let termBytes = entries.reduce(0) { $0 + $1.fragment.utf8.count }
        let termShards = max(1, (termBytes + shardBytes - 1) / shardBytes)

        var shards = Array(repeating: [Character: [String]](), count: termShards)
        for entry in entries.sorted(by: { ($0.map, $0.fragment) < ($1.map, $1.fragment) }) {
            shards[SearchTerms.shard(of: entry.shardKey, count: termShards)][entry.map, default: []].append(entry.fragment)
        }
        let termScripts = shards.enumerated().map { number, maps in
            let body = ["e", "f", "p", "n"].map { name in
                "\"\(name)\":{" + (maps[name] ?? []).joined(separator: ",") + "}"
            }.joined(separator: ",\n")
            return "DecuongSearch.terms(\(number),{\n\(body)});\n"
        }

        // Records, cut into shards in site order; all in one when the whole index is small.
        let fragments = index.records.map { record in
            JSON.array([record.kind.rawValue, record.title, record.breadcrumb, record.url, record.text].map(JSON.string))
        }
        let recordBytes = fragments.reduce(0) { $0 + $1.utf8.count }
        let inline = termShards == 1 && termBytes + recordBytes <= shardBytes
        var recordShards: [[String]] = [[]]
        var starts = [0]
        var size = 0
        for (id, fragment) in fragments.enumerated() {
            if !inline, size > 0, size + fragment.utf8.count > recordShardBytes {
                recordShards.append([])
                starts.append(id)
                size = 0
            }
            recordShards[recordShards.count - 1].append(fragment)
            size += fragment.utf8.count
        }
        let recordScripts = recordShards.enumerated().map { number, fragments in
            "DecuongSearch.records(\(number),[\n" + fragments.joined(separator: ",\n") + "]);\n"
        }

        // One letter per record (d, s, t) so that ranking can break ties by kind before any
        // record shard is loaded.
        let kinds = String(index.records.map { $0.kind.code })
        let manifest = "{\"v\":1,\"terms\":\(termShards),\"records\":\(JSON.array(starts)),\"count\":\(index.records.count),"
            + "\"inline\":\(inline),\"kinds\":\(JSON.string(kinds))}"
        var index = "/* decuong search index; generated, do not edit. */\nDecuongSearch.index(\(manifest));\n"
        var files: [String: [UInt8]] = [:]
        if inline {
            index += termScripts[0] + recordScripts[0]
        } else {
            for (number, script) in termScripts.enumerated() { files["\(Self.folder)/t\(number).js"] = Array(script.utf8) }
            for (number, script) in recordScripts.enumerated() { files["\(Self.folder)/r\(number).js"] = Array(script.utf8) }
        }
        files[Self.indexPath] = Array(index.utf8)
        return files
    }

    private static func postings(_ postings: SearchIndex.Postings) -> String {
        "[\(JSON.array(gaps(postings.title))),\(JSON.array(gaps(postings.body)))]"
    }

    /// Sorted record numbers as the first one and then the differences (`[3,4,9]` →
    /// `[3,1,5]`): common words list thousands of records, and small gaps take few digits.
    static func gaps(_ ids: [Int]) -> [Int] {
        var previous = 0
        return ids.map { id in
            defer { previous = id }
            return id - previous
        }
    }
}
