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

    /// The run's records: how many, and the number of the first.
    let first: Int
    let count: Int

    // Per record: the tokens of the title and of the text (each once), and the pairs.
    private var seen: [Int32] = []
    private var titleTokens: [Int32] = []
    private var textTokens: [Int32] = []
    private var pairs: [Int32] = []

    init(_ records: ArraySlice<SearchRecord>) {
        first = records.startIndex
        count = records.count
        for (id, record) in zip(records.indices, records) {
            titleTokens.removeAll(keepingCapacity: true)
            textTokens.removeAll(keepingCapacity: true)
            pairs.removeAll(keepingCapacity: true)
            add(record.title, mark: Int32(truncatingIfNeeded: id * 2), isTitle: true)
            add(record.text, mark: Int32(truncatingIfNeeded: id * 2 + 1), isTitle: false)
            post(Int32(id))
        }
    }

    /// Adds the distinct tokens of `text` to the title's or the text's (`mark` tells them
    /// apart from earlier ones) and its pairs to `pairs`.
    private mutating func add(_ text: String, mark: Int32, isTitle: Bool) {
        var text = text
        text.withUTF8 { buffer in
            // The previous token, unless a document number or the start came since.
            var previous: Int32 = -1
            var previousEnd = 0
            Syllables.scan(buffer) { token in
                let (id, isNew) = tokens.intern(buffer, token.start, token.end)
                if isNew { addToken(id, buffer[token.start..<token.end], token.kind) }
                occurrences[Int(id)] &+= 1
                if seen[Int(id)] != mark {
                    seen[Int(id)] = mark
                    if isTitle { titleTokens.append(id) } else { textTokens.append(id) }
                }
                if token.kind == .documentNumber {
                    previous = -1
                    return
                }
                if previous >= 0, Self.onlySpaces(buffer, previousEnd, token.start) {
                    pairs.append(previous)
                    pairs.append(id)
                }
                previous = id
                previousEnd = token.end
            }
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
        keyIDs[kind]?[text] = id
        return id
    }

    /// Appends the record to the lists of its keys: a folded key or document number found in
    /// the title is listed there only (the title outranks the body); exact keys and pairs
    /// list every record in `bodies`.
    private mutating func post(_ record: Int32) {
        var index = 0
        while index + 1 < pairs.count {
            let first = tokenKeys[Int(pairs[index])].folded, second = tokenKeys[Int(pairs[index + 1])].folded
            let pair = PairTable.key(first, second)
            if let id = pairIDs.value(for: pair) {
                pairs[index / 2] = id
            } else {
                let id = Int32(keys.count)
                keys.append(SearchIndex.Key(kind: .pair, text: "", first: first, second: second))
                titles.append(PostingList())
                bodies.append(PostingList())
                pairIDs.insert(pair, id)
                pairs[index / 2] = id
            }
            index += 2
        }
        let pairCount = pairs.count / 2
        let tokenKeys = tokenKeys
        titles.withUnsafeMutableBufferPointer { titles in
            bodies.withUnsafeMutableBufferPointer { bodies in
                for token in titleTokens {
                    let (exact, folded) = tokenKeys[Int(token)]
                    if exact >= 0, bodies[Int(exact)].last != record { bodies[Int(exact)].append(record) }
                    if titles[Int(folded)].last != record { titles[Int(folded)].append(record) }
                }
                for token in textTokens {
                    let (exact, folded) = tokenKeys[Int(token)]
                    if exact >= 0, bodies[Int(exact)].last != record { bodies[Int(exact)].append(record) }
                    if titles[Int(folded)].last != record && bodies[Int(folded)].last != record {
                        bodies[Int(folded)].append(record)
                    }
                }
                for pair in pairs[0..<pairCount] where bodies[Int(pair)].last != record {
                    bodies[Int(pair)].append(record)
                }
            }
        }
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
