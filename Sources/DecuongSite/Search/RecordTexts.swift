/// The text of a site's document and section records, made again from the site for the
/// records the index writer is at, instead of kept from collecting to writing: it is most
/// of the records' memory (theme records are written without theirs).
struct RecordTexts: Sendable {
    let collector: SearchRecordCollector
    /// `site.allDocuments`, which is made anew each time it is asked for.
    let documents: [SiteDocument]
    /// Per document, the number of its record, then the end.
    let starts: [Int]
    /// Per record, the length of its text in bytes.
    let lengths: [Int32]

    /// The texts of the records in `range`, in order; "" for themes.
    func texts(_ range: Range<Int>) -> [String] {
        guard !range.isEmpty else { return [] }
        // The document holding the range's first record: the last that starts at or before it.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        var end = low
        while end + 1 < starts.count, starts[end] < range.upperBound { end += 1 }
        let made = collector.texts(of: documents[min(low, documents.count)..<min(end, documents.count)])
        return range.map { id in
            let at = id - starts[low]
            return made.indices.contains(at) ? made[at] : ""
        }
    }
}
