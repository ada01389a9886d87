import DecuongCore

/// Splits an A–Z list (already in Vietnamese order) into letter groups with ASCII ids:
/// Đ is `chu-dd`, Ư is `chu-uw` (Telex spelling), so D and Đ never share an id.
enum LetterGroups {
    /// `groups` of `entries[range]`, its letters read from `letters` (`IndexPages.letters` of
    /// all the entries): finding an entry's first letter cost thousands of instructions, and
    /// the plan had found every one already. Each entry is handed to `view` where it is: an
    /// index entry passed by value was copied (every String and array in it retained and released).
    static func groups<Entry, View>(_ entries: [Entry], _ range: Range<Int>, letters: [IndexPages.Start],
                                    view: (UnsafePointer<Entry>) -> View) -> [TemplateData] {
        entries.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return groups(base, min(range.lowerBound, buffer.count)..<min(range.upperBound, buffer.count), letters: letters, view: view)
        }
    }

    private static func groups<Entry, View>(_ entries: UnsafePointer<Entry>, _ range: Range<Int>, letters: [IndexPages.Start],
                                            view: (UnsafePointer<Entry>) -> View) -> [TemplateData] {
        var groups: [TemplateData] = []
        // The last letter that starts at or before the range; each run is cut to the range.
        var low = 0
        var high = letters.count
        while low < high {
            let middle = (low + high) / 2
            if letters[middle].entry > range.lowerBound { high = middle } else { low = middle + 1 }
        }
        var next = max(low - 1, 0)
        var start = range.lowerBound
        while start < range.upperBound, next < letters.count {
            let end = next + 1 < letters.count ? min(letters[next + 1].entry, range.upperBound) : range.upperBound
            if start < end {
                var members: [View] = []
                members.reserveCapacity(end - start)
                for index in start..<end { members.append(view(entries + index)) }
                groups.append(["letter": letters[next].label, "id": letters[next].anchor, "entries": members])
            }
            start = max(start, end)
            next += 1
        }
        return groups
    }

    /// The entries under their letters (one group per run of entries with the same first
    /// letter): `letter`, `id` and `entries` for the template. Kept as the reference of the
    /// form that reads the letters the plan found.
    static func groups<Entry, View>(_ entries: [Entry], name: (Entry) -> String,
                                    view: (Entry) -> View) -> [TemplateData] {
        var groups: [TemplateData] = []
        var current: String?
        var members: [View] = []
        func close() {
            guard let letter = current else { return }
            groups.append(["letter": letter, "id": id(of: letter), "entries": members])
        }
        for entry in entries {
            let letter = VietnameseCollation.initialLetter(name(entry))
            if letter != current {
                close()
                current = letter
                members = []
            }
            members.append(view(entry))
        }
        close()
        return groups
    }

    /// The anchor of a letter's group: `chu-dd` for Đ.
    static func id(of letter: String) -> String { "chu-\(telex(letter))" }

    static func telex(_ letter: String) -> String {
        switch letter {
        case VietnameseCollation.otherBucket: "so"
        case "Đ": "dd"
        case "Ă": "aw"
        case "Â": "aa"
        case "Ê": "ee"
        case "Ô": "oo"
        case "Ơ": "ow"
        case "Ư": "uw"
        default: Slug.make(letter)
        }
    }
}
