import DecuongCore

/// Splits an A–Z list (already in Vietnamese order) into letter groups with ASCII ids:
/// Đ is `chu-dd`, Ư is `chu-uw` (Telex spelling), so D and Đ never share an id.
enum LetterGroups {
    /// The entries under their letters (one group per run of entries with the same first
    /// letter): `letter`, `id` and `entries` for the template.
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
