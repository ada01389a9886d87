import DecuongCore

/// Finds the official header block at the top of a document: issuer, national title,
/// number, place and date, kind and summary. Converted text scatters these over lines in
/// any order (two columns interleaved, or flattened, or in broken pipe tables), so each
/// line is classified on its own.
struct HeaderRecognizer {
    struct Result {
        var header = DocumentHeader()
        /// The first line after the header.
        var bodyStart = 0
        /// Lines before the body that the header did not use (site chrome, prose).
        var leftovers: [Int] = []
    }

    /// How far into a document a header may start (web pages put chrome before it).
    static let searchWindow = 40

    static func recognize(_ lines: [TextLine]) -> Result {
        var result = Result()
        guard let kindIndex = findKindLine(lines) else {
            return recognizeWithoutKind(lines)
        }
        var issuer: [String] = []
        // By line, below the kind line: a set grew (rehashing) with the few lines used.
        var used = [Bool](repeating: false, count: kindIndex)
        var readings = Readings(lines: lines, count: kindIndex)
        let regionStart = headerStart(lines, before: kindIndex, readings: &readings)
        for index in regionStart..<kindIndex {
            if classify(index, lines[index].text, into: &result.header, issuer: &issuer, readings: &readings) { used[index] = true }
        }
        // The date often wraps inside its paragraph: read it from the joined region.
        if result.header.date == nil {
            let joined = (regionStart..<kindIndex).map { lines[$0].text }.joined(separator: " ")
            if let (place, date) = placeAndDate(joined) {
                result.header.place = result.header.place ?? place
                result.header.date = date
            }
        }
        result.header.issuer = issuer.isEmpty ? nil : TextShape.clean(issuer.joined(separator: " "))

        // Kind and summary.
        let (kind, inlineTitle) = DocumentKinds.kindLine(lines[kindIndex].text) ?? ("", "")
        result.header.kind = DocumentKinds.display(kind)
        var title: [String] = inlineTitle.isEmpty ? [] : [inlineTitle]
        var index = kindIndex + 1
        while index < lines.count {
            let line = lines[index]
            if line.atomic != nil || line.isBlank { break }
            let sameParagraph = line.paragraph == lines[index - 1].paragraph
            let continues = title.isEmpty ? (line.paragraph == lines[kindIndex].paragraph || index == kindIndex + 1)
                : (sameParagraph || (TextShape.startsLowercase(line.text) && !TextShape.endsSentence(title.joined())))
            // "THỰC HIỆN CHỈ THỊ …" in capitals is the summary; in sentence case it is the body.
            if !continues || (startsBody(line) && !TextShape.isMostlyUppercase(line.text)) { break }
            if let attached = attachedNumber(line.text) {
                result.header.attachedToNumber = attached
                index += 1
                break
            }
            title.append(line.text)
            index += 1
        }
        // "(Kèm theo Kế hoạch số …)" may follow the summary as its own paragraph.
        if index < lines.count, let attached = attachedNumber(lines[index].text) {
            result.header.attachedToNumber = attached
            index += 1
        }
        // A rule under the summary belongs to the header.
        while index < lines.count, let block = lines[index].atomic, case .thematicBreak = block.kind { index += 1 }
        result.header.title = title.isEmpty ? nil : TextShape.clean(title.joined(separator: " "))
        result.bodyStart = index
        result.leftovers = (0..<kindIndex).filter { !used[$0] && $0 != kindIndex }
        let first = lines[min(regionStart, kindIndex)].start
        let last = lines[max(index - 1, kindIndex)].end
        result.header.range = SourceRange(start: first, end: last)
        return result
    }

    // MARK: Finding the header

    private static func findKindLine(_ lines: [TextLine]) -> Int? {
        for (index, line) in lines.prefix(searchWindow).enumerated() {
            if line.atomic != nil || line.listNumber != nil { continue }
            if LabelScanner.scan(line.text) != nil, index > 0 { return nil }
            if DocumentKinds.kindLine(line.text) != nil { return index }
        }
        return nil
    }

    /// The header starts at the first line that looks like part of one.
    private static func headerStart(_ lines: [TextLine], before kindIndex: Int, readings: inout Readings) -> Int {
        var start = kindIndex
        var index = kindIndex - 1
        var gap = 0
        while index >= 0 {
            if isHeaderLine(index, lines[index].text, readings: &readings) {
                start = index
                gap = 0
            } else {
                gap += 1
                if gap > 2 { break }
            }
            index -= 1
        }
        return start
    }

    /// The readings of the header lines, each made once: the region's start and then the
    /// classification read the same lines for the same things.
    ///
    /// Kept by line in arrays of the lines above the kind line (the only ones read): three
    /// dictionaries, each grown and rehashed as lines were read, cost some 8,000
    /// instructions a document.
    struct Readings {
        let lines: [TextLine]
        private var national: [(title: String, rest: String)??]
        private var number: [(number: String, rest: String)??]
        private var placeDate: [(place: String?, date: String)??]

        /// Readings of `lines[..<count]`.
        init(lines: [TextLine], count: Int) {
            self.lines = lines
            national = Array(repeating: nil, count: count)
            number = Array(repeating: nil, count: count)
            placeDate = Array(repeating: nil, count: count)
        }

        mutating func nationalTitle(_ index: Int) -> (title: String, rest: String)? {
            if let known = national[index] { return known }
            let value = HeaderRecognizer.nationalTitle(lines[index].text)
            national[index] = .some(value)
            return value
        }

        mutating func numberLine(_ index: Int) -> (number: String, rest: String)? {
            if let known = number[index] { return known }
            let value = HeaderRecognizer.numberLine(lines[index].text)
            number[index] = .some(value)
            return value
        }

        mutating func placeAndDate(_ index: Int) -> (place: String?, date: String)? {
            if let known = placeDate[index] { return known }
            let value = HeaderRecognizer.placeAndDate(lines[index].text)
            placeDate[index] = .some(value)
            return value
        }
    }

    /// Whether line `index` looks like part of a header, its readings kept.
    private static func isHeaderLine(_ index: Int, _ text: String, readings: inout Readings) -> Bool {
        if readings.numberLine(index) != nil || readings.placeAndDate(index) != nil || readings.nationalTitle(index) != nil {
            return true
        }
        return isHeaderLineByShape(text)
    }

    private static func isHeaderLineByShape(_ text: String) -> Bool {
        if TextShape.isMostlyUppercase(text) && ScalarText.hasAtMostCharacters(text, 80) {
            return true
        }
        // The openers have 6 characters: lowercasing the first 16 answers as the whole line.
        let lower = ScalarText.lowercased(String(text.prefix(16)))
        return lower.hasPrefix("ngày ") || lower.hasPrefix("tháng ")
    }

    /// Documents whose type line is missing: take what header lines there are, and a
    /// bold or capitalized first line as the title.
    private static func recognizeWithoutKind(_ lines: [TextLine]) -> Result {
        var result = Result()
        var issuer: [String] = []
        var index = 0
        var firstText: Int?
        while index < min(lines.count, 12) {
            let line = lines[index]
            // Comments (a converter's note about the source) come before anything else.
            if let block = line.atomic, case .htmlBlock(let html) = block.kind,
               html.trimmed().hasPrefix("<!--") {
                result.leftovers.append(index)
                index += 1
                continue
            }
            if line.atomic != nil || LabelScanner.scan(line.text) != nil || startsBody(line) { break }
            firstText = firstText ?? index
            let before = result.header
            if !classify(line.text, into: &result.header, issuer: &issuer) {
                if result.header.title == nil, index == firstText, line.isBold || line.headingLevel != nil
                    || line.text.hasPrefix("**") || TextShape.isMostlyUppercase(line.text) {
                    var lead = [line.text]
                    var next = index + 1
                    while next < lines.count, lines[next].paragraph == line.paragraph { lead.append(lines[next].text); next += 1 }
                    (result.header.title, result.header.byline) = standaloneTitle(lead.joined(separator: " "))
                    index = next
                    continue
                }
                result.header = before
                break
            }
            index += 1
        }
        result.header.issuer = issuer.isEmpty ? nil : TextShape.clean(issuer.joined(separator: " "))
        result.bodyStart = index
        if let firstText, index > firstText {
            result.header.range = SourceRange(start: lines[firstText].start, end: lines[index - 1].end)
        }
        return result
    }

    /// A title without a type line: a leading "( byline )" and the final period are not
    /// part of it.
    private static func standaloneTitle(_ text: String) -> (title: String, byline: String?) {
        var title = TextShape.clean(text)
        var byline: String?
        if title.hasPrefix("("), let close = title.firstIndex(of: ")"),
           title.distance(from: title.startIndex, to: close) < 60 {
            byline = String(title[...close])
            title = String(title[title.index(after: close)...]).trimmed()
        }
        while title.hasSuffix(".") { title.removeLast() }
        return (title, byline)
    }

    // MARK: Line classes

    /// Fills whatever `text` tells about the header; false when it tells nothing.
    private static func classify(_ text: String, into header: inout DocumentHeader, issuer: inout [String]) -> Bool {
        var readings = Readings(lines: [], count: 0)
        return classify(nil, text, into: &header, issuer: &issuer, readings: &readings)
    }

    /// `classify(text, …)` for line `index` (nil: no line), reading the line whole through
    /// `readings`; what is left after a title or number is read afresh.
    private static func classify(_ index: Int?, _ text: String, into header: inout DocumentHeader, issuer: inout [String],
                                 readings: inout Readings) -> Bool {
        var rest = text
        var whole = index != nil
        var useful = false
        if let title = whole ? readings.nationalTitle(index ?? 0) : nationalTitle(rest) {
            header.nationalTitle.append(title.title)
            rest = title.rest
            whole = false
            useful = true
        }
        if let number = whole ? readings.numberLine(index ?? 0) : numberLine(rest) {
            header.number = header.number ?? number.number
            rest = number.rest
            whole = false
            useful = true
        }
        if let (place, date) = whole ? readings.placeAndDate(index ?? 0) : placeAndDate(rest) {
            header.place = header.place ?? place
            header.date = header.date ?? date
            return true
        }
        let trimmed = UTF8Scalars.trimmed(rest)
        if trimmed.isEmpty { return useful }
        if TextShape.isMostlyUppercase(trimmed), ScalarText.hasAtMostCharacters(trimmed, 80), DocumentKinds.kindLine(trimmed) == nil {
            issuer.append(trimmed)
            return true
        }
        return useful
    }

    private static let nationalTitles = [
        "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "ĐỘC LẬP – TỰ DO – HẠNH PHÚC",
    ]
    private static let spacedNationalTitles = nationalTitles.map { " " + $0 }
    private static let nationalFragments = ["CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN", "VIỆT NAM"]

    /// A national title line, or one merged onto the end of an issuer line.
    static func nationalTitle(_ text: String) -> (title: String, rest: String)? {
        // Every title and fragment ends in M, C, I or N and the one prefix opens with Đ:
        // text that opens and ends with other ASCII cannot match once uppercased (ASCII
        // uppercases to one ASCII letter), and need not be uppercased whole to learn that.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, first.isASCII, last.isASCII {
            switch last {
            case "M", "m", "C", "c", "I", "i", "N", "n": break
            default: return nil
            }
        }
        if cannotBeNationalTitle(text) { return nil }
        // Uppercased a scalar at a time where it can be (the standard library builds a
        // string per scalar), the spaced titles made once.
        let upper = ScalarText.uppercased(text)
        // The titles and fragments stand alone scalar by scalar (`titlesAreSimple`): when
        // the uppercased line does too, the comparisons are of bytes (see `SimplePrefix`),
        // not of characters.
        let simple = titlesAreSimple && SimplePrefix.isSimple(upper)
        for (title, spaced) in zip(nationalTitles, spacedNationalTitles) {
            if simple ? SimplePrefix.bytesEqual(upper, title) : upper == title { return (text, "") }
            if simple ? SimplePrefix.bytesEndWith(upper, spaced) : upper.hasSuffix(spaced), TextShape.isMostlyUppercase(text) {
                let rest = String(text.dropLast(title.count)).trimmed()
                return (String(text.suffix(title.count)), rest)
            }
        }
        if TextShape.isMostlyUppercase(text) || SimplePrefix.hasPrefix(text, "Độc lập"),
           nationalFragments.contains(where: { simple ? SimplePrefix.bytesEqual(upper, $0) : upper == $0 }) {
            return (text, "")
        }
        if SimplePrefix.hasPrefix(upper, "ĐỘC LẬP") { return (text, "") }
        return nil
    }

    /// Whether `nationalTitle` is nil for `text` by its first three scalars and its last,
    /// when each stands alone (`ScalarText.isSimple`, no CR) and uppercases to one scalar
    /// (`ScalarText.simpleUppercase`): then the uppercased text's last character is the
    /// last one's capital, and unless that is M, C, I or N (every title and fragment ends
    /// in one of these, each its own decomposition) no title or fragment equals or ends
    /// the line; its first two characters are the capitals of the first two scalars, and
    /// unless they are Đ and Ộ it does not open with "ĐỘC LẬP". Issuer lines such as
    /// "ĐẢNG BỘ TỈNH …" were uppercased whole to learn this, some 4,000 instructions each.
    static func cannotBeNationalTitle(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            let n = bytes.count
            guard n > 0 else { return false }
            var lead = n &- 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead &-= 1 }
            guard let last = simpleCapital(bytes, at: lead) else { return false }
            switch last.value {
            case 0x4D, 0x43, 0x49, 0x4E: return false
            default: break
            }
            // The third is read only to know that nothing joins the second.
            var first: UInt32 = 0
            var second: UInt32 = 0
            var i = 0
            var count = 0
            while i < n, count < 3 {
                guard let capital = simpleCapital(bytes, at: i) else { return false }
                if count == 0 { first = capital.value } else if count == 1 { second = capital.value }
                count &+= 1
                i &+= Syllables.decode(bytes, at: i).1
            }
            return !(first == 0x0110 && second == 0x1ED8)
        }
    }

    /// The capital of the scalar at byte `i` when the scalar stands alone and has a
    /// one-scalar capital; nil otherwise.
    private static func simpleCapital(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        guard let scalar = Unicode.Scalar(Syllables.decode(bytes, at: i).0), ScalarText.isSimple(scalar), scalar.value != 0x0D else {
            return nil
        }
        return ScalarText.simpleUppercase(scalar)
    }

    /// Whether every national title and fragment stands alone scalar by scalar (and each
    /// spaced title starts with its ASCII space), as `nationalTitle`'s byte comparisons need.
    private static let titlesAreSimple = (nationalTitles + nationalFragments).allSatisfy { SimplePrefix.isSimple($0) }
        && spacedNationalTitles.allSatisfy { $0.utf8.first == 0x20 }

    /// `Số: 160/KH-UBND`, `Số 114-KH/BTCTW`, `Số: 14 - KH/ĐU.KBT` (and what follows it).
    static func numberLine(_ text: String) -> (number: String, rest: String)? {
        // "Số" and "SỐ" open with S, and only the scalar S alone is the character "S": a
        // line whose first scalar past the white space `trimmed` removes is another (most
        // header lines) is passed over before it is trimmed and compared.
        guard let first = text.unicodeScalars.first(where: { !DocumentKinds.isTrimmedSpace($0) }), first == "S" else {
            return nil
        }
        if ScalarText.isSimple(text) { return simpleNumberLine(text) }
        return referenceNumberLine(text)
    }

    /// `referenceNumberLine` for text whose every scalar is a character of its own
    /// (`ScalarText.isSimple`), read from the UTF-8: "Số" and "SỐ" are then the bytes of
    /// S and NFC ố or Ố, and each character dropped after them is its one byte. Trimming,
    /// comparing and dropping characters cost some 6,000 instructions on the number line
    /// of every document.
    static func simpleNumberLine(_ text: String) -> (number: String, rest: String)? {
        let scalars: [Unicode.Scalar]? = text.withUTF8Bytes { bytes in
            var start = 0
            var end = bytes.count
            while start < end, let (scalar, length) = scalarAt(bytes, start), DocumentKinds.isTrimmedSpace(scalar) {
                start &+= length
            }
            while end > start {
                var lead = end &- 1
                while lead > start, bytes[lead] & 0xC0 == 0x80 { lead &-= 1 }
                guard let (scalar, _) = scalarAt(bytes, lead), DocumentKinds.isTrimmedSpace(scalar) else { break }
                end = lead
            }
            guard end &- start >= 4, bytes[start] == UInt8(ascii: "S"), bytes[start &+ 1] == 0xE1, bytes[start &+ 2] == 0xBB,
                  bytes[start &+ 3] == 0x91 || bytes[start &+ 3] == 0x90 else { return nil }
            var i = start &+ 4
            while i < end, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: ".") { i &+= 1 }
            return UTF8Scalars.array(bytes, from: i, to: end)
        }
        guard let scalars, let match = DocumentNumberScanner.scan(scalars).first, match.range.lowerBound == 0 else { return nil }
        let after = ScalarText.string(scalars[match.range.upperBound...]).trimmed()
        return (match.id, after)
    }

    /// The scalar at byte `i` of valid UTF-8 and its length.
    private static func scalarAt(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int)? {
        let (value, length) = Syllables.decode(bytes, at: i)
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// `numberLine` without its first test: the reference for the tests.
    static func referenceNumberLine(_ text: String) -> (number: String, rest: String)? {
        let trimmed = text.trimmed()
        guard trimmed.hasPrefix("Số") || trimmed.hasPrefix("SỐ") else { return nil }
        var rest = trimmed.dropFirst(2)
        rest = rest.drop { $0 == " " || $0 == ":" || $0 == "." }
        let scalars = Array(rest.unicodeScalars)
        guard let match = DocumentNumberScanner.scan(scalars).first, match.range.lowerBound == 0 else { return nil }
        let after = ScalarText.string(scalars[match.range.upperBound...]).trimmed()
        return (match.id, after)
    }

    /// `Cần Thơ, ngày 10 tháng 5 năm 2023`: the place is the capitalized words before it.
    static func placeAndDate(_ text: String) -> (place: String?, date: String)? {
        // Each pattern below holds ",ng" or ", ng"; ASCII is equivalent only to itself, so
        // Foundation's search can match only where those bytes are. Most lines have none.
        guard Self.holdsCommaNg(text) else { return nil }
        if ScalarText.isSimple(text), let answer = simplePlaceAndDate(text) { return answer }
        return referencePlaceAndDate(text)
    }

    /// `placeAndDate` past its test for `,ng`, on characters: the reference for the tests,
    /// and the path for text `simplePlaceAndDate` leaves undecided.
    static func referencePlaceAndDate(_ text: String) -> (place: String?, date: String)? {
        guard let range = commaNgay(in: text) else { return nil }
        let dateText = String(text[text.index(after: range.lowerBound)...])
        guard let date = DateScanner.scan(dateText).first, date.range.lowerBound <= 1 else { return nil }
        var placeWords: [Substring] = []
        for word in text[..<range.lowerBound].split(separator: " ").reversed() {
            guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter }), placeWords.count < 4 else { break }
            placeWords.insert(word, at: 0)
        }
        return (placeWords.isEmpty ? nil : placeWords.joined(separator: " "), date.date)
    }

    /// `placeAndDate` for text whose every scalar is a character of its own
    /// (`ScalarText.isSimple`), read from the UTF-8: the pattern found as `commaNgay` finds
    /// it, the date scanned from the scalars after its comma, and the words before it split
    /// at the bytes 20 (the only character " " here) and tested scalar by scalar, ASCII by
    /// value. Splitting, testing characters and joining the words cost some 12,000
    /// instructions on the date line of every document. `.some(nil)`: no date; nil when the
    /// place's words are not single-spaced, left to the reference to join.
    static func simplePlaceAndDate(_ text: String) -> (place: String?, date: String)?? {
        let reading: (date: String?, place: Range<Int>?, spaced: Bool) = text.withUTF8Bytes { bytes in
            guard let comma = firstCommaNgay(bytes) else { return (nil, nil, true) }
            // The date is read from the scalars after the comma (`text.index(after:)` of a
            // one-byte character).
            guard let date = DateScanner.scan(UTF8Scalars.array(bytes, from: comma &+ 1, to: bytes.count)).first, date.range.lowerBound <= 1 else {
                return (nil, nil, true)
            }
            var words = 0
            var place: Range<Int>?
            var spaced = true
            var end = comma
            while words < 4 {
                var gap = 0
                while end > 0, bytes[end &- 1] == 0x20 {
                    end &-= 1
                    gap &+= 1
                }
                guard end > 0 else { break }
                var start = end
                while start > 0, bytes[start &- 1] != 0x20 { start &-= 1 }
                guard isPlaceWord(bytes, start..<end) else { break }
                if place != nil, gap != 1 { spaced = false }
                place = start..<(place?.upperBound ?? end)
                words &+= 1
                end = start
            }
            return (date.date, place, spaced)
        }
        guard let date = reading.date else { return .some(nil) }
        guard reading.spaced else { return nil }
        guard let place = reading.place else { return (nil, date) }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: place.lowerBound)
        return (String(Substring(utf8[lower..<utf8.index(lower, offsetBy: place.count)])), date)
    }

    /// Whether the word at `range` (no byte 20 in it, of simple text) opens with a capital
    /// and holds only letters, as `Character.isUppercase` and `isLetter` tell: ASCII by
    /// value, any other scalar as the character it is alone.
    private static func isPlaceWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let (value, length) = Syllables.decode(bytes, at: i)
            if value < 0x80 {
                let isUpper = value &- 0x41 < 26
                if i == range.lowerBound ? !isUpper : !(isUpper || value &- 0x61 < 26) { return false }
            } else {
                guard let scalar = Unicode.Scalar(value) else { return false }
                let character = Character(scalar)
                if i == range.lowerBound ? !(character.isUppercase && character.isLetter) : !character.isLetter { return false }
            }
            i &+= length
        }
        return true
    }

    /// `text.range(of: ", ngày ") ?? text.range(of: ",ngày ") ?? text.range(of: ", ngày")`.
    /// Where every scalar of the text is a character of its own (`ScalarText.isSimple`),
    /// characters are equivalent only when their scalars are equal, so the NFC bytes of each
    /// pattern are searched for instead: Foundation's search was nearly half of reading the
    /// date line of every document.
    static func commaNgay(in text: String) -> Range<String.Index>? {
        guard ScalarText.isSimple(text) else {
            return text.range(of: ", ngày ") ?? text.range(of: ",ngày ") ?? text.range(of: ", ngày")
        }
        let found: Range<Int>? = text.withUTF8Bytes { bytes in
            for pattern in commaNgayPatterns {
                if let offset = firstOffset(of: pattern, in: bytes) { return offset..<(offset &+ pattern.count) }
            }
            return nil
        }
        guard let found else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: found.lowerBound)
        return lower..<utf8.index(lower, offsetBy: found.count)
    }

    /// The offset of the comma of the first pattern `commaNgay` finds in simple text.
    private static func firstCommaNgay(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for pattern in commaNgayPatterns {
            if let offset = firstOffset(of: pattern, in: bytes) { return offset }
        }
        return nil
    }

    /// Where `pattern` first occurs in `bytes`, as `firstRange(of:)` finds it: the
    /// standard library's generic search cost some 13,000 instructions on a date line.
    private static func firstOffset(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        let m = pattern.count
        guard m > 0, n >= m else { return m == 0 ? 0 : nil }
        return pattern.withUnsafeBufferPointer { needle -> Int? in
            let lead = needle[0]
            var i = 0
            while i <= n &- m {
                if bytes[i] == lead {
                    var k = 1
                    while k < m, bytes[i &+ k] == needle[k] { k &+= 1 }
                    if k == m { return i }
                }
                i &+= 1
            }
            return nil
        }
    }

    /// ", ngày ", ",ngày " and ", ngày" in NFC ("ngày" is 6E 67 C3 A0 79), in the order searched.
    private static let commaNgayPatterns: [[UInt8]] = [
        [0x2C, 0x20, 0x6E, 0x67, 0xC3, 0xA0, 0x79, 0x20],
        [0x2C, 0x6E, 0x67, 0xC3, 0xA0, 0x79, 0x20],
        [0x2C, 0x20, 0x6E, 0x67, 0xC3, 0xA0, 0x79],
    ]

    /// Whether the UTF-8 of `text` holds `,ng` or `, ng`.
    static func holdsCommaNg(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var beforeThat: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "g"), previous == UInt8(ascii: "n"),
               beforePrevious == UInt8(ascii: ",") || (beforePrevious == UInt8(ascii: " ") && beforeThat == UInt8(ascii: ",")) {
                return true
            }
            beforeThat = beforePrevious
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// `(Kèm theo Kế hoạch số 114-KH/TU ngày …)`.
    static func attachedNumber(_ text: String) -> String? {
        if let openers = attachedOpeners, let head = LowercaseHead(text, count: 32) {
            guard openers.contains(where: { head.starts(with: $0) }) else { return nil }
            return DocumentNumberScanner.scan(text).first?.id
        }
        // The longest opener has 18 characters: no need to lowercase a whole paragraph.
        let lower = ScalarText.lowercased(String(text.prefix(32)))
        guard lower.hasPrefix("(kèm theo") || lower.hasPrefix("kèm theo") || lower.hasPrefix("(ban hành kèm theo") else {
            return nil
        }
        return DocumentNumberScanner.scan(text).first?.id
    }

    private static let attachedOpeners = LowercaseHead.openers(["(kèm theo", "kèm theo", "(ban hành kèm theo"])

    private static let bodyOpenerWords = ["căn cứ", "thực hiện", "kính gửi", "theo ", "trên cơ sở", "nhằm "]
    private static let bodyOpeners = LowercaseHead.openers(bodyOpenerWords)

    /// Lines that start the text proper rather than continue a header.
    static func startsBody(_ line: TextLine) -> Bool {
        if line.listNumber != nil || line.bullet != nil { return true }
        if let openers = bodyOpeners, let head = LowercaseHead(line.text, count: 12) {
            return openers.contains { head.starts(with: $0) }
        }
        let lower = ScalarText.lowercased(String(line.text.prefix(12)))
        return bodyOpenerWords.contains { lower.hasPrefix($0) }
    }

    /// `startsBody` on the text alone, as first written: the reference for the tests.
    static func referenceStartsBody(text: String) -> Bool {
        let lower = ScalarText.lowercased(String(text.prefix(12)))
        return ["căn cứ", "thực hiện", "kính gửi", "theo ", "trên cơ sở", "nhằm "].contains { lower.hasPrefix($0) }
    }
}

import Foundation
