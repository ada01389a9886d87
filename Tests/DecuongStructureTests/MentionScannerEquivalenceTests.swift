import DecuongContent
import DecuongCore
import DecuongMarkdown
import Testing
@testable import DecuongStructure

/// The mention scanners' fast paths against the code they replaced.
@Suite struct MentionScannerEquivalenceTests {
    static let organizationPieces: [String] = [
        "Ban", "Ủy ban", "Uỷ ban", "Đảng ủy", "Hội đồng", "Hội", "Sở", "Bộ", "Văn phòng", "Thành ủy", "Trung tâm", "Trường",
        "Tổng cục", "Cục", "Đài", "Báo", "Viện", "Học viện", "Mặt trận", "Liên đoàn", "Đoàn", "Quận ủy", "Huyện ủy",
        "tổ", "chức", "nhân", "dân", "thành", "phố", "tỉnh", "và", " và", "Ban hành", "ban hành", "Cần", "Thơ", "Nghệ", "An",
        "Thường", "vụ", "Tỉnh", "ủy", "uỷ", "giáo", "dục", "đào", "tạo", "hoá", "hóa", "ho\u{0301}a", "to\u{0302}\u{0309}",
        "Ba\u{0300}n", "U\u{0309}y ban", "B", "Đ", "Ủ", "Ư", "x", "nghiệp", "nghiệpx", "TP", "(", "“", "”", " ", " ", "  ", ",", ".",
        "\u{A0}", "\r", "\n", "-", "1", "\u{0301}", "\u{0345}", "İ", "Σ", "👍", "\u{200D}", "ß", "À", "Ā", "ā",
    ]

    static func organizationText(_ random: inout FastPathEquivalenceTests.Random, _ maxPieces: Int) -> String {
        var out = ""
        for _ in 0..<Int(random.next() % UInt64(maxPieces + 1)) {
            let r = random.next()
            if r % 4 == 0 {
                out += FastPathEquivalenceTests.pieces[Int((r >> 8) % UInt64(FastPathEquivalenceTests.pieces.count))]
            } else {
                out += organizationPieces[Int((r >> 8) % UInt64(organizationPieces.count))]
                if r % 3 != 0 { out += " " }
            }
        }
        return out
    }

    @Test func organizations() {
        var random = FastPathEquivalenceTests.Random(state: 71)
        let knownLists: [[String]] = [[], ["Sở Y tế"], ["Ban", "Hội đồng nhân dân"], [""]]
        for round in 0..<6000 {
            let scalars = Array(Self.organizationText(&random, round % 5 == 0 ? 60 : 16).unicodeScalars)
            let known = knownLists[round % knownLists.count]
            let new = OrganizationScanner.scan(scalars, known: known)
            let old = ReferenceOrganizationScanner.scan(scalars, known: known)
            #expect(new.map(\.0) == old.map(\.0) && new.map(\.1) == old.map(\.1), "\(scalars)")
        }
    }

    @Test func headStartsGoByBlocks() {
        // Otherwise the scanner reads every scalar alone: still right, but slower.
        #expect(OrganizationScanner.blockHeadStarts != nil)
    }

    @Test func nameWordsAreSimple() {
        // `isNameWord` reads the scalars only because each name word stands alone as NFC.
        for word in ["tổ", "chức", "nghiệp", "hóa", "hoá", "và", "đỏ", "uỷ", "ủy"] {
            #expect(OrganizationScanner.isNameWord(Array(word.unicodeScalars)[...]) == true)
        }
        #expect(OrganizationScanner.isNameWord(Array("ho\u{0301}a".unicodeScalars)[...]) == nil)
        #expect(OrganizationScanner.isNameWord(Array("hoax".unicodeScalars)[...]) == false)
    }

    @Test func dates() {
        var random = FastPathEquivalenceTests.Random(state: 72)
        let datePieces = ["ngày", "Ngày", "ng", "n", "N", "g", "12", "31", "29", "2", "4", "2023", "2024", "1999", "2100", "0",
                          "/", "-", ".", " ", "  ", "tháng", "năm", "–", "—", "số", "(", ")", "x", "\n",
                          // Near misses of "ngày" that stop at the "à" test or after it.
                          "ngà", "NGÀ", "ngÀ", "ngá", "nga\u{0300}y", "y", "Y", "những", "\u{10}", "\u{0F}"]
        for round in 0..<6000 {
            var text = ""
            for _ in 0..<Int(random.next() % 30) {
                let r = random.next()
                text += r % 5 == 0 ? FastPathEquivalenceTests.pieces[Int((r >> 8) % UInt64(FastPathEquivalenceTests.pieces.count))]
                    : datePieces[Int((r >> 8) % UInt64(datePieces.count))]
            }
            if round % 7 == 0 { text += " ngày 21 tháng 4 năm 2023" }
            let scalars = Array(text.unicodeScalars)
            #expect(DateScanner.scan(scalars) == ReferenceDateScanner.scan(scalars), "\(scalars)")
            #expect(DateScanner.first(in: scalars) == ReferenceDateScanner.scan(scalars).first, "\(scalars)")
        }
    }

    @Test func gapsAndYears() {
        var random = FastPathEquivalenceTests.Random(state: 76)
        let pieces = [" ", ",", "  ", ", ", "ngày", "x", "\u{A0}", "\u{0301}", "1", "2018", "-", "\r", "\n", "é", "👍"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(random.next() % 7) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let scalars = Array(text.unicodeScalars)
            let from = Int(random.next() % UInt64(scalars.count + 1))
            let slice = scalars[from...]
            #expect(MentionScanner.trimmedGap(slice) == MentionScanner.referenceTrimmedGap(slice), "\(scalars)")
            #expect(MentionScanner.trimmedGap(slice).indices == MentionScanner.referenceTrimmedGap(slice).indices)
            #expect(MentionScanner.year(ofISODate: text) == Int(text.prefix(4)), "\(text)")
        }
        for date in ["2018-10-22", "1800-01-01", "2200", "220", "22000", "2018\u{0301}-1", "2018\r\n", "+201", "-201", "", "2O18"] {
            #expect(MentionScanner.year(ofISODate: date) == Int(date.prefix(4)), "\(date)")
        }
    }

    @Test func ngayGap() {
        var random = FastPathEquivalenceTests.Random(state: 74)
        let pieces = ["n", "N", "g", "G", "à", "À", "a", "A", "\u{0300}", "y", "Y", "ý", "İ", "i", " ", "ngày", "NGÀY", "Ngày", "x"]
        for _ in 0..<4000 {
            var gap = ""
            for _ in 0..<Int(random.next() % 6) { gap += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect((MentionScanner.isNgay(gap) ?? (gap.lowercased() == "ngày")) == (gap.lowercased() == "ngày"), "\(Array(gap.unicodeScalars))")
        }
        for gap in ["ngày", "NGÀY", "nGàY", "NGA\u{0300}Y"] {
            #expect((MentionScanner.isNgay(gap) ?? (gap.lowercased() == "ngày")) == true)
        }
    }

    @Test func digits() {
        var random = FastPathEquivalenceTests.Random(state: 75)
        for _ in 0..<4000 {
            var text = random.string(20)
            text.withUTF8 { bytes in
                #expect(TextRun.containsDigit(bytes) == bytes.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(Array(bytes))")
            }
        }
        // Every byte value in every lane.
        for value in 0...255 {
            for lane in 0..<9 {
                var bytes = [UInt8](repeating: 0x61, count: 9)
                bytes[lane] = UInt8(value)
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(TextRun.containsDigit(buffer) == (value >= 0x30 && value <= 0x39))
                }
            }
        }
    }

    @Test func documentNumbers() {
        var random = FastPathEquivalenceTests.Random(state: 76)
        let pieces = ["35", "2020", "1", "-", "–", "‐", "/", ".", " ", "\u{A0}", "NQ", "TW", "NĐ", "CP", "KH", "ĐU", "KBT", "TTg", "QH13",
                      "Kế", "hoạch", "x", "a", "số", "(", ")", ",", "ngày", "12/05/2021"]
        for round in 0..<6000 {
            var text = ""
            for _ in 0..<Int(random.next() % 24) {
                let r = random.next()
                text += r % 5 == 0 ? FastPathEquivalenceTests.pieces[Int((r >> 8) % UInt64(FastPathEquivalenceTests.pieces.count))]
                    : pieces[Int((r >> 8) % UInt64(pieces.count))]
            }
            if round % 5 == 0 { text += " số 14 - KH/ĐU.KBT ngày 30/2020/NĐ-CP" }
            let scalars = Array(text.unicodeScalars)
            #expect(DocumentNumberScanner.scan(scalars) == Self.referenceNumbers(scalars), "\(scalars)")
        }
    }

    /// `DocumentNumberScanner.scan` as it was.
    static func referenceNumbers(_ scalars: [Unicode.Scalar]) -> [DocumentNumberScanner.Match] {
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        var matches: [DocumentNumberScanner.Match] = []
        var i = 0
        while i < scalars.count {
            guard isDigit(scalars[i]) else {
                i += 1
                continue
            }
            let startsWord = i == 0 || !(scalars[i - 1].isLetterFast || isDigit(scalars[i - 1])
                                         || scalars[i - 1] == "/" || scalars[i - 1] == "-" || scalars[i - 1] == ".")
            if startsWord, let end = DocumentNumbers.match(scalars, from: i) {
                var id = String.UnicodeScalarView()
                for scalar in scalars[i..<end] where scalar != " " && scalar != "\u{00A0}" {
                    id.append(scalar == "–" || scalar == "‐" ? "-" : scalar)
                }
                matches.append(DocumentNumberScanner.Match(id: String(id), range: i..<end))
                i = end
            } else {
                i += 1
            }
        }
        return matches
    }

    @Test func isoDates() {
        for year in [1800, 1945, 2000, 2023, 2200] {
            for month in 1...12 {
                for day in 1...ISODate.daysIn(month: month, year: year) {
                    #expect(DateScanner.isoDate(year: year, month: month, day: day) == ISODate.make(year: year, month: month, day: day))
                }
            }
        }
    }

    /// Up to seven random lines in a few paragraphs, some empty, and a random subset of
    /// them: the input of `TextRun`'s run builders.
    static func randomLines(_ random: inout FastPathEquivalenceTests.Random) -> (lines: [TextLine], indices: [Int]) {
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
        var lines: [TextLine] = []
        var paragraph = 0
        for _ in 0..<Int(random.next() % 8) {
            if random.next() % 3 == 0 { paragraph += 1 }
            let text = random.next() % 6 == 0 ? "" : random.string(12)
            // Lines of one text inline (whose string a whole-line sentence shares), of one
            // inline that is not their text, and of none.
            let inlines: [Inline] = switch random.next() % 3 {
            case 0: [Inline(.text(InlineText(text)), range: range)]
            case 1: [Inline(.text(InlineText(text + "x")), range: range)]
            default: []
            }
            lines.append(TextLine(inlines: inlines, text: text, range: range, paragraph: paragraph, isFirstInParagraph: false,
                                  containers: [], startsListItem: false, headingLevel: nil, atomic: nil, isBold: false))
        }
        return (lines, Array(lines.indices).filter { _ in random.next() % 5 != 0 })
    }

    @Test func runs() {
        var random = FastPathEquivalenceTests.Random(state: 73)
        for _ in 0..<1500 {
            let (lines, indices) = Self.randomLines(&random)
            let new = TextRun.runs(lines, indices: indices)
            let old = TextRun.referenceRuns(lines, indices: indices)
            #expect(new.count == old.count)
            for (a, b) in zip(new, old) {
                #expect(a.scalars == b.scalars)
                #expect(a.starts.map(\.offset) == b.starts.map(\.offset) && a.starts.map(\.line) == b.starts.map(\.line))
                #expect(a.hasDigit == b.scalars.contains(where: \.isASCIIDigit))
            }
        }
    }

    @Test func sentencesFromLines() {
        var random = FastPathEquivalenceTests.Random(state: 75)
        for _ in 0..<1500 {
            let (lines, indices) = Self.randomLines(&random)
            TextRun.forEachRun(lines, indices: indices, decoding: { _ in true }) { run, utf8 in
                let n = run.scalars.count
                for _ in 0..<6 {
                    let a = Int(random.next() % UInt64(n + 1))
                    let b = a + Int(random.next() % UInt64(n - a + 1))
                    // Bounds as the scanner finds them, and any bounds with either mark.
                    let found = run.sentenceBounds(around: a..<b)
                    let any = TextRun.SentenceBounds(from: a, to: b, prefix: random.next() % 2 == 0, suffix: random.next() % 2 == 0)
                    for bounds in [found, any] {
                        let fromLines = run.sentence(bounds, utf8: utf8, lines: lines)
                        #expect(fromLines == run.sentence(bounds, utf8: utf8), "\(run.scalars) \(bounds)")
                        // Byte for byte, as a line's own string may be given for its whole.
                        #expect(Array(fromLines.utf8) == Array(run.sentence(bounds, utf8: utf8).utf8), "\(run.scalars) \(bounds)")
                        #expect(fromLines == run.sentence(bounds), "\(run.scalars) \(bounds)")
                        // As a mention keeps it, cut from its line's string where it can be.
                        let kept = run.contextSentence(bounds, utf8: utf8, lines: lines)
                        #expect(Array(kept.text.utf8) == Array(fromLines.utf8), "\(run.scalars) \(bounds)")
                        #expect(kept == ContextSentence(fromLines) && kept.hashValue == ContextSentence(fromLines).hashValue)
                    }
                }
            }
        }
    }
}


/// `OrganizationScanner` as it was.
    enum ReferenceOrganizationScanner {
        private static let heads = [
            "Ban", "Ủy ban", "Uỷ ban", "Đảng ủy", "Đảng uỷ", "Đảng đoàn", "Hội đồng", "Hội", "Sở", "Bộ", "Văn phòng",
            "Mặt trận", "Đoàn", "Liên đoàn", "Thành ủy", "Thành uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Quận ủy",
            "Báo", "Đài", "Viện", "Cục", "Tổng cục", "Trung tâm", "Học viện", "Trường",
        ]

        /// Lowercase words that continue a name (`tổ chức`, `nhân dân`, `thành phố`, …).
        private static let nameWords: Set<String> = [
            "tổ", "chức", "tuyên", "giáo", "thường", "vụ", "chấp", "hành", "bí", "thư", "kiểm", "tra", "dân", "vận",
            "nội", "chính", "nhân", "đảng", "nhà", "báo", "thanh", "niên", "phụ", "nữ", "cựu", "chiến", "binh", "nông",
            "lao", "động", "tài", "văn", "hóa", "hoá", "thể", "thao", "du", "lịch", "giáo", "dục", "đào", "tạo", "y",
            "tế", "quốc", "phòng", "an", "ninh", "công", "thương", "xây", "dựng", "kế", "hoạch", "đầu", "tư", "khoa",
            "học", "thông", "tin", "truyền", "pháp", "thành", "phố", "tỉnh", "huyện", "quận", "xã", "phường", "ủy",
            "uỷ", "trung", "ương", "nghiệp", "môi", "trường", "cán", "sự", "đoàn", "mặt", "trận", "tổ", "quốc", "liên",
            "hiệp", "phát", "thanh", "truyền", "hình", "điện", "tử", "khối", "cơ", "quan", "doanh", "đại", "biểu",
            "quân", "sự", "biên", "phòng", "trị", "lực", "lượng", "vũ", "trang", "giám", "sát", "bảo", "hiểm", "xã", "hội", "chữ", "thập", "đỏ", "và",
        ]

        private static let headScalars: [[Unicode.Scalar]] = heads.map { Array($0.unicodeScalars) }

        /// The heads by their first scalar, in `heads` order: a capital that starts no head
        /// (most of them) is passed over with one lookup.
        private static let headsByFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = {
            var table: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
            for head in headScalars { if let first = head.first { table[first, default: []].append(head) } }
            return table
        }()

        static func scan(_ text: String, known: [String]) -> [(String, Range<Int>)] {
            scan(Array(text.unicodeScalars), known: known)
        }

        /// Names with scalar offsets.
        static func scan(_ chars: [Unicode.Scalar], known: [String]) -> [(String, Range<Int>)] {
            var found: [(String, Range<Int>)] = []
            // Marks the scalars inside names from site.yml; left empty while there are none,
            // since only those marks are ever read (a found name moves the scan past its end).
            var taken: [Bool] = []
            for name in known where !name.isEmpty {
                let needle = Array(name.unicodeScalars)
                var i = 0
                while i + needle.count <= chars.count {
                    if matches(needle, chars, at: i), isBoundary(chars, i, i + needle.count) {
                        if taken.isEmpty { taken = [Bool](repeating: false, count: chars.count) }
                        found.append((name, i..<(i + needle.count)))
                        for k in i..<(i + needle.count) { taken[k] = true }
                        i += needle.count
                    } else {
                        i += 1
                    }
                }
            }
            var i = 0
            while i < chars.count {
                // Names start with a capital at the start of a word; skip everything else fast.
                guard i == 0 || chars[i - 1] == " " || chars[i - 1] == "(" || chars[i - 1] == "“", taken.isEmpty || !taken[i],
                      chars[i].isUppercaseFast, let candidates = headsByFirst[chars[i]],
                      let head = candidates.first(where: { matches($0, chars, at: i) && (i + $0.count == chars.count || chars[i + $0.count] == " ") })
                else {
                    i += 1
                    continue
                }
                var end = i + head.count
                var words = 0
                var capitalized = 0
                while true {
                    var j = end
                    guard j < chars.count, chars[j] == " " else { break }
                    j += 1
                    let start = j
                    while j < chars.count, chars[j].isLetterFast { j += 1 }
                    guard j > start else { break }
                    let first = chars[start]
                    if first.isUppercaseFast {
                        capitalized += 1
                    } else if !nameWords.contains(ScalarText.string(chars[start..<j])) {
                        break
                    }
                    end = j
                    words += 1
                }
                // Drop a trailing "và" and require something that names a body, not "Ban hành".
                var name = ScalarText.string(chars[i..<end])
                while endsWithVa(chars, i..<end) ?? name.hasSuffix(" và") {
                    name.removeLast(3)
                    end -= 3
                }
                if words >= 1, capitalized >= 1 || name.split(separator: " ").count >= 3,
                   !(startsWithBanHanh(chars, i..<end) ?? name.hasPrefix("Ban hành")) {
                    found.append((name, i..<end))
                    if !taken.isEmpty { for k in i..<end { taken[k] = true } }
                }
                i = max(end, i + 1)
            }
            return found.sorted { $0.1.lowerBound < $1.1.lowerBound }
        }

        private static let va: [Unicode.Scalar] = [" ", "v", "\u{E0}"]
        private static let banHanh = Array("Ban hành".unicodeScalars)

        /// `hasSuffix(" và")` on the name `chars[range]` read from its scalars, or nil when the
        /// characters there need grapheme breaking (a scalar that is not `isSimple`): then
        /// each of the last scalars is a character of its own and comparing them is the same.
        /// The scalar before the space counts too, since some scalars join the one after them.
        static func endsWithVa(_ chars: [Unicode.Scalar], _ range: Range<Int>) -> Bool? {
            let tail = chars[max(range.lowerBound, range.upperBound - 4)..<range.upperBound]
            guard ScalarText.isSimple(scalars: tail) else { return nil }
            return tail.count >= 3 && tail.suffix(3).elementsEqual(va)
        }

        /// `hasPrefix("Ban hành")` on `chars[range]`, or nil when that needs grapheme breaking;
        /// the scalar after the prefix counts, since it could join the last one.
        static func startsWithBanHanh(_ chars: [Unicode.Scalar], _ range: Range<Int>) -> Bool? {
            let head = chars[range.lowerBound..<min(range.upperBound, range.lowerBound + banHanh.count + 1)]
            guard ScalarText.isSimple(scalars: head) else { return nil }
            return head.count >= banHanh.count && head.prefix(banHanh.count).elementsEqual(banHanh)
        }

        private static func matches(_ needle: [Unicode.Scalar], _ chars: [Unicode.Scalar], at i: Int) -> Bool {
            guard i + needle.count <= chars.count else { return false }
            for k in 0..<needle.count where chars[i + k] != needle[k] { return false }
            return true
        }

        private static func isBoundary(_ chars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
            (start == 0 || !chars[start - 1].isLetterFast) && (end == chars.count || !chars[end].isLetterFast)
        }
    }

/// `DateScanner` as it was.
enum ReferenceDateScanner {
    static func scan(_ text: String) -> [DateScanner.Match] {
        scan(Array(text.unicodeScalars))
    }

    /// Matches with scalar offsets.
    static func scan(_ chars: [Unicode.Scalar]) -> [DateScanner.Match] {
        // Both forms need a digit; most runs of prose have none, and "n" starts many words.
        guard chars.contains(where: \.isASCIIDigit) else { return [] }
        var matches: [DateScanner.Match] = []
        var i = 0
        while i < chars.count {
            // Dates start with a digit or with "ngày": skip every other scalar cheaply.
            let head = chars[i]
            guard head.isASCIIDigit || head == "n" || head == "N" else {
                i += 1
                continue
            }
            if let found = numeric(chars, at: i) ?? worded(chars, at: i) {
                var match = found
                // A range: `D/M/Y - D/M/Y` or `D/M/Y – D/M/Y`.
                var j = match.range.upperBound
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, (chars[j] == "-" || chars[j] == "–" || chars[j] == "—") {
                    j += 1
                    while j < chars.count, chars[j] == " " { j += 1 }
                    if let end = numeric(chars, at: j) {
                        match.endDate = end.date
                        match.range = match.range.lowerBound..<end.range.upperBound
                        match.isImpossible = match.isImpossible || end.isImpossible
                    }
                }
                match.text = ScalarText.string((chars[match.range]))
                matches.append(match)
                i = match.range.upperBound
            } else {
                i += 1
            }
        }
        return matches
    }

    /// `D/M/YYYY` or `D-M-YYYY` (or `.`), not inside a longer number or a document number.
    private static func numeric(_ chars: [Unicode.Scalar], at start: Int) -> DateScanner.Match? {
        guard start < chars.count, chars[start].isASCIIDigit else { return nil }
        if start > 0, chars[start - 1].isASCIIDigit || chars[start - 1] == "/" || chars[start - 1].isLetterFast { return nil }
        var i = start
        func number(maxDigits: Int) -> Int? {
            let s = i
            while i < chars.count, chars[i].isASCIIDigit, i - s < maxDigits { i += 1 }
            return i > s ? Int(ScalarText.string((chars[s..<i]))) : nil
        }
        guard let day = number(maxDigits: 2), i < chars.count else { return nil }
        let separator = chars[i]
        guard separator == "/" || separator == "-" || separator == "." else { return nil }
        i += 1
        guard let month = number(maxDigits: 2), i < chars.count, chars[i] == separator else { return nil }
        i += 1
        let yearStart = i
        guard let year = number(maxDigits: 4), i - yearStart == 4 else { return nil }
        if i < chars.count, chars[i].isASCIIDigit || chars[i] == "/" || (separator == "-" && chars[i].isLetterFast) { return nil }
        return make(day: day, month: month, year: year, range: start..<i, chars: chars)
    }

    private static let ngay: [(lower: Unicode.Scalar, upper: Unicode.Scalar)] = [("n", "N"), ("g", "G"), ("à", "À"), ("y", "Y")]
    private static let thang: [(lower: Unicode.Scalar, upper: Unicode.Scalar)] = [("t", "T"), ("h", "H"), ("á", "Á"), ("n", "N"), ("g", "G")]
    private static let nam: [(lower: Unicode.Scalar, upper: Unicode.Scalar)] = [("n", "N"), ("ă", "Ă"), ("m", "M")]

    /// `ngày 21 tháng 4 năm 2023`, with any spacing or line wrapping between the words.
    private static func worded(_ chars: [Unicode.Scalar], at start: Int) -> DateScanner.Match? {
        guard start + 4 < chars.count, chars[start] == "n" || chars[start] == "N" else { return nil }
        if start > 0, chars[start - 1].isLetterFast { return nil }
        var i = start
        // The words as scalars, each with the one capital that lowercases to it: comparing
        // scalars gives what lowercasing the text and comparing strings gave (no other
        // scalar lowercases to these letters, and NFC `à á ă` are one scalar each).
        func word(_ expected: [(lower: Unicode.Scalar, upper: Unicode.Scalar)]) -> Bool {
            while i < chars.count, ScalarText.isWhitespace(chars[i]) { i += 1 }
            let end = i + expected.count
            guard end <= chars.count else { return false }
            for k in 0..<expected.count where chars[i + k] != expected[k].lower && chars[i + k] != expected[k].upper {
                return false
            }
            if end < chars.count, chars[end].isLetterFast { return false }
            i = end
            return true
        }
        func number(maxDigits: Int) -> Int? {
            while i < chars.count, ScalarText.isWhitespace(chars[i]) { i += 1 }
            let s = i
            while i < chars.count, chars[i].isASCIIDigit, i - s < maxDigits { i += 1 }
            return i > s ? Int(ScalarText.string((chars[s..<i]))) : nil
        }
        guard word(ngay), let day = number(maxDigits: 2), word(thang), let month = number(maxDigits: 2),
              word(nam), let year = number(maxDigits: 4), year >= 1000 else { return nil }
        return make(day: day, month: month, year: year, range: start..<i, chars: chars)
    }

    private static func make(day: Int, month: Int, year: Int, range: Range<Int>, chars: [Unicode.Scalar]) -> DateScanner.Match? {
        guard (1800...2200).contains(year), (1...12).contains(month) || (1...31).contains(day) else { return nil }
        if let iso = ISODate.make(year: year, month: month, day: day) {
            return DateScanner.Match(date: iso, range: range, text: ScalarText.string((chars[range])))
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let iso = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return DateScanner.Match(date: iso, range: range, text: ScalarText.string((chars[range])), isImpossible: true)
    }
}
