/// Measures of how a piece of text looks, used to tell headings from prose.
enum TextShape {
    /// The share of letters that are capitals (1 for `MỤC ĐÍCH`, 0 for `mục đích`).
    static func uppercaseRatio(_ text: String) -> Double {
        var letters = 0
        var upper = 0
        for character in text where character.isLetter {
            letters += 1
            if character.isUppercase { upper += 1 }
        }
        return letters == 0 ? 0 : Double(upper) / Double(letters)
    }

    static func isMostlyUppercase(_ text: String) -> Bool {
        uppercaseRatio(text) >= 0.75
    }

    static func startsLowercase(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace && !"*_\"“(".contains($0) }) else { return false }
        return first.isLowercase
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !$0.isWhitespace && !"*_\"”’)".contains($0) }) else { return true }
        return ".:;!?…".contains(last)
    }

    /// Collapses white space and drops Markdown emphasis markers left in text.
    static func clean(_ text: String) -> String {
        // Emphasis markers CommonMark could not pair (`**Tiêu đề. **`) are left as text.
        text.replacingOccurrences(of: "*", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    /// Capitalized words without digits, like a person's name: `Phạm Văn Hiếu`.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count), text.count <= 50 else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter } && word.dropFirst().contains { $0.isLowercase } || word.count == 1
        }
    }
}

import Foundation
