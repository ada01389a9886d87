/// Measures of how a piece of text looks, used to tell headings from prose.
enum TextShape {
    /// The share of letters that are capitals (1 for `MỤC ĐÍCH`, 0 for `mục đích`).
    static func uppercaseRatio(_ text: String) -> Double {
        var letters = 0
        var upper = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII fast path: the Unicode property tables are slow to consult.
                if value >= 0x41 && value <= 0x5A { letters += 1; upper += 1 } else if value >= 0x61 && value <= 0x7A { letters += 1 }
            } else if scalar.isUppercaseFast {
                letters += 1
                upper += 1
            } else if scalar.isLowercaseFast {
                letters += 1
            }
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
        // Works on UTF-8: every scalar dropped is ASCII or U+00A0 (C2 A0), and a lead or
        // continuation byte of any other scalar never equals one of them.
        var text = text
        return text.withUTF8 { bytes in
            // The result is never longer than the text: written straight into its storage.
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                var i = 0
                while i < bytes.count {
                    let byte = bytes[i]
                    if byte == 0x2A || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
                        || (byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0) {
                        pendingSpace = count > 0
                        i += byte == 0xC2 ? 2 : 1
                        continue
                    }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = byte
                    count += 1
                    i += 1
                }
                return count
            }
        }
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
