import DecuongCore
/// Finds organization names in running text: a capitalized head word (`Ban`, `Ủy ban`,
/// `Đảng ủy`, `Hội`, `Sở`, …) followed by the words of the name, which are capitalized or
/// belong to the common vocabulary of Vietnamese organization names (`Ban Tổ chức Thành
/// ủy`, `Ủy ban nhân dân thành phố Cần Thơ`). Names listed in site.yml are found as given.
enum OrganizationScanner {
    static let heads = [
        "Ban", "Ủy ban", "Uỷ ban", "Đảng ủy", "Đảng uỷ", "Đảng đoàn", "Hội đồng", "Hội", "Sở", "Bộ", "Văn phòng",
        "Mặt trận", "Đoàn", "Liên đoàn", "Thành ủy", "Thành uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Quận ủy",
        "Báo", "Đài", "Viện", "Cục", "Tổng cục", "Trung tâm", "Học viện", "Trường",
    ]

    /// Lowercase words that continue a name (`tổ chức`, `nhân dân`, `thành phố`, …).
    static let nameWords: Set<String> = [
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

    /// The heads that start with `first`, as `headsByFirst` gives them, read from a table
    /// for ASCII capitals instead of hashing every capital at the start of a word.
    private static func heads(startingWith first: Unicode.Scalar) -> [[Unicode.Scalar]]? {
        let value = first.value
        if value < 0x80 { return asciiHeads[Int(value)] }
        return headsByFirst[first]
    }

    /// The ASCII first scalars of heads as bits, values below 0x40 and from 0x40.
    private static let asciiHeadStarts: (UInt64, UInt64) = {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for head in headScalars {
            guard let value = head.first?.value, value < 0x80 else { continue }
            if value < 0x40 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 0x40) }
        }
        return (low, high)
    }()

    /// The other first scalars of heads (`Đ`, `Ủ`) by their low six bits: a filter that
    /// lets some other scalars through, which the lookup then turns away.
    private static let nonASCIIHeadStarts: UInt64 = headScalars.reduce(0) { bits, head in
        guard let value = head.first?.value, value >= 0x80 else { return bits }
        return bits | 1 << UInt64(value & 63)
    }

    /// The two first scalars of heads beyond ASCII (`Đ`, `Ủ`), when every other first
    /// scalar is an ASCII capital: then a block of scalars holding none of these has no
    /// head to start. Nil otherwise (the scalars are then tested one by one).
    static let blockHeadStarts: (UInt32, UInt32)? = {
        var others: Set<UInt32> = []
        for head in headScalars {
            guard let value = head.first?.value else { continue }
            if value >= 0x80 {
                others.insert(value)
            } else if !(0x41...0x5A).contains(value) {
                return nil
            }
        }
        let sorted = others.sorted()
        guard sorted.count == 2 else { return nil }
        return (sorted[0], sorted[1])
    }()

    private static let asciiHeads: [[[Unicode.Scalar]]?] = (0..<0x80).map { value in
        Unicode.Scalar(UInt32(value)).flatMap { headsByFirst[$0] }
    }

    /// The letters of `nameWords`, numbered from 1: a word of these letters is a number of
    /// 6 bits a letter, and a word of other scalars is not a name word.
    private static let letterCodes: [Unicode.Scalar: UInt64] = {
        var codes: [Unicode.Scalar: UInt64] = [:]
        for word in nameWords {
            for scalar in word.unicodeScalars where codes[scalar] == nil { codes[scalar] = UInt64(codes.count + 1) }
        }
        return codes
    }()

    /// `letterCodes` by value for Latin up to U+024F and for Latin Extended Additional,
    /// where Vietnamese letters lie (0: not a letter of any name word): an index instead
    /// of a hash for every letter of every word read.
    private static let latinLetterCodes: [UInt8] = (0..<0x250).map { value in
        UInt8(Unicode.Scalar(UInt32(value)).flatMap { letterCodes[$0] } ?? 0)
    }

    private static let extendedLetterCodes: [UInt8] = (0x1E00..<0x1F00).map { value in
        UInt8(Unicode.Scalar(UInt32(value)).flatMap { letterCodes[$0] } ?? 0)
    }

    static let maxNameWordLength = nameWords.map(\.unicodeScalars.count).max() ?? 0

    /// The keys of the name words, sorted for a binary search.
    private static let nameWordKeys: [UInt64] = Set(nameWords.compactMap { word in
        key(Array(word.unicodeScalars)[...])
    }).sorted()

    /// The number of a word made of the letters of `letterCodes`, up to ten of them.
    private static func key(_ word: ArraySlice<Unicode.Scalar>) -> UInt64? {
        guard word.count <= 10 else { return nil }
        var key: UInt64 = 0
        for scalar in word {
            let code = letterCode(scalar)
            guard code != 0 else { return nil }
            key = key << 6 | code
        }
        return key
    }

    /// The number of a letter of the name words in `letterCodes`, or 0.
    @inline(__always)
    static func letterCode(_ scalar: Unicode.Scalar) -> UInt64 {
        let value = scalar.value
        return value < 0x250 ? UInt64(latinLetterCodes[Int(value)])
            : value >= 0x1E00 && value < 0x1F00 ? UInt64(extendedLetterCodes[Int(value - 0x1E00)]) : letterCodes[scalar] ?? 0
    }

    /// `nameWords.contains` for the word `word`, without building a string, or nil when
    /// that needs the string: a word whose scalars all stand alone as characters (see
    /// `ScalarText.isSimple`) equals a name word only when it has the same scalars, since
    /// the name words are NFC and no such scalar decomposes to another such sequence.
    static func isNameWord(_ word: ArraySlice<Unicode.Scalar>) -> Bool? {
        guard ScalarText.isSimple(scalars: word) else { return nil }
        guard word.count <= maxNameWordLength, let key = key(word) else { return false }
        return hasNameWordKey(key)
    }

    /// Whether `key` is the key of a name word.
    static func hasNameWordKey(_ key: UInt64) -> Bool {
        let keys = nameWordKeys
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
    }

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
        let (lowStarts, highStarts) = asciiHeadStarts
        let otherStarts = nonASCIIHeadStarts
        let blockFilter = blockHeadStarts
        while i < chars.count {
            // Only the first scalars of heads can start a name (the lookup below finds no
            // head for any other): one bit test a scalar passes over the rest.
            i = chars.withUnsafeBufferPointer { buffer in
                var k = i
                while k < buffer.count {
                    // Four scalars at a time while none is an ASCII capital or one of the
                    // other first scalars. (Eight at a time, as SIMD8 or as two SIMD4,
                    // compiled to code over single lanes, three times slower.)
                    if let (first, second) = blockFilter, let base = buffer.baseAddress, buffer.count &- k >= 4 {
                        let block = UnsafeRawPointer(base + k).loadUnaligned(as: SIMD4<UInt32>.self)
                        let capital = (block &- 0x41) .< 26
                        if !any(capital .| (block .== first) .| (block .== second)) {
                            k &+= 4
                            continue
                        }
                        // On to the first scalar that passed, read from memory (reading the
                        // mask's lanes undid the vector code): trying the block again from
                        // each scalar before it cost more than the rest of the scan.
                        var lane = 0
                        while lane < 3 {
                            let value = buffer[k &+ lane].value
                            if value &- 0x41 < 26 || value == first || value == second { break }
                            lane &+= 1
                        }
                        k &+= lane
                    }
                    let value = buffer[k].value
                    let startsHead = value < 0x40 ? (lowStarts >> UInt64(value)) & 1 != 0
                        : value < 0x80 ? (highStarts >> UInt64(value &- 0x40)) & 1 != 0 : (otherStarts >> UInt64(value & 63)) & 1 != 0
                    if startsHead { break }
                    k &+= 1
                }
                return k
            }
            guard i < chars.count else { break }
            // Names start with a capital at the start of a word; skip everything else fast.
            guard i == 0 || chars[i - 1] == " " || chars[i - 1] == "(" || chars[i - 1] == "“", taken.isEmpty || !taken[i],
                  chars[i].isUppercaseFast, let candidates = heads(startingWith: chars[i]),
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
                } else if !(isNameWord(chars[start..<j]) ?? nameWords.contains(ScalarText.string(chars[start..<j]))) {
                    break
                }
                end = j
                words += 1
            }
            // Drop a trailing "và" and require something that names a body, not "Ban hành".
            if ScalarText.isSimple(scalars: chars[i..<end]) {
                // Every scalar is a character: the tests below read the scalars, and the
                // name's words are its spaces plus one (no part is empty), so the name is
                // built only when it is taken.
                while endsWithVa(chars, i..<end) == true { end -= 3 }
                var parts = 1
                for k in i..<end where chars[k] == " " { parts += 1 }
                if words >= 1, capitalized >= 1 || parts >= 3, startsWithBanHanh(chars, i..<end) == false {
                    found.append((ScalarText.string(chars[i..<end]), i..<end))
                    if !taken.isEmpty { for k in i..<end { taken[k] = true } }
                }
                i = max(end, i + 1)
                continue
            }
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
        // Sorting fewer than two names leaves them as they are, without a new array.
        return found.count < 2 ? found : found.sorted { $0.1.lowerBound < $1.1.lowerBound }
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
