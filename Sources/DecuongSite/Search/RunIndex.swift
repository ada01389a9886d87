import CPrefetch
import DecuongCore

/// The index of a run of consecutive records, built on one core: keys numbered within the
/// run, and their postings with the records' own numbers. `SearchIndex` joins the runs in
/// order, mapping each run's keys to the site's and linking each list after the key's (the
/// run's `store` joins the index's; no posting is copied), so the
/// per-occurrence work (scanning text, hashing tokens, appending postings) runs on all cores
/// and the joining step costs a few lookups per distinct key of a run.
struct RunIndex: Sendable {
    /// Each distinct token of the run (by its bytes), in order of first appearance.
    var tokens = ByteInterner(capacity: 4096)
    /// Per token: how often it occurs, for the word dictionary of the record text.
    var occurrences: [Int32] = []
    /// Per token: whether it is a word (letters), which the text coder may code.
    var isWord: [Bool] = []
    private var tokenKeys: [(exact: Int32, folded: Int32)] = []

    var keys: [SearchIndex.Key] = []
    var titles: [PostingList] = []
    var bodies: [PostingList] = []
    /// Where the lists keep their bytes.
    var store = PostingStore()
    /// Each key's number by its text, and each pair's by its syllables' (the first run's
    /// become the index's: `SearchIndex.add`).
    var keyIDs: [SearchIndex.KeyKind: [String: Int32]] = [.exact: [:], .folded: [:], .number: [:]]
    var pairIDs = PairTable()

    /// Per token: the last title or text (`mark`) it was found in.
    private var seen: [Int32] = []
    /// The tokens of up to 8 bytes, to their ids in `tokens` (see `ShortWordTable`).
    private var shortTokens = ShortWordTable(capacity: 4096)

    // Per record: its distinct tokens, the title's first (`titleCount` of them), and its pairs
    // (two ids each). These and `pending` are sized ahead and written through pointers, with
    // their counts kept apart: an `append` per token checked uniqueness and capacity.
    private var distinct: [Int32] = []
    private var distinctCount = 0
    private var titleCount = 0
    private var pairs: [Int32] = []
    private var pairCount = 0
    private var pairKeys: [UInt64] = []

    // Per key: the last record listed in its titles and in its bodies (a record is listed once).
    private var lastTitle: [Int32] = []
    private var lastBody: [Int32] = []
    /// What the per-key arrays have room for (see `appendKey`).
    private var keyRoom = 0
    // Postings not yet in their lists (see `flush`): list numbers, and where each record's end.
    private var pending: [Int32] = []
    private var pendingCount = 0
    private var pendingEnds: [(record: Int32, end: Int32)] = []
    private var sorted: [Int32] = []
    private var cursor: [Int32] = []
    private var touched: [Int32] = []
    private var scratch: [UInt8] = []
    /// Per text: its tokens' ids, bit 31 set on those that pair with the token before.
    private var ids: [UInt32] = []

    init() {}

    init(_ records: ArraySlice<SearchRecord>) {
        // By index: a copy of each record retained all its strings.
        for id in records.indices { add(record: Int32(truncatingIfNeeded: id), title: records[id].title, text: records[id].text) }
        finish()
    }

    /// Indexes record `id`; records come in increasing order.
    mutating func add(record id: Int32, title: String, text: String) {
        text.withUTF8Bytes { add(record: id, title: title, text: $0) }
    }

    /// Indexes record `id`, whose text is the UTF-8 `text`.
    mutating func add(record id: Int32, title: String, text: UnsafeBufferPointer<UInt8>) {
        title.withUTF8Bytes { add(record: id, titleBytes: $0, text: text) }
    }

    /// Indexes record `id`, whose title and text are the UTF-8 `titleBytes` and `text`.
    mutating func add(record id: Int32, titleBytes: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) {
        distinctCount = 0
        pairCount = 0
        add(titleBytes, mark: id &* 2)
        titleCount = distinctCount
        add(text, mark: id &* 2 &+ 1)
        post(id)
    }

    /// Ends the run: the batch goes to the lists, and its buffers are let go (the run lives
    /// on until it is joined).
    mutating func finish() {
        flush()
        (pending, pendingEnds, sorted, cursor, touched, scratch, lastTitle, lastBody) = ([], [], [], [], [], [], [], [])
        (distinct, pairs, ids, pairKeys) = ([], [], [], [])
        shortTokens = ShortWordTable()
    }

    /// Adds the distinct tokens of `buffer` to the record's (`mark` tells them apart from
    /// earlier ones) and its pairs to `pairs`. The tokens are found and numbered first (new
    /// ones get their keys), then counted and paired with the arrays borrowed once.
    private mutating func add(_ buffer: UnsafeBufferPointer<UInt8>, mark: Int32) {
        guard !buffer.isEmpty else { return }
        // A token is at least a byte long.
        var ids = Self.taken(&self.ids, room: buffer.count)
        var found = 0
        SyllableByteClasses.table.withUnsafeBufferPointer { table in
            ids.withUnsafeMutableBufferPointer { ids in
                // Where the token to pair with ends; -1: none (the start, or a document number).
                var previousEnd = -1
                SyllableTokenScanner.forEach(buffer, table: table) { start, end, kind in
                    let id = intern(buffer, start, end, kind)
                    var link: UInt32 = 0
                    if kind == .documentNumber {
                        previousEnd = -1
                    } else {
                        if previousEnd >= 0, Self.onlySpaces(buffer, previousEnd, start) { link = 1 << 31 }
                        previousEnd = end
                    }
                    ids[found] = UInt32(bitPattern: id) | link
                    found &+= 1
                }
            }
        }
        guard found > 0 else { return self.ids = ids }
        var distinct = Self.taken(&self.distinct, room: distinctCount + found)
        var pairs = Self.taken(&self.pairs, room: pairCount + 2 * found)
        var distinctCount = distinctCount, pairCount = pairCount
        occurrences.withUnsafeMutableBufferPointer { occurrences in
            seen.withUnsafeMutableBufferPointer { seen in
                distinct.withUnsafeMutableBufferPointer { distinct in
                    pairs.withUnsafeMutableBufferPointer { pairs in
                        var previous: Int32 = -1
                        for value in ids[..<found] {
                            let id = Int32(bitPattern: value & 0x7FFF_FFFF)
                            occurrences[Int(id)] &+= 1
                            if seen[Int(id)] != mark {
                                seen[Int(id)] = mark
                                distinct[distinctCount] = id
                                distinctCount += 1
                            }
                            if value >> 31 != 0 {
                                pairs[pairCount] = previous
                                pairs[pairCount + 1] = id
                                pairCount += 2
                            }
                            previous = id
                        }
                    }
                }
            }
        }
        (self.ids, self.distinct, self.pairs) = (ids, distinct, pairs)
        (self.distinctCount, self.pairCount) = (distinctCount, pairCount)
    }

    /// `array`, taken out of its property (so it stays unique), with at least `room` elements:
    /// doubled, but to no more than `limit` unless `room` needs it (`pending` flushes at the
    /// batch: doubling past it held up to twice the batch).
    @inline(__always)
    private static func taken<T: FixedWidthInteger>(_ array: inout [T], room: Int, limit: Int = .max) -> [T] {
        var out: [T] = []
        swap(&out, &array)
        if out.count < room {
            let grown = min(max(room, 2 * out.count), max(room, limit))
            out += repeatElement(0, count: grown - out.count)
        }
        return out
    }

    /// The token's id in the run, a new one keyed.
    @inline(__always)
    private mutating func intern(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ kind: Syllable.Kind) -> Int32 {
        let length = end &- start
        guard length <= ShortWordTable.maxLength else {
            let (id, isNew) = tokens.intern(buffer, start, end)
            if isNew { addToken(id, buffer[start..<end], kind) }
            return id
        }
        let key = ShortWordTable.key(buffer, start, end)
        if let id = shortTokens.value(key, length: length) { return id }
        let (id, isNew) = tokens.intern(buffer, start, end)
        shortTokens.insert(key, length: length, id)
        if isNew { addToken(id, buffer[start..<end], kind) }
        return id
    }

    private mutating func addToken(_ id: Int32, _ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ kind: Syllable.Kind) {
        let text = String(decoding: bytes, as: UTF8.self)
        occurrences.append(0)
        seen.append(-1)
        isWord.append(kind == .word)
        if kind == .documentNumber {
            let number = Syllable(text: text, utf16Range: 0..<0, kind: .documentNumber).compactKey
            tokenKeys.append((-1, key(.number, number)))
        } else {
            let folded = key(.folded, VietnameseText.fold(text))
            tokenKeys.append((key(.exact, VietnameseText.exactKey(text), folded: folded), folded))
        }
    }

    private mutating func key(_ kind: SearchIndex.KeyKind, _ text: String, folded: Int32 = -1) -> Int32 {
        if let id = keyIDs[kind]?[text] { return id }
        let id = Int32(keys.count)
        appendKey(SearchIndex.Key(kind: kind, text: text, first: folded))
        keyIDs[kind]?[text] = id
        return id
    }

    /// A new key, with its empty lists and no record yet. The per-key arrays grow by a
    /// quarter, not by doubling: both runs hold them, half empty on average, at the build's
    /// peak (the end of collecting), about 100 bytes a key.
    private mutating func appendKey(_ key: SearchIndex.Key) {
        if keys.count == keyRoom {
            keyRoom = keys.count + max(1024, keys.count / 4)
            keys.reserveCapacity(keyRoom)
            titles.reserveCapacity(keyRoom)
            bodies.reserveCapacity(keyRoom)
            lastTitle.reserveCapacity(keyRoom)
            lastBody.reserveCapacity(keyRoom)
        }
        keys.append(key)
        titles.append(PostingList())
        bodies.append(PostingList())
        lastTitle.append(-1)
        lastBody.append(-1)
    }

    /// Notes the record for the lists of its keys: a folded key or document number found in
    /// the title is listed there only (the title outranks the body); exact keys and pairs
    /// list every record in `bodies`.
    private mutating func post(_ record: Int32) {
        var pending = Self.taken(&self.pending, room: pendingCount + pairCount / 2 + 2 * distinctCount,
                                limit: Self.batch + 1024)
        var count = pendingCount
        let distinct = distinct
        // The record's pairs as table keys (two folded keys each), looked up in runs.
        var pairKeys = Self.taken(&self.pairKeys, room: pairCount / 2)
        let pairTotal = pairCount / 2
        pairs.withUnsafeBufferPointer { pairs in
            self.tokenKeys.withUnsafeBufferPointer { tokenKeys in
                pairKeys.withUnsafeMutableBufferPointer { pairKeys in
                    for index in 0..<pairTotal {
                        pairKeys[index] = PairTable.key(tokenKeys[Int(pairs[2 * index])].folded, tokenKeys[Int(pairs[2 * index + 1])].folded)
                    }
                }
            }
        }
        pending.withUnsafeMutableBufferPointer { pending in
            pairKeys.withUnsafeBufferPointer { pairKeys in
                // Pairs first: each new to this record goes in the batch; the table keeps the
                // pair's last record in its own slot, so this is one cache miss, not two.
                let keys = UnsafeBufferPointer(rebasing: pairKeys[..<pairTotal])
                pairIDs.prefetch(keys)
                var index = 0
                while index < pairTotal {
                    index = pairIDs.list(keys, from: index, in: record) { id in
                        pending[count] = id &* 2 &+ 1
                        count += 1
                    }
                    guard index < pairTotal else { break }
                    let pair = keys[index]
                    let first = Int32(bitPattern: UInt32(truncatingIfNeeded: pair >> 32))
                    let second = Int32(bitPattern: UInt32(truncatingIfNeeded: pair))
                    let id = Int32(self.keys.count)
                    appendKey(SearchIndex.Key(kind: .pair, text: "", first: first, second: second))
                    pairIDs.insert(pair, id, last: record)
                    pending[count] = id &* 2 &+ 1
                    count += 1
                    index += 1
                }
            }
        }
        self.pairKeys = pairKeys
        let (titleCount, distinctCount) = (titleCount, distinctCount)
        // List `2k` is key k's titles, `2k + 1` its bodies. The token and key arrays are read
        // through buffers: their checked subscripts were a bounds test per token and key.
        pending.withUnsafeMutableBufferPointer { pending in
            lastTitle.withUnsafeMutableBufferPointer { lastTitle in
                lastBody.withUnsafeMutableBufferPointer { lastBody in
                    distinct.withUnsafeBufferPointer { distinct in
                        tokenKeys.withUnsafeBufferPointer { tokenKeys in
                            for token in distinct[..<titleCount] {
                                let (exact, folded) = tokenKeys[Int(token)]
                                if exact >= 0, lastBody[Int(exact)] != record {
                                    lastBody[Int(exact)] = record
                                    pending[count] = exact &* 2 &+ 1
                                    count += 1
                                }
                                if lastTitle[Int(folded)] != record {
                                    lastTitle[Int(folded)] = record
                                    pending[count] = folded &* 2
                                    count += 1
                                }
                            }
                            for token in distinct[titleCount..<distinctCount] {
                                let (exact, folded) = tokenKeys[Int(token)]
                                if exact >= 0, lastBody[Int(exact)] != record {
                                    lastBody[Int(exact)] = record
                                    pending[count] = exact &* 2 &+ 1
                                    count += 1
                                }
                                if lastTitle[Int(folded)] != record && lastBody[Int(folded)] != record {
                                    lastBody[Int(folded)] = record
                                    pending[count] = folded &* 2 &+ 1
                                    count += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        self.pending = pending
        pendingCount = count
        pendingEnds.append((record, Int32(count)))
        if pendingCount >= Self.batch { flush() }
    }

    /// Postings wait in `pending` until this many, then go to their lists sorted by list:
    /// appending each as it came touched a different list (and cache line) every time.
    /// Half a million: `pending` and `sorted` take 2 MB each in both runs at the build's
    /// peak, where a million took 4 MB each.
    private static let batch = 1 << 19

    /// How many postings (or lists) ahead a counter (or list) is asked for: far enough that
    /// its miss is over when its turn comes, near enough that it is still in the cache.
    private static let prefetchDistance = 16

    /// Moves the pending postings to their lists: counted per list, placed in list order
    /// (records stay increasing within a list), then each list appended in one go.
    private mutating func flush() {
        guard pendingCount > 0 else { return }
        // The arrays that grew for this batch (the per-key tables) left their old copies
        // with the allocator, which keeps them for seconds: given back after each batch (half
        // a million postings, some thirty per run), at no measurable cost. When the lists
        // were arrays of their own too, this took the search index's peak at 10,000
        // documents 2–3 MiB lower.
        defer { Jemalloc.purge() }
        let lists = keys.count * 2
        if cursor.count < lists {
            // Two per key, grown as the keys are.
            cursor.reserveCapacity(2 * keyRoom)
            cursor += repeatElement(0, count: lists - cursor.count)
        }
        touched.removeAll(keepingCapacity: true)
        if sorted.count < pendingCount { sorted = Array(repeating: 0, count: pendingCount) }
        let pendingCount = pendingCount
        // Read through buffers: the slice's and the array's checked reads were a bounds test
        // per posting.
        pending.withUnsafeBufferPointer { pending in
            pendingEnds.withUnsafeBufferPointer { pendingEnds in
                let pending = UnsafeBufferPointer(rebasing: pending[..<pendingCount])
                cursor.withUnsafeMutableBufferPointer { cursor in
                    // Lists come in record order, scattered over all the keys' counters: each
                    // counter is asked for a few postings ahead of its turn (a hint only).
                    let counters = cursor.baseAddress
                    @inline(__always) func askForCounter(after position: Int) {
                        let next = position &+ Self.prefetchDistance
                        if next < pending.count, let counters { decuong_prefetch_write(counters + Int(pending[next])) }
                    }
                    for (position, list) in pending.enumerated() {
                        askForCounter(after: position)
                        if cursor[Int(list)] == 0 { touched.append(list) }
                        cursor[Int(list)] += 1
                    }
                    var offset: Int32 = 0
                    for list in touched {
                        let count = cursor[Int(list)]
                        cursor[Int(list)] = offset
                        offset += count
                    }
                    sorted.withUnsafeMutableBufferPointer { sorted in
                        var start = 0
                        for (record, end) in pendingEnds {
                            for position in start..<Int(end) {
                                askForCounter(after: position)
                                let list = Int(pending[position])
                                sorted[Int(cursor[list])] = record
                                cursor[list] += 1
                            }
                            start = Int(end)
                        }
                    }
                }
            }
        }
        // `cursor` now holds where each touched list ends in `sorted`, in `touched` order.
        // The lists are borrowed once: a subscript's modify per touched list checked the
        // array's uniqueness and bounds (most lists get one record a batch).
        var begin = 0
        var scratch = Self.taken(&self.scratch, room: 0)
        let touchedLists = touched
        let store = store
        sorted.withUnsafeBufferPointer { sorted in
            cursor.withUnsafeMutableBufferPointer { cursor in
                titles.withUnsafeMutableBufferPointer { titles in
                    bodies.withUnsafeMutableBufferPointer { bodies in
                        // Each list, then the end of its last slice, asked for ahead of its turn
                        // (a hint only: `touched` names lists the arrays hold).
                        let (titleBase, bodyBase) = (titles.baseAddress, bodies.baseAddress)
                        @inline(__always) func listAddress(_ number: Int32) -> UnsafeMutablePointer<PostingList>? {
                            (number & 1 == 0 ? titleBase : bodyBase).map { $0 + Int(number >> 1) }
                        }
                        let ahead = Self.prefetchDistance, halfway = Self.prefetchDistance / 2
                        for (position, list) in touchedLists.enumerated() {
                            if position &+ ahead < touchedLists.count, let next = listAddress(touchedLists[position &+ ahead]) {
                                decuong_prefetch(next)
                            }
                            if position &+ halfway < touchedLists.count, let next = listAddress(touchedLists[position &+ halfway]),
                               let end = next.pointee.end(in: store) {
                                decuong_prefetch_write(end)
                            }
                            let end = Int(cursor[Int(list)])
                            cursor[Int(list)] = 0
                            let ids = UnsafeBufferPointer(rebasing: sorted[begin..<end])
                            if list & 1 == 0 {
                                titles[Int(list >> 1)].append(ids, scratch: &scratch, in: store)
                            } else {
                                bodies[Int(list >> 1)].append(ids, scratch: &scratch, in: store)
                            }
                            begin = end
                        }
                    }
                }
            }
        }
        self.scratch = scratch
        self.pendingCount = 0
        self.pendingEnds.removeAll(keepingCapacity: true)
    }

    /// The whitespace a phrase may have between two syllables (space, tab, line breaks,
    /// no-break spaces); punctuation ends a phrase.
    @inline(__always)
    static func onlySpaces(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            switch text[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index &+= 1
            case 0xC2 where index &+ 1 < end && text[index &+ 1] == 0xA0: index &+= 2
            case 0xE2 where index &+ 2 < end && text[index &+ 1] == 0x80 && text[index &+ 2] == 0xAF: index &+= 3
            default: return false
            }
        }
        return true
    }
}
