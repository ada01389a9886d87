import DecuongCore

/// Splits an A–Z list (already in Vietnamese order) into letter groups with ASCII ids:
/// Đ is `chu-dd`, Ư is `chu-uw` (Telex spelling), so D and Đ never share an id.
enum LetterGroups {
    static func groups<Entry>(_ entries: [Entry], name: (Entry) -> String,
                              view: (Entry) -> TemplateData) -> (groups: [TemplateData], letters: [TemplateData]) {
        var groups: [TemplateData] = []
        var letters: [TemplateData] = []
        var current: String?
        var members: [TemplateData] = []
        func close() {
            guard let letter = current else { return }
            let id = "chu-\(telex(letter))"
            groups.append(["letter": letter, "id": id, "entries": members])
            letters.append(["letter": letter, "id": id])
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
        return (groups, letters)
    }

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
