import DecuongCore
import DecuongStructure

/// Matches the sections of an outline (đề cương) to the themes of its plan: first by a pin
/// in the outline's front matter, then by number under the outline's content part, then by
/// the most similar title.
struct ThemeMatcher {
    struct Candidate: Hashable {
        var number: String
        var title: String
        var anchor: String
    }

    /// Similarity (shared syllables over all syllables) below which two titles are unrelated.
    static let minimumTitleSimilarity = 0.5

    /// `theme 1.1 = i-1-1` (or `chủ đề 1.1 = i-1-1`) in the outline's `tags`: a pin, because
    /// front matter has no richer field for it yet.
    static func pins(in tags: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for tag in tags {
            let parts = tag.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            let left = VietnameseText.fold(parts[0])
            for prefix in ["theme ", "chu de "] where left.hasPrefix(prefix) {
                out[String(left.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)] = parts[1]
            }
        }
        return out
    }

    /// The sections of an outline that can stand for a theme: its own themes when the
    /// recognizer found a content part, else every numbered item.
    static func candidates(of outline: StructuredDocument) -> [Candidate] {
        if !outline.themes.isEmpty {
            return outline.themes.map { Candidate(number: $0.number, title: $0.title, anchor: $0.sectionAnchor) }
        }
        return outline.allSections
            .filter { $0.level >= .item }
            .map { Candidate(number: $0.label, title: $0.title, anchor: $0.anchor) }
    }

    /// Theme number → (candidate, method), plus the candidates no theme took.
    static func match(themes: [Theme], outline: StructuredDocument, pins: [String: String])
        -> (matches: [String: (Candidate, OutlineMatch.Method)], unmatched: [Candidate]) {
        let candidates = candidates(of: outline)
        var byAnchor: [String: Candidate] = [:]
        for section in outline.allSections {
            byAnchor[section.anchor] = Candidate(number: section.label, title: section.title, anchor: section.anchor)
        }
        var result: [String: (Candidate, OutlineMatch.Method)] = [:]
        var taken: Set<String> = []
        for theme in themes {
            if let anchor = pins[theme.number], let candidate = byAnchor[anchor], !taken.contains(anchor) {
                result[theme.number] = (candidate, .pinned)
                taken.insert(anchor)
            }
        }
        for theme in themes where result[theme.number] == nil {
            let same = candidates.filter { $0.number == theme.number && !taken.contains($0.anchor) }
            if same.count == 1 {
                result[theme.number] = (same[0], .number)
                taken.insert(same[0].anchor)
            }
        }
        // Greedy best-first over all remaining pairs, so that one good match is not stolen by
        // a worse one that happened to come first.
        var pairs: [(score: Double, theme: Int, candidate: Int)] = []
        let themeWords = themes.map { words($0.title) }
        let candidateWords = candidates.map { words($0.title) }
        for (t, theme) in themes.enumerated() where result[theme.number] == nil {
            for (c, candidate) in candidates.enumerated() where !taken.contains(candidate.anchor) {
                let score = similarity(themeWords[t], candidateWords[c])
                if score >= minimumTitleSimilarity { pairs.append((score, t, c)) }
            }
        }
        pairs.sort { ($0.score, -$0.theme, -$0.candidate) > ($1.score, -$1.theme, -$1.candidate) }
        for pair in pairs {
            let theme = themes[pair.theme]
            let candidate = candidates[pair.candidate]
            guard result[theme.number] == nil, !taken.contains(candidate.anchor) else { continue }
            result[theme.number] = (candidate, .title)
            taken.insert(candidate.anchor)
        }
        return (result, candidates.filter { !taken.contains($0.anchor) })
    }

    static func words(_ text: String) -> Set<String> {
        Set(VietnameseText.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    /// Jaccard similarity of two word sets.
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
