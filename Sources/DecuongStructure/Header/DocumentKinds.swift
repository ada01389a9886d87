import DecuongCore
/// The kinds of document the header names in capitals, longest first so that
/// `ĐỊNH HƯỚNG TUYÊN TRUYỀN` is preferred to a shorter match.
enum DocumentKinds {
    static let all: [String] = [
        "KẾ HOẠCH", "HƯỚNG DẪN", "ĐỀ CƯƠNG", "QUYẾT ĐỊNH", "CHỈ THỊ", "NGHỊ QUYẾT", "KẾT LUẬN",
        "QUY ĐỊNH", "QUY CHẾ", "THÔNG BÁO", "THÔNG TRI", "BÁO CÁO", "TỜ TRÌNH", "CHƯƠNG TRÌNH",
        "PHƯƠNG ÁN", "ĐỊNH HƯỚNG", "PHỤ LỤC", "CÔNG VĂN", "NGHỊ ĐỊNH", "THÔNG TƯ", "ĐIỀU LỆ",
        "TÀI LIỆU", "DANH SÁCH", "LUẬT",
    ]

    /// Kinds that are attached to a main document rather than standing alone.
    static let attachmentKinds: Set<String> = ["ĐỀ CƯƠNG", "PHỤ LỤC", "QUY CHẾ", "DANH SÁCH"]

    private static let initials: Set<UInt32> = Set(all.compactMap { $0.unicodeScalars.first?.value } + [0x212A])

    /// `all` by first scalar, in the order of `all`; the Kelvin sign takes the K kinds.
    /// With each kind, its scalars when each is a character of its own (`ScalarText.isSimple`).
    private static let kindsByInitial: [UInt32: [(kind: String, scalars: [Unicode.Scalar]?)]] = {
        var table: [UInt32: [(kind: String, scalars: [Unicode.Scalar]?)]] = [:]
        for kind in all {
            guard let first = kind.unicodeScalars.first?.value else { continue }
            let entry = (kind, ScalarText.isSimple(kind) ? Array(kind.unicodeScalars) : nil)
            table[first, default: []].append(entry)
            if first == 0x4B { table[0x212A, default: []].append(entry) }
        }
        return table
    }()

    /// What a kind line's title is trimmed of, made once (it was made for every kind line).
    private static let titleEnds = CharacterSet(charactersIn: " :.-–")

    /// `rest.trimmingCharacters(in: titleEnds)`, on the scalars: Foundation's took as long as
    /// the rest of the kind line's reading, on every document.
    static func trimmedTitle(_ rest: Substring) -> String {
        let scalars = rest.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, isTitleEnd(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower, isTitleEnd(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        return String(scalars[lower..<upper])
    }

    /// Whether `titleEnds` holds the scalar.
    private static func isTitleEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", ":", ".", "-", "\u{2013}": true
        default: false
        }
    }

    /// `trimmedTitle` as it was: the reference for the tests.
    static func referenceTrimmedTitle(_ rest: Substring) -> String {
        rest.trimmingCharacters(in: titleEnds)
    }

    /// The white space `trimmed()` removes.
    static func isTrimmedSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2007, 0x202F, 0x3000: true
        default: false
        }
    }

    private static let longestKind = all.map(\.unicodeScalars.count).max() ?? 0

    /// The first scalars of `text`, one more than the longest kind has, when each of them
    /// stands alone as a character (so the one after a kind cannot join its last); nil
    /// otherwise.
    private static func simpleHead(_ text: String) -> [Unicode.Scalar]? {
        var head: [Unicode.Scalar] = []
        head.reserveCapacity(longestKind + 1)
        for scalar in text.unicodeScalars {
            guard ScalarText.isSimple(scalar), scalar.value != 0x0D else { return nil }
            head.append(scalar)
            if head.count > longestKind { break }
        }
        return head
    }

    /// "KẾ HOẠCH" → "Kế hoạch".
    static func display(_ kind: String) -> String {
        // The kinds are a few: their display names are made once (lowercasing and
        // capitalizing again cost some 4,000 instructions a document).
        displayNames[kind] ?? referenceDisplay(kind)
    }

    /// `display` as first written: the reference for the tests, and the path for any
    /// other text.
    static func referenceDisplay(_ kind: String) -> String {
        let lower = kind.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    private static let displayNames: [String: String] = Dictionary(all.map { ($0, referenceDisplay($0)) }) { first, _ in first }

    /// The kind a line opens with, written in capitals, and the rest of the line.
    static func kindLine(_ text: String) -> (kind: String, rest: String)? {
        // Every kind starts with one of a few capitals (K also as the Kelvin sign, which
        // `hasPrefix` equates with K): most lines are ruled out by their first scalar
        // after the white space `trimmed` removes, before copying and comparing.
        guard let first = text.unicodeScalars.first(where: { !isTrimmedSpace($0) }),
              initials.contains(first.value),
              !CapitalPrefix.secondIsLowercase(text, skipping: isTrimmedSpace) else { return nil }
        let trimmed = UTF8Scalars.trimmed(text)
        let head = simpleHead(trimmed)
        // Only the kinds that open with that capital can be a prefix (see `initials`).
        for (kind, kindScalars) in kindsByInitial[first.value] ?? [] {
            let rest: Substring
            if let head, let kindScalars {
                // Characters are scalars here, and the kinds NFC: `hasPrefix` compares
                // these scalars (some 2,400 instructions a call on characters).
                guard head.starts(with: kindScalars) else { continue }
                // The kind's characters are its scalars: they are passed over as such
                // (counting the kind's characters and dropping as many cost as much).
                let scalars = trimmed.unicodeScalars
                rest = Substring(scalars[scalars.index(scalars.startIndex, offsetBy: kindScalars.count)...])
            } else {
                guard trimmed.hasPrefix(kind) else { continue }
                rest = trimmed.dropFirst(kind.count)
            }
            if let next = rest.first, next.isLetter { continue }
            let title = trimmedTitle(rest)
            // "KẾ HOẠCH số 114" in prose is a citation, not a kind line.
            if ScalarText.lowercased(title).hasPrefix("số ") { return nil }
            // The rest, when there is any, must be capitals too: it is the summary.
            if !title.isEmpty, TextShape.uppercaseRatio(title) < 0.7 { return nil }
            return (kind, title)
        }
        return nil
    }
}

import Foundation
