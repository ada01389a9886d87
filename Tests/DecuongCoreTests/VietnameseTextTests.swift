import Foundation
import Testing
@testable import DecuongCore

/// Every vowel of the alphabet with every tone, built from combining marks so the test does
/// not depend on the implementation's own tables.
enum VowelTable {
    /// (plain ASCII vowel, vowel mark or nil) for a ă â e ê i o ô ơ u ư y.
    static let vowels: [(base: String, mark: String?)] = [
        ("a", nil), ("a", "\u{0306}"), ("a", "\u{0302}"), ("e", nil), ("e", "\u{0302}"), ("i", nil),
        ("o", nil), ("o", "\u{0302}"), ("o", "\u{031B}"), ("u", nil), ("u", "\u{031B}"), ("y", nil),
    ]
    static let toneMarks: [String?] = [nil, "\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]

    /// NFD spelling of one vowel with one tone, uppercase or not.
    static func decomposed(_ vowel: (base: String, mark: String?), tone: String?, uppercase: Bool) -> String {
        (uppercase ? vowel.base.uppercased() : vowel.base) + (vowel.mark ?? "") + (tone ?? "")
    }
}

@Suite struct NormalizeTests {
    @Test func decomposedInputBecomesComposed() {
        let nfd = "Đa\u{0309}ng bo\u{0302}\u{0323}"  // Đảng bộ
        let result = VietnameseText.normalize(nfd)
        #expect(result == "Đảng bộ")
        #expect(Array(result.unicodeScalars).map(\.value) == Array("Đảng bộ".precomposedStringWithCanonicalMapping.unicodeScalars).map(\.value))
        #expect(result.unicodeScalars.count == 7)
    }

    @Test func markOrderInDecomposedInputDoesNotMatter() {
        // ệ written with the dot below before or after the circumflex is canonically the same.
        #expect(VietnameseText.normalize("he\u{0323}\u{0302}").unicodeScalars.map(\.value) == [0x68, 0x1EC7])
        #expect(VietnameseText.normalize("he\u{0302}\u{0323}").unicodeScalars.map(\.value) == [0x68, 0x1EC7])
    }

    @Test func dStrokeLookalikesBecomeDStroke() {
        #expect(VietnameseText.normalize("\u{00D0}ẢNG ỦY") == "\u{0110}ẢNG ỦY")
        #expect(VietnameseText.normalize("\u{0189}oàn") == "\u{0110}oàn")
        #expect(VietnameseText.normalize("\u{00F0}ảng \u{0256}ồng") == "\u{0111}ảng \u{0111}ồng")
        #expect(VietnameseText.normalize("Số 14 - KH/\u{00D0}U.KBT") == "Số 14 - KH/ĐU.KBT")
    }

    @Test func nothingElseChanges() {
        let text = "Thực hiện Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức Trung ương; “hòa” – thủy\n\t./."
        #expect(VietnameseText.normalize(text) == text)
        #expect(VietnameseText.normalize("") == "")
        // Old-style tone placement is a spelling, not an encoding problem: normalize keeps it.
        #expect(VietnameseText.normalize("hòa thủy") == "hòa thủy")
        #expect(VietnameseText.normalize("Ø ß 漢字 😀").unicodeScalars.count == "Ø ß 漢字 😀".unicodeScalars.count)
    }
}

@Suite struct FoldTests {
    @Test func examples() {
        #expect(VietnameseText.fold("Xây dựng Đảng") == "xay dung dang")
        #expect(VietnameseText.fold("KẾ HOẠCH thông tin, tuyên truyền về công tác xây dựng Đảng")
            == "ke hoach thong tin, tuyen truyen ve cong tac xay dung dang")
        #expect(VietnameseText.fold("Số: 14 - KH/ĐU.KBT") == "so: 14 - kh/du.kbt")
        #expect(VietnameseText.fold("Nghị định số 30/2020/NĐ-CP") == "nghi dinh so 30/2020/nd-cp")
        #expect(VietnameseText.fold("Người được giữ ước nguyện") == "nguoi duoc giu uoc nguyen")
        #expect(VietnameseText.fold("") == "")
        #expect(VietnameseText.fold("ABC xyz 123") == "abc xyz 123")
    }

    @Test func everyVowelWithEveryToneFoldsToItsPlainLetter() {
        var checked = 0
        for vowel in VowelTable.vowels {
            for tone in VowelTable.toneMarks {
                for uppercase in [false, true] {
                    let nfd = VowelTable.decomposed(vowel, tone: tone, uppercase: uppercase)
                    let nfc = nfd.precomposedStringWithCanonicalMapping
                    #expect(VietnameseText.fold(nfc) == vowel.base, "\(nfc)")
                    #expect(VietnameseText.fold(nfd) == vowel.base, "\(nfc) (NFD)")
                    checked += 1
                }
            }
        }
        #expect(checked == 12 * 6 * 2)
    }

    @Test func lettersOutsideTheAlphabetFoldToo() {
        #expect(VietnameseText.fold("Zürich MÜNCHEN Ñandú") == "zurich munchen nandu")
        #expect(VietnameseText.fold("x\u{0323}") == "x")
        #expect(VietnameseText.fold("İ") == "i")
        #expect(VietnameseText.fold("Ø 漢字 한국") == "ø 漢字 한국")
    }

    @Test func plainLettersTableMatchesTheAlphabet() {
        #expect(VietnameseAlphabet.plainLetters.count == VietnameseAlphabet.letters.count)
        for (letter, plain) in zip(VietnameseAlphabet.letters, VietnameseAlphabet.plainLetters) where letter != "đ" {
            #expect(String(letter).decomposedStringWithCanonicalMapping.unicodeScalars.first == plain)
        }
    }

    @Test func everyDStrokeFoldsToD() {
        for d in ["đ", "Đ", "\u{00D0}", "\u{00F0}", "\u{0189}", "\u{0256}"] {
            #expect(VietnameseText.fold(d + "ảng") == "dang", "\(d)")
        }
    }

    @Test func foldIgnoresTonePlacementAndIsIdempotent() {
        let text = "Hòa hoà khỏe khoẻ thủy thuỷ"
        #expect(VietnameseText.fold(text) == "hoa hoa khoe khoe thuy thuy")
        #expect(VietnameseText.fold(VietnameseText.fold(text)) == VietnameseText.fold(text))
        #expect(VietnameseText.fold(SeedText.paragraph) == VietnameseText.fold(VietnameseText.canonicalTones(SeedText.paragraph)))
    }

    @Test func foldedSeedTextIsPlainASCII() {
        let folded = VietnameseText.fold(SeedText.paragraph)
        #expect(folded.unicodeScalars.allSatisfy { $0.isASCII || $0 == "“" || $0 == "”" })
        #expect(folded.hasPrefix("thuc hien ke hoach so 114-kh/btctw ngay 21/4/2023"))
    }
}

@Suite struct ExactKeyTests {
    @Test func caseAndTonePlacementAreIgnoredButDiacriticsKept() {
        #expect(VietnameseText.exactKey("Hòa") == "hoà")
        #expect(VietnameseText.exactKey("HOÀ") == "hoà")
        #expect(VietnameseText.exactKey("ho\u{0300}a") == "hoà")
        #expect(VietnameseText.exactKey("Xây dựng \u{00D0}ảng") == "xây dựng đảng")
        #expect(VietnameseText.exactKey("hoa") != VietnameseText.exactKey("hoà"))
        #expect(VietnameseText.exactKey("Đảng") != VietnameseText.exactKey("Dang"))
        #expect(VietnameseText.exactKey("THỦY LỢI") == VietnameseText.exactKey("thuỷ lợi"))
    }
}

/// Real text from the seed plan (Ban Tổ chức Thành ủy Cần Thơ, 2023), in old tone style.
enum SeedText {
    static let paragraph = """
    Thực hiện Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức Trung ương về thông tin, \
    tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2023, Công văn số \
    5047-CV/BTCTW ngày 10/5/2023 của Ban Tổ chức Trung ương về tuyên truyền xây dựng Đảng, xây \
    dựng hệ thống chính trị và hưởng ứng Giải Búa liềm vàng lần thứ VIII - năm 2023, Ban Thường \
    vụ Thành ủy ban hành kế hoạch thực hiện như sau: phấn đấu thực hiện thắng lợi nghị quyết các \
    hội nghị Ban Chấp hành Trung ương khóa XIII; “Tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng, xây \
    dựng Nhà nước pháp quyền xã hội chủ nghĩa và hệ thống chính trị toàn diện, trong sạch, vững \
    mạnh”; đổi mới phương thức lãnh đạo, cầm quyền của Đảng; Ủy ban nhân dân; cán bộ, đảng viên \
    và nhân dân quyết tâm cao, nỗ lực lớn, hành động quyết liệt, hiệu quả để vượt qua khó khăn.
    """
}
