import Testing
@testable import DecuongCore

@Suite struct SlugTests {
    @Test func examples() {
        #expect(Slug.make("II- NỘI DUNG TUYÊN TRUYỀN") == "ii-noi-dung-tuyen-truyen")
        #expect(Slug.make("1.1.") == "1-1")
        #expect(Slug.make("Đề cương") == "de-cuong")
        #expect(Slug.make("\u{00D0}ề cương") == "de-cuong")
        #expect(Slug.make("De\u{0302}\u{0300} cu\u{031B}o\u{031B}ng") == "de-cuong")
        #expect(Slug.make("ke-hoach-2023") == "ke-hoach-2023")
        #expect(Slug.make("Kế hoạch số 114-KH/BTCTW") == "ke-hoach-so-114-kh-btctw")
        #expect(Slug.make("  “Tiếp tục đẩy mạnh”  — xây dựng Đảng!! ") == "tiep-tuc-day-manh-xay-dung-dang")
        #expect(Slug.make("Nghị định số 30/2020/NĐ-CP") == "nghi-dinh-so-30-2020-nd-cp")
        #expect(Slug.make("PHỤ LỤC 1") == "phu-luc-1")
        #expect(Slug.make("hòa") == Slug.make("hoà"))
    }

    @Test func nothingSluggableGivesEmpty() {
        #expect(Slug.make("") == "")
        #expect(Slug.make("---") == "")
        #expect(Slug.make(" ./. ") == "")
        #expect(Slug.make("漢字") == "")
    }

    @Test func lengthCapCutsAtAHyphen() {
        let title = "Tuyên truyền kỷ niệm các ngày lễ lớn và sự kiện lịch sử quan trọng trong năm 2023, "
            + "gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
        let full = Slug.make(title, maxLength: 1000)
        #expect(full.count > 80)
        let capped = Slug.make(title)
        #expect(capped.count <= 80)
        #expect(full.hasPrefix(capped + "-"))
        #expect(Slug.isValid(capped))
        // Cut before "2023", which would end at character 81.
        #expect(capped == "tuyen-truyen-ky-niem-cac-ngay-le-lon-va-su-kien-lich-su-quan-trong-trong-nam")
        #expect(Slug.make(title, maxLength: 81) == capped + "-2023")

        // Exactly at a word end: the word is kept.
        #expect(Slug.make("abc def ghi", maxLength: 7) == "abc-def")
        // Inside a word: back to the last hyphen.
        #expect(Slug.make("abc def ghi", maxLength: 9) == "abc-def")
        #expect(Slug.make("abc def ghi", maxLength: 8) == "abc-def")
        #expect(Slug.make("abc def ghi", maxLength: 6) == "abc")
        // One long word: cut inside it.
        #expect(Slug.make("abcdefghij", maxLength: 4) == "abcd")
        #expect(Slug.make("abc", maxLength: 0) == "a")
        #expect(Slug.make("abc def", maxLength: 7) == "abc-def")
    }

    @Test func madeSlugsAreValid() {
        for text in ["II- NỘI DUNG TUYÊN TRUYỀN", "1.1.", "Đề cương", " a -- b ", "Ủy ban nhân dân tỉnh Hậu Giang", SeedText.paragraph] {
            let slug = Slug.make(text)
            #expect(Slug.isValid(slug), "\(slug)")
        }
    }

    @Test func validity() {
        for good in ["a", "ke-hoach-2023", "ii-1-3", "2023", "de-cuong"] {
            #expect(Slug.isValid(good), "\(good)")
        }
        for bad in ["", "-", "-a", "a-", "a--b", "Ke-hoach", "kế-hoạch", "a b", "a_b", "a/b", "a.html", "đ"] {
            #expect(!Slug.isValid(bad), "\(bad)")
        }
    }
}
