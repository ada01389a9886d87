/// The text and fields of a site's document and section records, made again from the site
/// for the records the index writer is at, instead of kept from collecting to writing: they
/// are most of the records' memory. Theme records, a few, are kept (without their text).
struct RecordTexts: Sendable {
    let collector: SearchRecordCollector
    /// `site.allDocuments`, which is made anew each time it is asked for.
    let documents: [SiteDocument]
    /// Per document, the number of its record, then the end.
    let starts: [Int]
    /// Per record, the length of its text in bytes.
    let lengths: [Int32]
    /// Per record, its kind and the length of its title in bytes (the writer sizes shards by them).
    let kinds: [SearchRecord.Kind]
    let titleLengths: [Int32]
    /// The records after the documents' (`starts.last` on): the themes, without their text.
    let themes: [SearchRecord]

    var count: Int { kinds.count }

    /// The documents holding the records of `range` (themes hold none: those past the end).
    private func documents(covering range: Range<Int>) -> Range<Int> {
        // The document holding the range's first record: the last that starts at or before it.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        var end = low
        while end + 1 < starts.count, starts[end] < range.upperBound { end += 1 }
        return low..<end
    }

    /// The texts of the records in `range`, in order, as one buffer: record `range.lowerBound + k`
    /// is `bytes[bounds[k]..<bounds[k + 1]]` (themes have none: an empty text).
    func texts(_ range: Range<Int>) -> (bytes: [UInt8], bounds: [Int]) {
        guard !range.isEmpty else { return ([], []) }
        let covering = documents(covering: range)
        let (low, end) = (covering.lowerBound, covering.upperBound)
        var capacity = 0
        for id in range where lengths.indices.contains(id) { capacity += Int(lengths[id]) + 1 }
        let (bytes, madeEnds) = collector.textBytes(of: documents[min(low, documents.count)..<min(end, documents.count)],
                                                    capacity: capacity)
        // Ends of the range's records, in the made buffer; records past it (themes) end where
        // the last one did, with no text.
        var ends: [Int] = []
        ends.reserveCapacity(range.count + 1)
        let first = range.lowerBound - starts[low]
        ends.append(first > 0 && first <= madeEnds.count ? madeEnds[first - 1] : 0)
        for id in range {
            let at = id - starts[low]
            ends.append(madeEnds.indices.contains(at) ? madeEnds[at] : ends[ends.count - 1])
        }
        return (bytes, ends)
    }

    /// `records(range)` as `RecordFields` (its reference: `RecordFieldsTests`).
    func fields(_ range: Range<Int>) -> RecordFields {
        guard !range.isEmpty else { return RecordFields() }
        let covering = documents(covering: range)
        let (low, end) = (covering.lowerBound, covering.upperBound)
        let documentRecords = starts[starts.count - 1]
        var made = RecordFields(capacity: range.count, byteCapacity: range.count * 160)
        if low < min(end, documents.count) {
            collector.fields(of: documents[low..<min(end, documents.count)], offset: starts[low], into: &made)
        }
        if range.lowerBound == starts[low], range.upperBound == starts[low] + made.count, range.upperBound <= documentRecords {
            return made
        }
        var out = RecordFields(capacity: range.count)
        for id in range {
            if id < documentRecords {
                out.append(id - starts[low], of: made)
            } else if themes.indices.contains(id - documentRecords) {
                out.append(themes[id - documentRecords])
            }
        }
        return out
    }

    /// The records in `range`, without their text: those of documents made again (as the
    /// collecting runs made them), the themes as kept.
    func records(_ range: Range<Int>) -> [SearchRecord] {
        guard !range.isEmpty else { return [] }
        let covering = documents(covering: range)
        let (low, end) = (covering.lowerBound, covering.upperBound)
        let documentRecords = starts[starts.count - 1]
        var made: [SearchRecord] = []
        if low < min(end, documents.count) {
            made = collector.fieldRecords(of: documents[low..<min(end, documents.count)], offset: starts[low])
        }
        // A shard mostly holds whole documents: their records are the ones made, as they are
        // (copying them retained and released every field).
        if range.lowerBound == starts[low], range.upperBound == starts[low] + made.count, range.upperBound <= documentRecords {
            return made
        }
        var out: [SearchRecord] = []
        out.reserveCapacity(range.count)
        for id in range {
            if id < documentRecords {
                out.append(made[id - starts[low]])
            } else if themes.indices.contains(id - documentRecords) {
                out.append(themes[id - documentRecords])
            }
        }
        return out
    }
}
