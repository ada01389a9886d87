import Foundation
import Testing
@testable import DecuongCore

@Suite struct VietnameseCollationTests {
    @Test func briefExample() {
        let input = ["Đảng", "Dân", "Ăn", "An", "Bộ", "Ân", "Ban"]
        #expect(VietnameseCollation.sorted(input) == ["An", "Ăn", "Ân", "Ban", "Bộ", "Dân", "Đảng"])
        // Code point order would put Ân (U+00C2) before Ăn (U+0102) and both after Dân.
        #expect(input.sorted() != ["An", "Ăn", "Ân", "Ban", "Bộ", "Dân", "Đảng"])
    }

    @Test func alphabetOrder() {
        let alphabet = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
                        "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
        #expect(VietnameseCollation.sorted(alphabet.reversed()) == alphabet)
        #expect(VietnameseCollation.sorted(alphabet.map { $0.uppercased() }.shuffled()) == alphabet.map { $0.uppercased() })
        #expect(VietnameseCollation.sorted(["ước", "ung", "ơn", "ổn", "on", "ếch", "em", "đi", "dê"])
            == ["dê", "đi", "em", "ếch", "on", "ổn", "ơn", "ung", "ước"])
    }

    @Test func tonesAreSecondaryInDictionaryOrder() {
        let ordered = ["ba", "bà", "bả", "bã", "bá", "bạ"]
        #expect(VietnameseCollation.sorted(ordered.reversed()) == ordered)
        #expect(VietnameseCollation.sorted(["bạ", "bac"]) == ["bạ", "bac"])
        #expect(VietnameseCollation.sorted(["bác", "bà", "bạc", "ba"]) == ["ba", "bà", "bác", "bạc"])
        // Letters decide before tones, over the whole string.
        #expect(VietnameseCollation.sorted(["bà ba", "ba lô"]) == ["bà ba", "ba lô"])
        // Tones compare from the left.
        #expect(VietnameseCollation.sorted(["bà ba", "ba bà"]) == ["ba bà", "bà ba"])
        // Every vowel: plain < huyền < hỏi < ngã < sắc < nặng.
        for vowel in VowelTable.vowels {
            let series = VowelTable.toneMarks.map {
                VowelTable.decomposed(vowel, tone: $0, uppercase: false).precomposedStringWithCanonicalMapping
            }
            #expect(VietnameseCollation.sorted(series.reversed()) == series)
        }
    }

    @Test func caseIsTertiaryLowercaseFirst() {
        #expect(VietnameseCollation.sorted(["An", "an", "AN"]) == ["an", "An", "AN"])
        // Tone outranks case.
        #expect(VietnameseCollation.sorted(["àn", "An"]) == ["An", "àn"])
        // Letters outrank case.
        #expect(VietnameseCollation.sorted(["Bình", "an", "Anh", "bé"]) == ["an", "Anh", "bé", "Bình"])
    }

    @Test func numbersByValueAndBeforeLetters() {
        #expect(VietnameseCollation.sorted(["10", "2", "1", "a"]) == ["1", "2", "10", "a"])
        #expect(VietnameseCollation.sorted(["1.10", "1.2", "1.1.1", "1.1", "2", "1.9"])
            == ["1.1", "1.1.1", "1.2", "1.9", "1.10", "2"])
        #expect(VietnameseCollation.sorted(["Mục 10", "Mục 9", "Mục 1"]) == ["Mục 1", "Mục 9", "Mục 10"])
        #expect(VietnameseCollation.sorted(["Nghị quyết 35", "Nghị quyết 114", "Nghị quyết 05"])
            == ["Nghị quyết 05", "Nghị quyết 35", "Nghị quyết 114"])
        #expect(VietnameseCollation.compare("06", "6") != .orderedSame)
        #expect(VietnameseCollation.sorted(["99999999999999999999", "100000000000000000000"])
            == ["99999999999999999999", "100000000000000000000"])
    }

    @Test func wordBreaksAndPunctuation() {
        #expect(VietnameseCollation.sorted(["Anh", "An Giang"]) == ["An Giang", "Anh"])
        #expect(VietnameseCollation.sorted(["An Giang", "An"]) == ["An", "An Giang"])
        #expect(VietnameseCollation.sorted(["“Tiếp tục đẩy mạnh”", "Bảo vệ", "Xây dựng"])
            == ["Bảo vệ", "“Tiếp tục đẩy mạnh”", "Xây dựng"])
        #expect(VietnameseCollation.compare("Đảng-bộ", "Đảng bộ") != .orderedSame)
        // A hyphen breaks words like a space does.
        #expect(VietnameseCollation.sorted(["Đảng viên", "Đảng-bộ x", "Đảng bộ", "Đảngbộ"])
            == ["Đảng bộ", "Đảng-bộ x", "Đảng viên", "Đảngbộ"])
    }

    @Test func tonePlacementDoesNotChangeThePlace() {
        let sorted = VietnameseCollation.sorted(["hoàn", "hòa", "hoa", "hoà", "hoá", "họa", "Hòa"])
        #expect(sorted.first == "hoa")
        #expect(sorted.last == "hoàn")
        #expect(Set(sorted[1...3]) == ["hòa", "hoà", "Hòa"])
        #expect(sorted[4...5] == ["hoá", "họa"])
        // Different strings never compare equal.
        #expect(VietnameseCollation.compare("hòa", "hoà") != .orderedSame)
    }

    @Test func realOrganizationNames() {
        let names = [
            "Ủy ban Kiểm tra Thành ủy", "Ban Tuyên giáo Thành ủy", "Đảng ủy Khối Doanh nghiệp",
            "Báo Cần Thơ", "Ban Tổ chức Thành ủy", "Đài Phát thanh và Truyền hình thành phố",
            "Ban Dân vận Thành ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Ban Nội chính Thành ủy",
            "Đảng ủy Khối Cơ quan và Doanh nghiệp", "Ban Chỉ đạo 35",
        ]
        #expect(VietnameseCollation.sorted(names) == [
            "Ban Chỉ đạo 35", "Ban Dân vận Thành ủy", "Ban Nội chính Thành ủy", "Ban Tổ chức Thành ủy",
            "Ban Tuyên giáo Thành ủy", "Báo Cần Thơ", "Đài Phát thanh và Truyền hình thành phố",
            "Đảng ủy Khối Cơ quan và Doanh nghiệp", "Đảng ủy Khối Doanh nghiệp",
            "Ủy ban Kiểm tra Thành ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
        ])
    }

    @Test func orderIsTotalAndConsistent() {
        let words = ["Đảng", "Dân", "Ăn", "An", "an", "Bộ", "Ân", "Ban", "hòa", "hoà", "Hoà", "1.1", "1.10",
                     "", " ", "“", "An Giang", "Anh", "Ðảng", "Da\u{0302}n", "zalo", "漢字", "ba", "bà"]
        for a in words {
            #expect(VietnameseCollation.compare(a, a) == .orderedSame)
            for b in words {
                let forward = VietnameseCollation.compare(a, b)
                let backward = VietnameseCollation.compare(b, a)
                #expect((forward == .orderedSame) == (a == b), "\(a) vs \(b)")
                #expect(forward.rawValue == -backward.rawValue, "\(a) vs \(b)")
                #expect(VietnameseCollation.areInIncreasingOrder(a, b) == (forward == .orderedAscending))
                #expect((VietnameseCollation.sortKey(a) < VietnameseCollation.sortKey(b)) == (forward == .orderedAscending))
            }
        }
        let once = VietnameseCollation.sorted(words)
        for _ in 0..<5 {
            #expect(VietnameseCollation.sorted(words.shuffled()) == once)
        }
        // The decomposed and composed spelling are the same string.
        #expect(VietnameseCollation.compare("Da\u{0302}n", "Dân") == .orderedSame)
        #expect(VietnameseCollation.sortKey("Da\u{0302}n") == VietnameseCollation.sortKey("Dân"))
        // Eth sorts as Đ, next to it.
        let aroundD = VietnameseCollation.sorted(["Ðảng", "Đảng", "Dân", "Em"])
        #expect(aroundD.first == "Dân")
        #expect(aroundD.last == "Em")
    }

    @Test func sortedByKeyPath() {
        struct Org { var name: String }
        let orgs = [Org(name: "Đảng ủy"), Org(name: "Dân vận"), Org(name: "Ăn")]
        #expect(VietnameseCollation.sorted(orgs, by: \.name).map(\.name) == ["Ăn", "Dân vận", "Đảng ủy"])
    }
}

@Suite struct InitialLetterTests {
    @Test func bucketsUseTheVietnameseAlphabet() {
        #expect(VietnameseCollation.initialLetter("Đảng") == "Đ")
        #expect(VietnameseCollation.initialLetter("đảng viên") == "Đ")
        #expect(VietnameseCollation.initialLetter("\u{00D0}ảng") == "Đ")
        #expect(VietnameseCollation.initialLetter("Dân") == "D")
        #expect(VietnameseCollation.initialLetter("Ăn") == "Ă")
        #expect(VietnameseCollation.initialLetter("ấp") == "Â")
        #expect(VietnameseCollation.initialLetter("An") == "A")
        #expect(VietnameseCollation.initialLetter("Ánh") == "A")
        #expect(VietnameseCollation.initialLetter("ước") == "Ư")
        #expect(VietnameseCollation.initialLetter("Ủy ban") == "U")
        #expect(VietnameseCollation.initialLetter("ổn định") == "Ô")
        #expect(VietnameseCollation.initialLetter("Ơn") == "Ơ")
        #expect(VietnameseCollation.initialLetter("Ê-đê") == "Ê")
        #expect(VietnameseCollation.initialLetter("E\u{0302}\u{0301}ch") == "Ê")
        #expect(VietnameseCollation.initialLetter("zalo") == "Z")
        #expect(VietnameseCollation.initialLetter("  “Tiếp tục”") == "T")
        #expect(VietnameseCollation.initialLetter("2023") == "#")
        #expect(VietnameseCollation.initialLetter("(1) Ban") == "#")
        #expect(VietnameseCollation.initialLetter("") == "#")
        #expect(VietnameseCollation.initialLetter("./.") == "#")
        #expect(VietnameseCollation.initialLetter("漢字") == "#")
        #expect(VietnameseCollation.buckets.count == 34)
        #expect(VietnameseCollation.buckets.prefix(8) == ["#", "A", "Ă", "Â", "B", "C", "D", "Đ"])
    }

    @Test func bucketsFollowSortOrder() {
        let entries = ["Đảng", "Dân", "Ăn", "An", "Bộ", "Ân", "Ban", "2023", "Ủy ban", "ước", "Zalo", "Yên Bái",
                       "“Tiếp tục”", "漢字", "Ê-đê", "Em", "Ổn", "On", "Ơn", "Ignore", "Kết luận"]
        let buckets = VietnameseCollation.sorted(entries).map(VietnameseCollation.initialLetter)
        let positions = buckets.compactMap { VietnameseCollation.buckets.firstIndex(of: $0) }
        #expect(positions.count == entries.count)
        #expect(positions == positions.sorted())
    }
}
