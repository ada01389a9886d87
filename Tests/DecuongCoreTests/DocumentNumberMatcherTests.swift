import Testing
@testable import DecuongCore

struct DocumentNumberMatcherTests {
    /// How `group` treats a category: the branches of its switch.
    private func role(_ category: Unicode.GeneralCategory) -> Int {
        switch category {
        case .uppercaseLetter, .titlecaseLetter: 0
        case .lowercaseLetter, .otherLetter, .modifierLetter: 1
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: 2
        default: 3
        }
    }

    /// The ASCII shortcut is the only place `groupCategory` differs from the property, and
    /// there it must put every scalar in the same branch of `group`.
    @Test func groupCategoryAgreesWithTheUnicodePropertyOnEveryScalarUpToU2100() {
        for value in UInt32(0)...0x2100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let fast = DocumentNumberMatcher.groupCategory(scalar)
            let exact = scalar.properties.generalCategory
            #expect(role(fast) == role(exact), "U+\(String(value, radix: 16))")
            if value >= 0x80 { #expect(fast == exact) }
            #expect((fast == .uppercaseLetter) == (exact == .uppercaseLetter))
        }
    }

    @Test func numbersStillMatch() {
        let cases: [(String, String?)] = [
            ("35-NQ/TW ngày", "35-NQ/TW"), ("30/2020/NĐ-CP", "30/2020/NĐ-CP"), ("80/2015/QH13,", "80/2015/QH13"),
            ("12/2009/QĐ-TTg của", "12/2009/QĐ-TTg"), ("1-MỤC ĐÍCH", nil), ("35-NQ/TW.Đồng thời", "35-NQ/TW"),
            ("14 - KH/ĐU.KBT", "14 - KH/ĐU.KBT"), ("30/4-Ngày", nil), ("5-Kh/Tu", nil),
        ]
        for (text, expected) in cases {
            let scalars = Array(text.unicodeScalars)
            let end = DocumentNumbers.match(scalars, from: 0)
            let found = end.map { String(String.UnicodeScalarView(scalars[..<$0])) }
            #expect(found == expected, "\(text)")
        }
    }
}
