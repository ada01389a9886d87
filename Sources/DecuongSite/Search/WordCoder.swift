import DecuongCore

/// Record text in fewer bytes for the index files: the site's commonest words each stand for
/// one character, U+0371–U+07FF (two bytes in UTF-8) for the commonest, then the private use
/// area U+E000–U+F8FF (three bytes). Between two coded words a single space is implied, and
/// a character of those ranges that the text itself holds is written after U+0370. Vietnamese
/// has a few thousand syllables, so most of a text becomes two or three bytes per word where
/// it took five or six; `decodeText` in `search.js` reverses it.
struct WordCoder: Sendable {
    static let escape: UInt32 = 0x370
    static let shortCodes = 0x371..<0x800
    static let longCodes = 0xE000..<0xF900

    /// The coded words, in code order.
    private(set) var words: [String] = []
    private let lookup: ByteInterner
    /// Per word of `lookup`: its code point, or 0.
    private var codes: [UInt32]
    /// The coded words of up to 8 bytes, to their code points (see `append`).
    private(set) var shortWords = ShortWordTable()

    init(words lookup: ByteInterner, counts: [Int32]) {
        self.lookup = lookup
        codes = Array(repeating: 0, count: lookup.count)
        // What a code saves: the word's bytes and, mostly, the space after it.
        let ranked = (0..<Int32(lookup.count)).filter { counts[Int($0)] > 1 && lookup.range(of: $0).count > 1 }
            .map { id in (id: id, score: Int(counts[Int(id)]) * (lookup.range(of: id).count + 1)) }
            .sorted { a, b in
                a.score != b.score ? a.score > b.score
                    : lookup.bytes[lookup.range(of: a.id)].lexicographicallyPrecedes(lookup.bytes[lookup.range(of: b.id)])
            }
        var short = Self.shortCodes.makeIterator()
        var long = Self.longCodes.makeIterator()
        for (id, _) in ranked {
            let length = lookup.range(of: id).count
            let code = short.next() ?? (length > 2 ? long.next() : nil)
            guard let code else { continue }
            codes[Int(id)] = UInt32(code)
            words.append(lookup.string(id))
            if length <= ShortWordTable.maxLength {
                lookup.bytes.withUnsafeBufferPointer { bytes in
                    let range = lookup.range(of: id)
                    shortWords.insert(ShortWordTable.key(bytes, range.lowerBound, range.upperBound), length: length, Int32(code))
                }
            }
        }
    }

    /// `text` coded and JSON-escaped, without quotes.
    func append(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { append($0, to: &out) }
    }

    /// UTF-8 `buffer` coded and JSON-escaped, without quotes: the reference for `append`
    /// (`WordCoderFastPathTests` compares the two).
    func appendReference(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var literalStart = 0
        var lastCodeEnd = -1
        // Any letter run may be coded (two runs always have something between them, so the
        // implied space cannot be confused); those inside document numbers rarely are.
        Syllables.scanLetterRuns(buffer) { run in
            guard let id = lookup.lookup(buffer, run.lowerBound, run.upperBound) else { return }
            let code = codes[Int(id)]
            guard code != 0 else { return }
            let impliedSpace = lastCodeEnd == literalStart && run.lowerBound == literalStart + 1 && buffer[literalStart] == 0x20
            if !impliedSpace { appendLiteral(UnsafeBufferPointer(rebasing: buffer[literalStart..<run.lowerBound]), to: &out) }
            Self.appendScalar(code, to: &out)
            literalStart = run.upperBound
            lastCodeEnd = run.upperBound
        }
        appendLiteral(UnsafeBufferPointer(rebasing: buffer[literalStart..<buffer.count]), to: &out)
    }

    /// The code point of the word `text[start..<end]`, or 0 (for words past `ShortWordTable`).
    func longCode(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt32 {
        guard let id = lookup.lookup(text, start, end) else { return 0 }
        return codes[Int(id)]
    }

    private func appendLiteral(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Lead bytes of U+0340–U+07FF and U+E000–U+FFFF: only then can a code point need escaping.
        guard bytes.contains(where: { ($0 >= 0xCD && $0 <= 0xDF) || $0 == 0xEE || $0 == 0xEF }) else {
            JSON.appendEscaped(bytes, to: &out)
            return
        }
        var escaped: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let (scalar, length) = Syllables.decode(bytes, at: index)
            if scalar == Self.escape || Self.shortCodes.contains(Int(scalar)) || Self.longCodes.contains(Int(scalar)) {
                Self.appendScalar(Self.escape, to: &escaped)
            }
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
            index += length
        }
        escaped.withUnsafeBufferPointer { JSON.appendEscaped($0, to: &out) }
    }

    static func appendScalar(_ code: UInt32, to out: inout [UInt8]) {
        if code < 0x800 {
            out.append(UInt8(0xC0 | code >> 6))
            out.append(UInt8(0x80 | code & 0x3F))
        } else {
            out.append(UInt8(0xE0 | code >> 12))
            out.append(UInt8(0x80 | (code >> 6) & 0x3F))
            out.append(UInt8(0x80 | code & 0x3F))
        }
    }
}
