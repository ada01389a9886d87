import DecuongCore
import DecuongMarkdown

/// Who is assigned what in a "TỔ CHỨC THỰC HIỆN" section: organizations named before
/// "chủ trì" lead, those after "phối hợp" take part, others named as the subject of the
/// item are responsible.
enum AssignmentFinder {
    static func assignments(in sections: [Section], organizations: [String]) -> [Assignment] {
        var out: [Assignment] = []
        add(sections, organizations: organizations, into: &out)
        return out
    }

    /// By index, into one array: each section taken whole (every section of a document is
    /// looked at) retained and released all it holds, and each level's result was joined
    /// into its parent's.
    private static func add(_ sections: [Section], organizations: [String], into out: inout [Assignment]) {
        for index in sections.indices {
            // Read where the section lies: `sections[index].title` copied the section.
            if isImplementationTitle(Section.title(of: sections, at: index)) {
                for item in sections[index].children.indices {
                    collect(sections[index].children[item], organizations: organizations, into: &out)
                }
            } else {
                add(sections[index].children, organizations: organizations, into: &out)
            }
        }
    }

    private static func collect(_ section: Section, organizations: [String], into out: inout [Assignment]) {
        // The lead " " the body: `clean` collapses the spaces the joins would add.
        let text = TextShape.clean(joining: [section.lead.plainText] + section.body.map(\.plainText))
        // Names and marks are read from the UTF-8 (with scalar offsets): the item's
        // scalars are decoded only where the marks need the standard library.
        let (found, (leadMark, supportMark)) = text.withUTF8Bytes { utf8 in
            let found = OrganizationScanner.scan(utf8: utf8, known: organizations)
            // The marks place the names found; an item that names no one needs none.
            return (found, found.isEmpty ? (nil, nil) : marksInPlace(utf8: utf8) ?? marks(UTF8Scalars.array(text), text: text))
        }
        // The pairs already assigned: an item names a few, and a set of joined
        // "name|role" strings cost an interpolation, a hash and growth for each.
        var seen: [(name: String, role: Assignment.Role)] = []
        for (name, range) in found {
            let role: Assignment.Role
            if let supportMark, range.lowerBound > supportMark {
                role = .support
            } else if let leadMark, range.lowerBound < leadMark {
                role = .lead
            } else if range.lowerBound < 40 {
                role = .responsible
            } else {
                continue
            }
            // Roles hold no "|": two pairs had the same key exactly when their names are
            // equal (as strings) and their roles the same.
            guard !seen.contains(where: { $0.role == role && $0.name == name }) else { continue }
            seen.append((name, role))
            out.append(Assignment(organization: name, role: role, sectionAnchor: section.anchor, task: section.title))
        }
        for child in section.children.indices { collect(section.children[child], organizations: organizations, into: &out) }
    }

    /// Whether a title names the section on carrying out the plan ("Tổ chức thực hiện").
    private static func isImplementationTitle(_ title: String) -> Bool {
        FoldedPhraseSearch.foldedText(title, contains: "to chuc thuc hien")
    }

    /// Where "chủ trì" and "phối hợp" first stand in the lowercased text, as scalar
    /// offsets. When every scalar lowercases to one scalar (Vietnamese text), those are
    /// offsets in `scalars`, searched without building the lowercased copy; otherwise the
    /// copy is searched, as before.
    static func marks(_ scalars: [Unicode.Scalar], text: String) -> (lead: Int?, support: Int?) {
        if let marks = marksInPlace(scalars) { return marks }
        let lower = ScalarText.lowercasedScalars(text)
        return (firstOffset(of: "chủ trì", in: lower), firstOffset(of: "phối hợp", in: lower))
    }

    private static let leadPattern = Array("chủ trì".unicodeScalars)
    private static let supportPattern = Array("phối hợp".unicodeScalars)

    static func marksInPlace(_ scalars: [Unicode.Scalar]) -> (lead: Int?, support: Int?)? {
        // Through the buffer, with ASCII lowercased inline: the scalar-by-scalar loop over
        // the enumerated array, calling `simpleLowercase` on each, cost seventy
        // instructions a scalar.
        scalars.withUnsafeBufferPointer { buffer in
            var leadMark: Int?
            var supportMark: Int?
            let count = buffer.count
            for start in 0..<count {
                let value = buffer[start].value
                let lower: UInt32
                if value < 0x80 {
                    lower = value &- 0x41 < 26 ? value | 0x20 : value
                } else {
                    // Every scalar must lowercase to one; the patterns start with ASCII.
                    // Latin-1 letters and Latin Extended Additional (most of Vietnamese) do,
                    // without the call.
                    let known = (value >= 0x1EA0 && value <= 0x1EF9) || (value >= 0xC0 && value <= 0xFF && value != 0xD7 && value != 0xF7)
                    guard known || ScalarText.simpleLowercase(buffer[start]) != nil else { return nil }
                    continue
                }
                // "chủ trì" and "phối hợp" start with ASCII: a candidate start is a lowercase match there.
                if lower == UInt32(UInt8(ascii: "c")), leadMark == nil, matches(leadPattern, in: buffer, at: start) { leadMark = start }
                if lower == UInt32(UInt8(ascii: "p")), supportMark == nil, matches(supportPattern, in: buffer, at: start) { supportMark = start }
            }
            return (leadMark, supportMark)
        }
    }

    /// `marksInPlace` on the scalars of the valid UTF-8 `bytes`, eight bytes at a time.
    /// Both answers are read apart: nil when a scalar beyond ASCII does not lowercase to
    /// one (each lead byte, C0 … FF, found from the word's top two bits, is decoded and
    /// asked), and the marks, which start with an ASCII c or p (C, P), from the lanes that
    /// hold one, their byte offsets made scalar offsets at the end. The scalar-at-a-time
    /// loop (`scalarMarksInPlace`) spent most of its time stepping through ASCII.
    static func marksInPlace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (lead: Int?, support: Int?)? {
        guard let base = bytes.baseAddress else { return (nil, nil) }
        let n = bytes.count
        var leadByte: Int?
        var supportByte: Int?
        @inline(__always) func tryMark(at p: Int) {
            // The byte is c, C, p or P.
            if base[p] | 0x20 == UInt8(ascii: "c") {
                if leadByte == nil, matches(leadPattern, base, n, after: p) { leadByte = p }
            } else if supportByte == nil, matches(supportPattern, base, n, after: p) {
                supportByte = p
            }
        }
        var i = 0
        while n &- i >= 8 {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            var leads = word & (word &<< 1) & 0x8080_8080_8080_8080
            while leads != 0 {
                let p = i &+ leads.trailingZeroBitCount &>> 3
                leads &= leads &- 1
                guard Self.lowercasesToOne(OrganizationScanner.scalar(base, at: p).scalar) else { return nil }
            }
            if leadByte == nil || supportByte == nil {
                // Only 43 and 63 are 63 with bit 5 set, only 50 and 70 are 70 (no byte from
                // 80 becomes either).
                let folded = word | 0x2020_2020_2020_2020
                var marks = Self.equalLanes(folded, 0x6363_6363_6363_6363) | Self.equalLanes(folded, 0x7070_7070_7070_7070)
                while marks != 0 {
                    tryMark(at: i &+ marks.trailingZeroBitCount &>> 3)
                    marks &= marks &- 1
                }
            }
            i &+= 8
        }
        // The rest of a scalar begun in the last word was asked with its lead byte.
        while i < n, base[i] & 0xC0 == 0x80 { i &+= 1 }
        while i < n {
            let byte = base[i]
            if byte < 0x80 {
                if byte | 0x20 == UInt8(ascii: "c") || byte | 0x20 == UInt8(ascii: "p") { tryMark(at: i) }
                i &+= 1
            } else {
                let (scalar, length) = OrganizationScanner.scalar(base, at: i)
                guard Self.lowercasesToOne(scalar) else { return nil }
                i &+= length
            }
        }
        return (leadByte.map { TextRun.scalarCount(base, 0, $0) }, supportByte.map { TextRun.scalarCount(base, 0, $0) })
    }

    /// The top bit of each byte lane where `word` and `pattern` hold the same byte, exact
    /// in every lane (no carry crosses lanes).
    @inline(__always)
    private static func equalLanes(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }

    /// `marksInPlace` on the scalars of the valid UTF-8 `bytes`, decoded as they are read:
    /// the same scalars in the same order, so the same marks (or nil) at the same offsets.
    /// What `marksInPlace(utf8:)` was, kept as the reference for its test.
    static func scalarMarksInPlace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (lead: Int?, support: Int?)? {
        guard let base = bytes.baseAddress else { return (nil, nil) }
        let n = bytes.count
        var leadMark: Int?
        var supportMark: Int?
        var i = 0
        var offset = 0
        while i < n {
            let byte = base[i]
            if byte < 0x80 {
                let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                if lower == UInt8(ascii: "c"), leadMark == nil, matches(leadPattern, base, n, after: i) { leadMark = offset }
                if lower == UInt8(ascii: "p"), supportMark == nil, matches(supportPattern, base, n, after: i) { supportMark = offset }
                i &+= 1
            } else {
                let (scalar, length) = OrganizationScanner.scalar(base, at: i)
                guard Self.lowercasesToOne(scalar) else { return nil }
                i &+= length
            }
            offset &+= 1
        }
        return (leadMark, supportMark)
    }

    /// Whether `ScalarText.simpleLowercase` maps the scalar beyond ASCII to one scalar:
    /// Latin-1 letters, Latin Extended Additional and the other Vietnamese letters (ă đ ĩ
    /// ũ ơ ư and their capitals) are answered without the call.
    @inline(__always)
    static func lowercasesToOne(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x1EA0...0x1EF9, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: return true
        case 0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168, 0x0169, 0x01A0, 0x01A1, 0x01AF, 0x01B0: return true
        default: return ScalarText.simpleLowercase(scalar) != nil
        }
    }

    /// Whether the scalars after the one-byte scalar at byte `i` lowercase to the rest of
    /// `pattern` (which must fit before the end).
    private static func matches(_ pattern: [Unicode.Scalar], _ base: UnsafePointer<UInt8>, _ n: Int, after i: Int) -> Bool {
        var k = i &+ 1
        for index in 1..<pattern.count {
            guard k < n else { return false }
            let (scalar, length) = OrganizationScanner.scalar(base, at: k)
            guard ScalarText.simpleLowercase(scalar) == pattern[index] else { return false }
            k &+= length
        }
        return true
    }

    /// `marksInPlace` as it was, lowercasing every scalar through `simpleLowercase`: the
    /// reference for the tests.
    static func referenceMarksInPlace(_ scalars: [Unicode.Scalar]) -> (lead: Int?, support: Int?)? {
        let lead = leadPattern
        let support = supportPattern
        var leadMark: Int?
        var supportMark: Int?
        // Each pattern's first scalar is ASCII: a candidate start is a lowercase match there.
        for (start, scalar) in scalars.enumerated() {
            guard let lower = ScalarText.simpleLowercase(scalar) else { return nil }
            if leadMark == nil, lower == lead[0], matches(lead, in: scalars, at: start) { leadMark = start }
            if supportMark == nil, lower == support[0], matches(support, in: scalars, at: start) { supportMark = start }
        }
        return (leadMark, supportMark)
    }

    /// `matches(_:in:at:)` on a buffer.
    private static func matches(_ pattern: [Unicode.Scalar], in scalars: UnsafeBufferPointer<Unicode.Scalar>, at start: Int) -> Bool {
        guard start + pattern.count <= scalars.count else { return false }
        for k in 1..<pattern.count where ScalarText.simpleLowercase(scalars[start + k]) != pattern[k] { return false }
        return true
    }

    /// Whether the lowercase of `scalars[start...]` starts with `pattern` (each scalar
    /// lowercasing to one: the caller checks every scalar).
    private static func matches(_ pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar], at start: Int) -> Bool {
        guard start + pattern.count <= scalars.count else { return false }
        for k in 1..<pattern.count where ScalarText.simpleLowercase(scalars[start + k]) != pattern[k] { return false }
        return true
    }

    /// Scalar offset of `needle` in `haystack` (offsets must match the scanner's).
    private static func firstOffset(of needle: String, in haystack: [Unicode.Scalar]) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard haystack.count >= pattern.count else { return nil }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
        }
        return nil
    }
}
