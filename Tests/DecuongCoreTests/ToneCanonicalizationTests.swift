import Foundation
import Testing
@testable import DecuongCore

@Suite struct ToneCanonicalizationTests {
    private static let tones: [VietnameseTone] = VietnameseTone.allCases.filter { $0 != .level }

    private func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    private func marked(_ letter: String, _ tone: VietnameseTone) -> String {
        nfc(letter + (tone.combiningMark.map { String(Character($0)) } ?? ""))
    }

    @Test func briefPairsCompareEqual() {
        let pairs = [("hòa", "hoà"), ("khỏe", "khoẻ"), ("thủy", "thuỷ"), ("hóa", "hoá"), ("Hòa", "Hoà"), ("qúy", "quý")]
        for (old, new) in pairs {
            #expect(VietnameseText.canonicalTones(old) == new, "\(old)")
            #expect(VietnameseText.canonicalTones(new) == new, "\(new)")
        }
    }

    /// òa/oà, óa/oá, ỏa/oả, õa/oã, ọa/oạ, and the same for oe and uy, after several initials and
    /// in three case shapes.
    @Test(arguments: ["oa", "oe", "uy"])
    func everyOldNewPairMatches(glidePair: String) {
        let glide = String(glidePair.prefix(1))
        let main = String(glidePair.suffix(1))
        var checked = 0
        for initial in ["", "h", "kh", "th", "t", "l", "x", "ng", "nh", "s", "tr"] {
            for tone in Self.tones {
                let old = initial + marked(glide, tone) + main
                let new = initial + glide + marked(main, tone)
                #expect(old != new)
                #expect(VietnameseText.canonicalTones(old) == new, "\(old)")
                #expect(VietnameseText.canonicalTones(new) == new, "\(new)")
                #expect(VietnameseText.canonicalTones(old.uppercased()) == new.uppercased(), "\(old.uppercased())")
                #expect(VietnameseText.canonicalTones(old.capitalized) == new.capitalized, "\(old.capitalized)")
                #expect(VietnameseText.exactKey(old.uppercased()) == VietnameseText.exactKey(new))
                checked += 1
            }
        }
        #expect(checked == 11 * 5)
    }

    @Test func quAndGiKeepTheirVowelAsConsonant() {
        // The u of qu and the i of gi belong to the consonant; a tone on them is misplaced.
        #expect(VietnameseText.canonicalTones("quý") == "quý")
        #expect(VietnameseText.canonicalTones("qúy") == "quý")
        #expect(VietnameseText.canonicalTones("QÚY") == "QUÝ")
        #expect(VietnameseText.canonicalTones("qùa") == "quà")
        #expect(VietnameseText.canonicalTones("quà") == "quà")
        #expect(VietnameseText.canonicalTones("gìa") == "già")
        #expect(VietnameseText.canonicalTones("già") == "già")
        #expect(VietnameseText.canonicalTones("gịa") == "giạ")
        // Already canonical, must not move (qu + oa would wrongly become quà → qùa otherwise).
        for word in ["quốc", "quyết", "quyển", "quỳnh", "quá", "quả", "quân", "quẻ", "giữa", "giúp",
                     "giường", "giếng", "giỏi", "giải"] {
            #expect(VietnameseText.canonicalTones(word) == word, "\(word)")
        }
        // Here the i is the vowel: gì, gìn, gịt.
        for word in ["gì", "gìn", "gịt", "Gì"] {
            #expect(VietnameseText.canonicalTones(word) == word, "\(word)")
        }
    }

    @Test func canonicalWordsAreFixedPoints() {
        // Open two-vowel syllables outside oa/oe/uy keep the tone on the first vowel; a rule that
        // always moved the tone to the last vowel would break these.
        let words = [
            "của", "mùa", "múa", "mía", "chìa", "bài", "cháo", "tàu", "cày", "mẫu", "thấy", "kéo",
            "kêu", "líu", "tối", "mới", "túi", "gửi", "cứu", "mưa", "lửa", "cửa",
            // Marked vowel wins.
            "được", "người", "tuổi", "cuộc", "thuở", "thuế", "tuần", "hoặc", "khuyến", "nguyễn",
            "yếu", "chuyện", "mười", "rượu", "khuấy", "ngoằn", "Đảng", "hệ", "thống", "chính", "trị",
            // Closed syllables: last vowel.
            "hoàn", "toán", "hoạch", "huỳnh", "huýt", "xoóng", "khoét", "ngoặt",
            // Three vowels: middle.
            "ngoài", "xoáy", "ngoẻo", "khuỷu", "khuya",
            // New style already.
            "hoà", "khoẻ", "thuỷ", "Uỷ", "luỹ", "tuỵ",
        ]
        for word in words {
            #expect(VietnameseText.canonicalTones(word) == word, "\(word)")
        }
    }

    @Test func misplacedTonesInOtherSyllablesAreRepaired() {
        #expect(VietnameseText.canonicalTones("họach") == "hoạch")
        #expect(VietnameseText.canonicalTones("hòan") == "hoàn")
        #expect(VietnameseText.canonicalTones("cuả") == "của")
        #expect(VietnameseText.canonicalTones("ngòai") == "ngoài")
        #expect(VietnameseText.canonicalTones("mià") == "mìa")
    }

    @Test func keepsCaseAndSurroundingText() {
        #expect(VietnameseText.canonicalTones("HÒA BÌNH") == "HOÀ BÌNH")
        #expect(VietnameseText.canonicalTones("Ủy ban nhân dân") == "Uỷ ban nhân dân")
        #expect(VietnameseText.canonicalTones("(hòa), “thủy”; khỏe.") == "(hoà), “thuỷ”; khoẻ.")
        #expect(VietnameseText.canonicalTones("Ban Chấp hành Trung ương khóa XIII")
            == "Ban Chấp hành Trung ương khoá XIII")
        #expect(VietnameseText.canonicalTones("") == "")
    }

    @Test func decomposedInputGivesComposedOutput() {
        let nfd = "ho\u{0300}a thu\u{0309}y nguye\u{0302}\u{0303}n"
        let result = VietnameseText.canonicalTones(nfd)
        #expect(result.unicodeScalars.map(\.value) == Array("hoà thuỷ nguyễn".precomposedStringWithCanonicalMapping.unicodeScalars).map(\.value))
        // A tone moved onto a vowel with a mark must compose with it: dot below plus
        // circumflex (ệ), acute after circumflex (ấ), hook with horn (ở).
        #expect(VietnameseText.canonicalTones("ngu\u{0323}ye\u{0302}n") == "nguyện")
        #expect(VietnameseText.canonicalTones("tu\u{0301}a\u{0302}n") == "tuấn")
        #expect(VietnameseText.canonicalTones("TU\u{0301}A\u{0302}N") == "TUẤN")
        #expect(VietnameseText.canonicalTones("thu\u{0309}o\u{031B}") == "thuở")
        #expect(VietnameseText.canonicalTones("đựơc") == "được")
        #expect(VietnameseText.canonicalTones("thuở").unicodeScalars.count == 4)
    }

    @Test func nonVietnameseWordsAreLeftAlone() {
        for word in ["José", "café", "Zürich", "Jóa", "fóa", "München", "ü", "ha\u{0300}\u{0301}a", "XIII", "BTCTW", "tòaxx"] {
            #expect(VietnameseText.canonicalTones(word) == nfc(word), "\(word)")
        }
    }

    @Test func idempotentOnRealText() {
        let once = VietnameseText.canonicalTones(SeedText.paragraph)
        #expect(VietnameseText.canonicalTones(once) == once)
        #expect(once.contains("khoá XIII"))
        #expect(once.contains("Uỷ ban nhân dân"))
        #expect(once.unicodeScalars.count == SeedText.paragraph.unicodeScalars.count)
        // Only the old-style words changed.
        let changed = zip(SeedText.paragraph.split(separator: " "), once.split(separator: " ")).filter { $0.0 != $0.1 }
        #expect(changed.map { String($0.0) } == ["ủy", "khóa", "Ủy"])
    }
}
