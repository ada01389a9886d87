import DecuongCore

/// The tokens of a run of records, found on one core: each distinct token (by its bytes)
/// once in `tokens`, and per record the distinct tokens of the title, of the text, and the
/// token pairs written side by side. Ids are local to the run; `SearchIndex` maps them to
/// keys, so the costly part (scanning text, hashing tokens) runs on all cores.
struct RecordTokens: Sendable {
    var tokens = ByteInterner(capacity: 4096)
    /// Per token: `Syllable.Kind` as 0 word, 1 number, 2 document number.
    var kinds: [UInt8] = []
    /// Per token: how often it occurs, for the word dictionary of the record text.
    var occurrences: [Int32] = []
    /// Per record: title tokens, then text tokens, then pairs as two tokens each.
    var items: [Int32] = []
    /// Per record: where its title tokens end, its text tokens end and its pairs end in `items`.
    var bounds: [(title: Int, text: Int, pairs: Int)] = []

    private var seen: [Int32] = []
    private var pairs: [Int32] = []

    init(_ records: ArraySlice<SearchRecord>) {
        items.reserveCapacity(records.count * 64)
        for record in records {
            let mark = Int32(truncatingIfNeeded: bounds.count * 2)
            add(record.title, mark: mark)
            let title = items.count
            add(record.text, mark: mark + 1)
            let text = items.count
            items.append(contentsOf: pairs)
            pairs.removeAll(keepingCapacity: true)
            bounds.append((title, text, items.count))
        }
    }

    /// Adds the distinct tokens of `text` to `items` (`mark` tells them apart from earlier
    /// ones) and its pairs to `pairs`.
    private mutating func add(_ text: String, mark: Int32) {
        var text = text
        text.withUTF8 { buffer in
            // The previous token, unless a document number or the start came since.
            var previous: Int32 = -1
            var previousEnd = 0
            Syllables.scan(buffer) { token in
                let (id, isNew) = tokens.intern(buffer, token.start, token.end)
                if isNew {
                    kinds.append(token.kind == .word ? 0 : token.kind == .number ? 1 : 2)
                    occurrences.append(0)
                    seen.append(-1)
                }
                occurrences[Int(id)] &+= 1
                if seen[Int(id)] != mark {
                    seen[Int(id)] = mark
                    items.append(id)
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
