import DecuongCore
import DecuongMarkdown
import Foundation
import Testing
@testable import DecuongStructure

/// The quick rejections in front of `hasPrefix` and the shortened lowercasing, against the
/// code they stand in front of.
@Suite struct PrefixFastPathTests {
    static let heads = [
        "T/M ", "TM. ", "KT ", "Q. ", "THAY MẶT ", "KÝ THAY ", "KY\u{0301} THAY ", "\u{212A}T ", "BÍ THƯ", "ỦY VIÊN", "U\u{0309}Y VIÊN",
        "CHỦ TỊCH", "Tăng cường", "Kế hoạch", "Ủy ban", "Thực hiện", "T", "K", "", "(Kèm theo", "(KÈM THEO", "Trên đây",
        "TRÊN ĐÂY", "Nghị quyết này", "NGHỊ QUYẾT NÀY", "thông tư liên tịch này", "(Ban hành kèm theo", "İ", "Σ",
    ]

    static func text(_ random: inout FastPathEquivalenceTests.Random) -> String {
        heads[Int(random.next() % UInt64(heads.count))] + random.string(Int(random.next() % 3 == 0 ? 80 : 8))
    }

    @Test func closingLinesMatchTheFullComparison() {
        var random = FastPathEquivalenceTests.Random(state: 41)
        for _ in 0..<4000 {
            let text = Self.text(&random)
            #expect(ClosingRecognizer.isAuthority(text) == Reference.isAuthority(text), "\(Array(text.unicodeScalars))")
            #expect(ClosingRecognizer.isPosition(text) == Reference.isPosition(text), "\(Array(text.unicodeScalars))")
            #expect(HeaderRecognizer.attachedNumber(text) == Reference.attachedNumber(text), "\(Array(text.unicodeScalars))")
            let block = Block(.paragraph([Inline(.text(InlineText(text)), range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1))]),
                              range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1))
            #expect(Recognizer.isDocumentLevel(block) == Reference.isDocumentLevel(block), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func recipientsAreCleanedAsOnCharacters() {
        var random = FastPathEquivalenceTests.Random(state: 43)
        let pieces = ["- ", "– ", "+ ", "• ", " ", "-", "UBND tỉnh", "Ban Tuyên giáo", ",", ";", ".", "**", " ,", "\u{0301}",
                      "\r", "\u{A0}", "\t", "Đ", "—", "‐"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(random.next() % 7) {
                text += random.next() % 3 == 0 ? random.string(3) : pieces[Int(random.next() % UInt64(pieces.count))]
            }
            #expect(ClosingRecognizer.cleanRecipient(text) == ClosingRecognizer.referenceCleanRecipient(text),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func numberLinesMatchTheFullComparison() {
        var random = FastPathEquivalenceTests.Random(state: 44)
        let heads = ["Số", "SỐ", "Số:", "Số ", "S", " Số", "\u{3000}SỐ", "\u{A0}Số", "S\u{0301}ố", "So\u{0302}\u{0301}", "Sở", "", " ",
                     "\u{0301}Số", "số", "ĐẢNG", "Kế hoạch"]
        let tails = ["114-KH/BTCTW", ": 160/KH-UBND", " 14 - KH/ĐU.KBT", "", " ngày", "1"]
        for _ in 0..<4000 {
            let text = heads[Int(random.next() % UInt64(heads.count))] + tails[Int(random.next() % UInt64(tails.count))]
                + (random.next() % 2 == 0 ? random.string(4) : "")
            let fast = HeaderRecognizer.numberLine(text)
            let slow = HeaderRecognizer.referenceNumberLine(text)
            #expect(fast?.number == slow?.number && fast?.rest == slow?.rest, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func recipientsHeadingsMatchTheLowercasedPrefix() {
        var random = FastPathEquivalenceTests.Random(state: 46)
        let heads = ["Nơi nhận", "NƠI NHẬN", "Nơi nhận:", "Nơi  nhận", "No\u{031B}i nhận", "Nơi nhâ\u{0323}n", "Nơi nh", "N", "n",
                     "Nơi nhận\u{0301}", "Nơi nhậ\u{0301}n", "Nơi nhận\r\n", "Nội dung", "NƠI NHẬN\u{0300}", "Ǌơi nhận"]
        for _ in 0..<4000 {
            let text = heads[Int(random.next() % UInt64(heads.count))] + (random.next() % 2 == 0 ? random.string(3) : "")
            #expect(ClosingRecognizer.isRecipientsHeading(text) == ClosingRecognizer.referenceIsRecipientsHeading(text)
                        || !(text.unicodeScalars.first == "N" || text.unicodeScalars.first == "n"),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func bodyOpenersMatchTheLowercasedPrefix() {
        var random = FastPathEquivalenceTests.Random(state: 47)
        let heads = ["Căn cứ", "CĂN CỨ", "Thực hiện", "Kính gửi", "Theo ", "theo", "Trên cơ sở", "Nhằm ", "Nhằm", "Ca\u{0306}n cứ",
                     "Căn cư\u{0301}", "Theo\u{0301} ", "", " ", "Kế hoạch", "\u{212A}ính gửi"]
        for _ in 0..<4000 {
            let text = heads[Int(random.next() % UInt64(heads.count))] + (random.next() % 2 == 0 ? random.string(4) : "")
            let line = TextLine(inlines: [], text: text, range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1), paragraph: 1,
                                isFirstInParagraph: true, containers: [], startsListItem: false, headingLevel: nil, atomic: nil,
                                isBold: false)
            #expect(HeaderRecognizer.startsBody(line) == HeaderRecognizer.referenceStartsBody(text: text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func citationGapMatchesFoundationTrimming() {
        var random = FastPathEquivalenceTests.Random(state: 42)
        for _ in 0..<4000 {
            let scalars = Array((random.string(6) + [" ", ",", " , ", "ngày", ""][Int(random.next() % 5)]).unicodeScalars)
            let old = ScalarText.string(scalars[...]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            #expect(MentionScanner.gap(scalars[...]) == old, "\(scalars)")
        }
    }

    @Test func placeAndDateMatchesFoundationSearch() {
        var random = FastPathEquivalenceTests.Random(state: 43)
        let pieces = ["Hà Nội", ", ngày ", ",ngày ", ", ngày", ", ng", ",ng", ", n", "ng", ", ", " ", "27 tháng 6 năm 2021",
                      "21/4/2023", "a\u{0300}", "\u{0300}", "y", "Huế", "nga\u{0300}y", "NGÀY", "\r\n", "\u{212A}"]
        for _ in 0..<4000 {
            var text = random.string(4)
            for _ in 0..<Int(random.next() % 6) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let fast = HeaderRecognizer.placeAndDate(text)
            let slow = Reference.placeAndDate(text)
            #expect(fast?.place == slow?.place && fast?.date == slow?.date, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func kindTitlesTrimAsFoundationTrims() {
        var random = FastPathEquivalenceTests.Random(state: 46)
        let pieces = [" ", ":", ".", "-", "\u{2013}", "\u{2014}", "VỀ VIỆC", "a\u{0300}", "\u{0300}", "\r\n", "\u{1F600}", "x"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(random.next() % 7) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let rest = Substring(text)
            #expect(DocumentKinds.trimmedTitle(rest) == DocumentKinds.referenceTrimmedTitle(rest), "\(Array(text.unicodeScalars))")
            let cut = rest.dropFirst(min(1, rest.count))
            #expect(DocumentKinds.trimmedTitle(cut) == DocumentKinds.referenceTrimmedTitle(cut), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func organizationNameEndsMatchCharacterComparison() {
        var random = FastPathEquivalenceTests.Random(state: 44)
        let pieces = [" và", " va\u{0300}", "Ban hành", "Ban ha\u{0300}nh", "Ban", " ", "v", "à", "\u{0D4E}", "\u{0600}", "x"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(random.next() % 5) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let chars = Array(text.unicodeScalars)
            for lower in 0...min(2, chars.count) {
                let name = ScalarText.string(chars[lower...])
                #expect(OrganizationScanner.endsWithVa(chars, lower..<chars.count) ?? name.hasSuffix(" và") == name.hasSuffix(" và"), "\(chars)")
                #expect(OrganizationScanner.startsWithBanHanh(chars, lower..<chars.count) ?? name.hasPrefix("Ban hành")
                            == name.hasPrefix("Ban hành"), "\(chars)")
            }
        }
    }

    @Test func nationalTitlesMatchTheOldTest() {
        var random = FastPathEquivalenceTests.Random(state: 45)
        let pieces = ["ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                      "ĐỘC LẬP – TỰ DO – HẠNH PHÚC", "VIỆT NAM", "Việt Nam", "TỈNH ỦY ", "x", ".", "ﬁ", "ŉ", "ı", "m", "c",
                      // Decomposed letters, marks and CR, which the byte comparisons leave to the characters.
                      "CO\u{0302}\u{0323}NG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Đô\u{0323}c lập", "ĐỘC LẬP\u{0301}", "\u{0301}", "\r", " "]
        for _ in 0..<8000 {
            var text = ""
            for _ in 0..<Int(1 + random.next() % 3) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            if random.next() % 3 == 0 { text += random.string(3) }
            let fast = HeaderRecognizer.nationalTitle(text)
            let slow = Reference.nationalTitle(text)
            #expect(fast?.title == slow?.title && fast?.rest == slow?.rest, "\(Array(text.unicodeScalars))")
        }
    }

    /// What `CapitalPrefix` rests on: no lowercase scalar decomposes to one that starts
    /// with anything but a lowercase scalar.
    @Test func lowercaseLettersDecomposeToLowercase() {
        for value in UInt32(0x80)...0x1_FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.isLowercaseFast else { continue }
            guard let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first else { continue }
            #expect(first.isLowercaseFast, "U+\(String(value, radix: 16))")
        }
    }

    enum Reference {
        static let authorityPrefixes = ["T/M ", "TM. ", "TM ", "K/T ", "KT. ", "KT ", "T/L ", "TL. ", "TUQ. ", "Q. ",
                                        "THAY MẶT ", "KÝ THAY ", "THỪA LỆNH ", "THỪA ỦY QUYỀN "]
        static let positionWords = ["BÍ THƯ", "CHỦ TỊCH", "TRƯỞNG", "GIÁM ĐỐC", "CHÁNH", "ỦY VIÊN", "UỶ VIÊN",
                                    "TỔNG", "THƯỜNG TRỰC", "PHÓ", "CHỦ NHIỆM", "THỦ TƯỚNG", "VIỆN TRƯỞNG"]

        static func isAuthority(_ text: String) -> Bool {
            authorityPrefixes.contains { text.hasPrefix($0) } && TextShape.isMostlyUppercase(text)
        }

        static func isPosition(_ text: String) -> Bool {
            positionWords.contains { text.hasPrefix($0) } && text.count <= 60 && TextShape.isMostlyUppercase(text)
        }

        static func placeAndDate(_ text: String) -> (place: String?, date: String)? {
            guard let range = text.range(of: ", ngày ") ?? text.range(of: ",ngày ") ?? text.range(of: ", ngày") else {
                return nil
            }
            let dateText = String(text[text.index(after: range.lowerBound)...])
            guard let date = DateScanner.scan(dateText).first, date.range.lowerBound <= 1 else { return nil }
            var placeWords: [Substring] = []
            for word in text[..<range.lowerBound].split(separator: " ").reversed() {
                guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter }), placeWords.count < 4 else { break }
                placeWords.insert(word, at: 0)
            }
            return (placeWords.isEmpty ? nil : placeWords.joined(separator: " "), date.date)
        }

        static let nationalTitles = [
            "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "ĐỘC LẬP – TỰ DO – HẠNH PHÚC",
        ]
        static let nationalFragments = ["CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN", "VIỆT NAM"]

        static func nationalTitle(_ text: String) -> (title: String, rest: String)? {
            let upper = text.uppercased()
            for title in nationalTitles {
                if upper == title { return (text, "") }
                if upper.hasSuffix(" " + title), TextShape.isMostlyUppercase(text) {
                    let rest = String(text.dropLast(title.count)).trimmed()
                    return (String(text.suffix(title.count)), rest)
                }
            }
            if TextShape.isMostlyUppercase(text) || text.hasPrefix("Độc lập"), nationalFragments.contains(upper) {
                return (text, "")
            }
            if upper.hasPrefix("ĐỘC LẬP") { return (text, "") }
            return nil
        }

        static func attachedNumber(_ text: String) -> String? {
            let lower = text.lowercased()
            guard lower.hasPrefix("(kèm theo") || lower.hasPrefix("kèm theo") || lower.hasPrefix("(ban hành kèm theo") else {
                return nil
            }
            return DocumentNumberScanner.scan(text).first?.id
        }

        static func isDocumentLevel(_ block: Block) -> Bool {
            guard case .paragraph = block.kind else { return false }
            let text = block.plainText.trimmed()
            let lower = text.lowercased()
            if text.hasPrefix("("), text.hasSuffix(")") || text.hasSuffix(").") { return true }
            let openers = ["trên đây", "trong quá trình", "nhận được"]
            if openers.contains(where: { lower.hasPrefix($0) }) { return true }
            return CitationKinds.words.contains { lower.hasPrefix($0 + " này") }
        }
    }
}
