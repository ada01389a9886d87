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
        for section in sections {
            if isContentTitle(section.title), !section.children.isEmpty,
               section.level <= .section {
                return section
            }
            if section.level < .section, let inner = contentSection(in: section.children) { return inner }
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
