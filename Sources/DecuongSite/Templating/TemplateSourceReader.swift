/// A cursor over template text by `Character`, with the reading operations of swift-mustache
/// 2.1.1's `Parser` (Parser.swift) that its template parser uses, with the same results at
/// the edges: the same grapheme clusters, the same overflow errors near the end of the text.
/// The fast renderer parses with it so that its tree is the one swift-mustache would build.
struct TemplateSourceReader {
    struct Overflow: Error {}

    let buffer: String
    var position: String.Index

    init(_ text: String) {
        buffer = text
        position = text.startIndex
    }

    var reachedEnd: Bool { position == buffer.endIndex }

    /// The character under the cursor; NUL at the end, as in swift-mustache.
    var current: Character { reachedEnd ? "\0" : buffer[position] }

    /// Only called where the caller knows it is not at the end.
    mutating func advance() {
        guard !reachedEnd else { return }
        position = buffer.index(after: position)
    }

    mutating func retreat() {
        guard position != buffer.startIndex else { return }
        position = buffer.index(before: position)
    }

    mutating func character() throws -> Character {
        guard !reachedEnd else { throw Overflow() }
        let c = buffer[position]
        advance()
        return c
    }

    /// Consumes `char` when it is next; throws at the end of the text.
    mutating func read(_ char: Character) throws -> Bool {
        let c = try character()
        guard c == char else {
            retreat()
            return false
        }
        return true
    }

    /// Consumes `string` when it comes next; throws when fewer characters remain than it has.
    mutating func read(string: String) throws -> Bool {
        let initial = position
        guard string.count > 0 else { return true }
        guard buffer.distance(from: position, to: buffer.endIndex) >= string.count else { throw Overflow() }
        let end = buffer.index(position, offsetBy: string.count)
        let read = buffer[position..<end]
        position = end
        guard read == string else {
            position = initial
            return false
        }
        return true
    }

    @discardableResult
    mutating func read(whileIn set: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd, set.contains(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    @discardableResult
    mutating func read(while test: (Character) -> Bool) -> Substring {
        let start = position
        while !reachedEnd, test(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    /// Reads until a character of `set` or the end of the text.
    mutating func read(untilIn set: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd, !set.contains(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    /// Reads until `test` holds; at the end of the text, goes back and throws.
    mutating func read(until test: (Character) -> Bool) throws -> Substring {
        let start = position
        while !reachedEnd {
            if test(buffer[position]) { return buffer[start..<position] }
            advance()
        }
        position = start
        throw Overflow()
    }

    /// swift-mustache's `read(untilString:throwOnOverflow: true, skipToEnd: true)`, with its
    /// matching that does not go back after a partial match (`}}` after `}` in `}}}` is missed
    /// the same way).
    mutating func skip(pastString needle: String) throws {
        guard needle.count > 0 else { return }
        let start = position
        var index = needle.startIndex
        while !reachedEnd {
            if buffer[position] == needle[index] {
                index = needle.index(after: index)
                if index == needle.endIndex {
                    advance()
                    return
                }
            } else {
                index = needle.startIndex
            }
            advance()
        }
        position = start
        throw Overflow()
    }
}
