import DecuongCore

/// The themes of a plan are the numbered items of its content part: the section whose
/// title starts with "NỘI DUNG". Grouping headings inside it ("1. Nội dung tuyên truyền
/// trọng tâm") are looked through to the items they group.
enum ThemeFinder {
    static func themes(in sections: [Section]) -> [Theme] {
        guard let content = contentSection(in: sections) else { return [] }
        return items(of: content)
    }

    private static func contentSection(in sections: [Section]) -> Section? {
        // By index, and the title searched last: a copy of each section retained all it
        // holds, and the items at the top of a document without Roman sections cannot be
        // the content section whatever their titles say.
        for index in sections.indices {
            let level = sections[index].level
            if level <= .section, !sections[index].children.isEmpty, isContentTitle(sections[index].title) {
                return sections[index]
            }
            if level < .section, let inner = contentSection(in: sections[index].children) { return inner }
        }
        return nil
    }

    /// `VietnameseText.fold(title).hasPrefix("noi dung")`. A folded text that starts so
    /// contains it: the search, which builds no string, rules out nearly every title first.
    static func isContentTitle(_ title: String) -> Bool {
        FoldedPhraseSearch.foldedText(title, contains: "noi dung") && VietnameseText.fold(title).hasPrefix("noi dung")
    }

    private static func items(of section: Section) -> [Theme] {
        section.children.flatMap { child -> [Theme] in
            let numbered = child.children.filter { $0.level == .item || $0.level == .subitem }
            if child.isHeading, !numbered.isEmpty {
                return numbered.flatMap { grandchild -> [Theme] in
                    [Theme(number: grandchild.label, title: grandchild.title, sectionAnchor: grandchild.anchor)]
                }
            }
            guard child.level != .point else { return [] }
            return [Theme(number: child.label, title: child.title, sectionAnchor: child.anchor)]
        }
    }
}
