import DecuongCore

/// Reads *Nơi nhận* and the signature block at the end of a document. Converted text
/// interleaves the two columns, splits them with page numbers, or hangs the signature
/// onto the last recipient as lazy continuation lines, so each line is classified alone.
struct ClosingRecognizer {
    struct Result {
        var closing = DocumentClosing()
        /// Lines of the closing region that were neither recipient nor signature.
        var leftovers: [Int] = []
    }

    /// The first line of the closing: `Nơi nhận`, or a signature authority line, searched
    /// from `start`; nil when the document has no closing.
    static func start(in lines: [TextLine], from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        for index in start..<end {
            let text = lines[index].text
            if isRecipientsHeading(text) { return index }
            if isAuthority(text), lines[index...].prefix(8).contains(where: { TextShape.looksLikeName($0.text) }) {
                return index
            }
        }
        return nil
    }

    static func recognize(_ lines: [TextLine], range: Range<Int>) -> Result {
        var result = Result()
        var recipients: [String] = []
        var authority: [String] = []
        var position: [String] = []
        var name: String?
        enum Last { case none, heading, recipient, authority, position, name, other }
        var last = Last.none
        var inRecipients = false
        var lastRecipientContainers: [LineContainer] = []

        for index in range {
            let line = lines[index]
            if line.atomic != nil { result.leftovers.append(index); continue }
            var text = line.text
            if isRecipientsHeading(text) {
                inRecipients = true
                last = .heading
                text = String(text.drop { $0 != ":" }.dropFirst()).trimmed()
                if text.isEmpty { continue }
            }
            if isAuthority(text) {
                authority.append(text)
                last = .authority
            } else if isPosition(text), last == .authority || last == .none || last == .heading || last == .recipient {
                position.append(text)
                last = .position
            } else if last == .position, isPosition(text) {
                position.append(text)
            } else if TextShape.looksLikeName(text), name == nil, !authority.isEmpty || !position.isEmpty || last == .recipient {
                name = text
                last = .name
            } else if last == .authority, TextShape.isMostlyUppercase(text), !text.hasPrefix("-") {
                authority.append(text)
            } else if line.bullet != nil || text.hasPrefix("-") || text.hasPrefix("–") || text.hasPrefix("+") || text.hasPrefix("•") {
                inRecipients = true
                recipients.append(stripMarker(text))
                lastRecipientContainers = line.containers
                last = .recipient
            } else if last == .recipient, line.containers == lastRecipientContainers || TextShape.startsLowercase(text) {
                recipients[recipients.count - 1] += " " + text
            } else if inRecipients, last == .heading {
                recipients.append(stripMarker(text))
                lastRecipientContainers = line.containers
                last = .recipient
            } else {
                result.leftovers.append(index)
                last = .other
            }
        }
        result.closing.recipients = recipients.map(cleanRecipient).filter { !$0.isEmpty }
        if !authority.isEmpty || !position.isEmpty || name != nil {
            result.closing.signature = Signature(
                authority: authority.isEmpty ? nil : TextShape.clean(authority.joined(separator: " ")),
                position: position.isEmpty ? nil : TextShape.clean(position.joined(separator: " ")),
                name: name)
        }
        if let first = range.first, let lastIndex = range.last {
            result.closing.range = SourceRange(start: lines[first].start, end: lines[lastIndex].end)
        }
        return result
    }

    // MARK: Line classes

    static func isRecipientsHeading(_ text: String) -> Bool {
        // The first byte: an ASCII byte is its scalar and leads no other, and the scalar
        // view's `first` (an index check and a decode) cost some eighty instructions for
        // every line of the body, which `start` asks.
        guard let first = text.utf8.first, first == UInt8(ascii: "N") || first == UInt8(ascii: "n") else { return false }
        if let answer = simpleIsRecipientsHeading(text) { return answer }
        return referenceIsRecipientsHeading(text)
    }

    /// The reference for the tests, and the path for text whose first characters are not
    /// each one scalar that stands alone.
    static func referenceIsRecipientsHeading(_ text: String) -> Bool {
        ScalarText.lowercased(String(text.prefix(8))) == "nơi nhận"
    }

    private static let recipientsHeading = Array("nơi nhận".unicodeScalars)

    /// `isRecipientsHeading` read from the first nine scalars when each stands alone as a
    /// character (`ScalarText.isSimple`; the ninth, or the end, after the eighth tells that
    /// nothing joins it) and lowercases to one: then the first eight characters are eight
    /// scalars, compared with those of "nơi nhận" (NFC, simple). Nil when that does not
    /// hold. Taking the prefix and lowercasing it cost some 3,000 instructions a line
    /// opening with N; the scalars are decoded from the UTF-8 and compared as they come
    /// (gathering them in an array cost half of what was left).
    static func simpleIsRecipientsHeading(_ text: String) -> Bool? {
        let wanted = recipientsHeading
        return text.withUTF8Bytes { bytes -> Bool? in
            var count = 0
            var equal = true
            var i = 0
            while i < bytes.count {
                let (value, length) = Syllables.decode(bytes, at: i)
                // Every scalar read is checked, even past a difference: one that is not
                // simple joins the one before it, which may then equal the wanted one.
                guard let scalar = Unicode.Scalar(value), ScalarText.isSimple(scalar), value != 0x0D,
                      let scalarLower = ScalarText.simpleLowercase(scalar) else { return nil }
                if count < wanted.count, scalarLower != wanted[count] { equal = false }
                count &+= 1
                if count > wanted.count { break }
                i &+= length
            }
            return count >= wanted.count && equal
        }
    }

    private static let authorityPrefixes = ["T/M ", "TM. ", "TM ", "K/T ", "KT. ", "KT ", "T/L ", "TL. ", "TUQ. ", "Q. ",
                                            "THAY MẶT ", "KÝ THAY ", "THỪA LỆNH ", "THỪA ỦY QUYỀN "]

    static func isAuthority(_ text: String) -> Bool {
        // Every prefix starts with T, K or Q (or the Kelvin sign, canonically a K, which
        // `hasPrefix` would equate with it): most lines are ruled out by one scalar.
        // By the first byte, as `isRecipientsHeading`; E2 may lead the Kelvin sign.
        guard let byte = text.utf8.first,
              byte == UInt8(ascii: "T") || byte == UInt8(ascii: "K") || byte == UInt8(ascii: "Q")
                || (byte == 0xE2 && text.unicodeScalars.first == "\u{212A}"),
              !CapitalPrefix.secondIsLowercase(text) else { return false }
        return authorityPrefixes.contains { SimplePrefix.hasPrefix(text, $0) } && TextShape.isMostlyUppercase(text)
    }

    private static let positionWords = ["BÍ THƯ", "CHỦ TỊCH", "TRƯỞNG", "GIÁM ĐỐC", "CHÁNH", "ỦY VIÊN", "UỶ VIÊN",
                                        "TỔNG", "THƯỜNG TRỰC", "PHÓ", "CHỦ NHIỆM", "THỦ TƯỚNG", "VIỆN TRƯỞNG"]

    static func isPosition(_ text: String) -> Bool {
        guard !CapitalPrefix.secondIsLowercase(text) else { return false }
        return positionWords.contains { SimplePrefix.hasPrefix(text, $0) } && ScalarText.hasAtMostCharacters(text, 60)
            && TextShape.isMostlyUppercase(text)
    }

    static func stripMarker(_ text: String) -> String {
        // The first character kept, found on the bytes (searching each character in a
        // string of markers cost some 2,000 instructions a recipient).
        if let first = simpleMarkerEnd(text) {
            let utf8 = text.utf8
            return first == 0 ? text : String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: first)...]))
        }
        return referenceStripMarker(text)
    }

    /// `stripMarker` as first written: the reference for the tests.
    static func referenceStripMarker(_ text: String) -> String {
        String(text.drop { "-–+•".contains($0) || $0 == " " })
    }

    /// Where `stripMarker` keeps the text from (a UTF-8 offset), read from the bytes while
    /// the markers and spaces dropped and the scalar after them each stand alone
    /// (`ScalarText.isSimple`, no CR): each is then a character, equal to a marker only
    /// when it is that scalar. Nil otherwise.
    static func simpleMarkerEnd(_ text: String) -> Int? {
        text.withUTF8Bytes { bytes -> Int? in
            guard let base = bytes.baseAddress else { return 0 }
            let n = bytes.count
            var i = 0
            while i < n {
                let byte = base[i]
                let scalar: Unicode.Scalar
                let length: Int
                if byte < 0x80 {
                    guard byte != 0x0D else { return nil }
                    (scalar, length) = (Unicode.Scalar(byte), 1)
                } else {
                    (scalar, length) = OrganizationScanner.scalar(base, at: i)
                    guard ScalarText.isSimple(scalar) else { return nil }
                }
                switch scalar.value {
                case 0x2D, 0x2013, 0x2B, 0x2022, 0x20: i &+= length
                default: return i
                }
            }
            return n
        }
    }

    /// One recipient per entry: no leading marker, no trailing `,` `;` `.`.
    static func cleanRecipient(_ text: String) -> String {
        // Where every scalar is a character (`ScalarText.isSimple`; the markers are such
        // scalars, and what `clean` keeps of such text is too), the markers, the stops
        // and the spaces are read as scalars and bytes: dropping characters one at a time
        // cost some 8,000 instructions a line.
        guard ScalarText.isSimple(text) else { return referenceCleanRecipient(text) }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex, isMarkerOrSpace(scalars[start]) { start = scalars.index(after: start) }
        let out = TextShape.clean(String(scalars[start...]))
        let utf8 = out.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ".") else { break }
            end = before
        }
        return UTF8Scalars.trimmed(String(Substring(utf8[..<end])))
    }

    private static func isMarkerOrSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2013}" || scalar == "+" || scalar == "\u{2022}" || scalar == " "
    }

    /// `cleanRecipient` as it was, on characters: the reference for the tests.
    static func referenceCleanRecipient(_ text: String) -> String {
        var out = TextShape.clean(stripMarker(text))
        while let last = out.last, ",;.".contains(last) { out.removeLast() }
        return out.trimmed()
    }
}
