import DecuongCore

/// The index of a run of consecutive records, built on one core: keys numbered within the
/// run, and their postings with the records' own numbers. `SearchIndex` joins the runs in
/// order, mapping each run's keys to the site's and appending each list whole, so the
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
    private var keyIDs: [SearchIndex.KeyKind: [String: Int32]] = [.exact: [:], .folded: [:], .number: [:]]
    private var pairIDs = PairTable()

    // Per record: the tokens of the title and of the text (each once), and the pairs.
    private var seen: [Int32] = []
    private var titleTokens: [Int32] = []
    private var textTokens: [Int32] = []
    private var pairs: [Int32] = []

    // Per key: the last record listed in its titles and in its bodies (a record is listed once).
    private var lastTitle: [Int32] = []
    private var lastBody: [Int32] = []
    // Postings not yet in their lists (see `flush`): list numbers, and where each record's end.
    private var pending: [Int32] = []
    private var pendingEnds: [(record: Int32, end: Int32)] = []
    private var sorted: [Int32] = []
    private var cursor: [Int32] = []
    private var touched: [Int32] = []
    private var scratch: [UInt8] = []
    // Per text: its tokens and their ids.
    private var found: [Syllables.ByteToken] = []
    private var ids: [Int32] = []

    init() {}

    init(_ records: ArraySlice<SearchRecord>) {
        // By index: a copy of each record retained all its strings.
        for id in records.indices { add(record: Int32(truncatingIfNeeded: id), title: records[id].title, text: records[id].text) }
        finish()
    }

    /// Indexes record `id`; records come in increasing order.
    mutating func add(record id: Int32, title: String, text: String) {
        UTF8Bytes.with(text) { add(record: id, title: title, text: $0) }
    }

    /// Indexes record `id`, whose text is the UTF-8 `text`.
    mutating func add(record id: Int32, title: String, text: UnsafeBufferPointer<UInt8>) {
        titleTokens.removeAll(keepingCapacity: true)
        textTokens.removeAll(keepingCapacity: true)
        pairs.removeAll(keepingCapacity: true)
        UTF8Bytes.with(title) { add($0, mark: id &* 2, isTitle: true) }
        add(text, mark: id &* 2 &+ 1, isTitle: false)
        post(id)
    }

    /// Ends the run: the batch goes to the lists, and its buffers are let go (the run lives
    /// on until it is joined).
    mutating func finish() {
        flush()
        (pending, pendingEnds, sorted, cursor, touched, scratch, lastTitle, lastBody) = ([], [], [], [], [], [], [], [])
        (found, ids) = ([], [])
    }

    /// Adds the distinct tokens of `text` to the title's or the text's (`mark` tells them
    /// apart from earlier ones) and its pairs to `pairs`. The tokens are found first, then
    /// numbered (new ones get their keys), then counted and paired with the arrays borrowed
    /// once: done per token in the scanner's callback, each array's uniqueness and bounds
    /// were checked again for every token.
    private mutating func add(_ buffer: UnsafeBufferPointer<UInt8>, mark: Int32, isTitle: Bool) {
        found.removeAll(keepingCapacity: true)
        Syllables.scan(buffer) { found.append($0) }
        guard !found.isEmpty else { return }
        ids.removeAll(keepingCapacity: true)
        for index in found.indices {
            let token = found[index]
            let (id, isNew) = tokens.intern(buffer, token.start, token.end)
            if isNew { addToken(id, buffer[token.start..<token.end], token.kind) }
            ids.append(id)
        }
        let (tokenList, idList) = (found, ids)
        occurrences.withUnsafeMutableBufferPointer { occurrences in
            seen.withUnsafeMutableBufferPointer { seen in
                for id in idList {
                    occurrences[Int(id)] &+= 1
                    if seen[Int(id)] != mark {
                        seen[Int(id)] = mark
                        if isTitle { titleTokens.append(id) } else { textTokens.append(id) }
                    }
                }
            }
        }
        // The previous token, unless a document number or the start came since.
        var previous: Int32 = -1
        var previousEnd = 0
        for index in tokenList.indices {
            let token = tokenList[index]
            if token.kind == .documentNumber {
                previous = -1
                continue
            }
            let id = idList[index]
            if previous >= 0, Self.onlySpaces(buffer, previousEnd, token.start) {
                pairs.append(previous)
                pairs.append(id)
            }
            previous = id
            previousEnd = token.end
        }
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
        keys.append(SearchIndex.Key(kind: kind, text: text, first: folded))
        titles.append(PostingList())
        bodies.append(PostingList())
        lastTitle.append(-1)
        lastBody.append(-1)
        keyIDs[kind]?[text] = id
        return id
    }

    /// Notes the record for the lists of its keys: a folded key or document number found in
    /// the title is listed there only (the title outranks the body); exact keys and pairs
    /// list every record in `bodies`.
    private mutating func post(_ record: Int32) {
        // Pairs first: each new to this record goes in the batch; the table keeps the
        // pair's last record in its own slot, so this is one cache miss, not two.
        var index = 0
        while index + 1 < pairs.count {
            let first = tokenKeys[Int(pairs[index])].folded, second = tokenKeys[Int(pairs[index + 1])].folded
            let pair = PairTable.key(first, second)
            if let (id, isNew) = pairIDs.list(pair, in: record) {
                if isNew { pending.append(id &* 2 &+ 1) }
            } else {
                let id = Int32(keys.count)
                keys.append(SearchIndex.Key(kind: .pair, text: "", first: first, second: second))
                titles.append(PostingList())
                bodies.append(PostingList())
                lastTitle.append(-1)
                lastBody.append(-1)
                pairIDs.insert(pair, id, last: record)
                pending.append(id &* 2 &+ 1)
            }
            index += 2
        }
        let tokenKeys = tokenKeys
        // List `2k` is key k's titles, `2k + 1` its bodies.
        lastTitle.withUnsafeMutableBufferPointer { lastTitle in
            lastBody.withUnsafeMutableBufferPointer { lastBody in
                for token in titleTokens {
                    let (exact, folded) = tokenKeys[Int(token)]
                    if exact >= 0, lastBody[Int(exact)] != record {
                        lastBody[Int(exact)] = record
                        pending.append(exact &* 2 &+ 1)
                    }
                    if lastTitle[Int(folded)] != record {
                        lastTitle[Int(folded)] = record
                        pending.append(folded &* 2)
                    }
                }
                for token in textTokens {
                    let (exact, folded) = tokenKeys[Int(token)]
                    if exact >= 0, lastBody[Int(exact)] != record {
                        lastBody[Int(exact)] = record
                        pending.append(exact &* 2 &+ 1)
                    }
                    if lastTitle[Int(folded)] != record && lastBody[Int(folded)] != record {
                        lastBody[Int(folded)] = record
                        pending.append(folded &* 2 &+ 1)
                    }
                }
            }
        }
        pendingEnds.append((record, Int32(pending.count)))
        if pending.count >= Self.batch { flush() }
    }

    /// Postings wait in `pending` until this many, then go to their lists sorted by list:
    /// appending each as it came touched a different list (and cache line) every time.
    private static let batch = 1 << 20

    /// Moves the pending postings to their lists: counted per list, placed in list order
    /// (records stay increasing within a list), then each list appended in one go.
    private mutating func flush() {
        guard !pending.isEmpty else { return }
        let lists = keys.count * 2
        if cursor.count < lists { cursor += Array(repeating: 0, count: lists - cursor.count) }
        touched.removeAll(keepingCapacity: true)
        if sorted.count < pending.count { sorted = Array(repeating: 0, count: pending.count) }
        let (pending, pendingEnds) = (pending, pendingEnds)
        cursor.withUnsafeMutableBufferPointer { cursor in
            for list in pending {
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
                        let list = Int(pending[position])
                        sorted[Int(cursor[list])] = record
                        cursor[list] += 1
                    }
                    start = Int(end)
                }
            }
        }
        // `cursor` now holds where each touched list ends in `sorted`, in `touched` order.
        var begin = 0
        sorted.withUnsafeBufferPointer { sorted in
            for list in touched {
                let end = Int(cursor[Int(list)])
                cursor[Int(list)] = 0
                let ids = UnsafeBufferPointer(rebasing: sorted[begin..<end])
                if list & 1 == 0 {
                    titles[Int(list >> 1)].append(ids, scratch: &scratch)
                } else {
                    bodies[Int(list >> 1)].append(ids, scratch: &scratch)
                }
                begin = end
            }
        }
        self.pending.removeAll(keepingCapacity: true)
        self.pendingEnds.removeAll(keepingCapacity: true)
    }

    /// The whitespace a phrase may have between two syllables (space, tab, line breaks,
    /// no-break spaces); punctuation ends a phrase.
    @inline(__always)
    static func onlySpaces(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            switch text[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            case 0xC2 where index + 1 < end && text[index + 1] == 0xA0: index += 2
            case 0xE2 where index + 2 < end && text[index + 1] == 0x80 && text[index + 2] == 0xAF: index += 3
            default: return false
            }
        }
        return true
    }
}
