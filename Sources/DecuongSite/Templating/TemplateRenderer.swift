import Mustache

/// Renders compiled templates into one byte buffer with swift-mustache 2.1.1's semantics
/// (Template+Render.swift, Context.swift, Sequence.swift): lookups climb the context stack,
/// sections iterate arrays, test booleans and `isNull`, and push anything else; partials and
/// blocks indent at token boundaries; `{{<parent}}` overrides are inherited outermost first.
/// What it meets that only swift-mustache can render (a lambda, a template as a value, a
/// nesting too deep) makes `render` return nil.
struct TemplateRenderer {
    private let program: CompiledTemplates
    private var out: [UInt8] = []
    private var stack: [TemplateValue]
    /// The context's indentation: partials and blocks add theirs for their own run.
    private var indentation: [UInt8] = []
    /// Block overrides in force, outermost `{{<parent}}` first: an outer one wins.
    private var inherited: [TemplateOverride] = []
    private var depth = 0
    private var failed = false

    /// Nested runs (sections, partials, blocks) before giving up to swift-mustache: far
    /// deeper than any page, and well inside a worker thread's stack.
    private static let maximumDepth = 400

    init(program: CompiledTemplates, root: TemplateValue) {
        self.program = program
        stack = [root]
        stack.reserveCapacity(16)
    }

    mutating func render(_ run: Range<Int>) -> [UInt8]? {
        out.reserveCapacity(64 * 1024)
        // A render starts with swift-mustache's HTML content type; decuong's pragma follows.
        renderRun(run.lowerBound, run.upperBound, .htmlCharacters)
        return failed ? nil : out
    }

    /// One `MustacheTemplate.render(context:)`: the ops of a template, section body, block or
    /// override, in order. With an indentation, a token that renders something after a line
    /// break of this run gets the indentation first.
    private mutating func renderRun(_ start: Int, _ end: Int, _ initialType: TemplateContentType) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            failed = true
            return
        }
        var contentType = initialType
        let runStart = out.count
        let indentCount = indentation.count
        var index = start
        while index < end, !failed {
            // Added before the token, taken back if the token renders nothing.
            var indentedAt = -1
            if indentCount > 0, endsWithLineBreak(since: runStart) {
                out.append(contentsOf: indentation)
                indentedAt = out.count
            }
            var next = index + 1
            switch program.ops[index] {
            case .text(let textStart, let textEnd):
                program.bytes.withUnsafeBufferPointer { out.append(contentsOf: $0[textStart..<textEnd]) }
            case .variable(let name, let escaped):
                if let value = lookup(name) {
                    renderVariable(value, escaped: escaped, contentType)
                }
            case .section(let name, let inverted, let bodyEnd):
                next = bodyEnd
                // Unwrapped here: an Optional parameter was copied through the runtime's
                // generic enum witness on every section.
                if let value = lookup(name) {
                    if inverted {
                        renderInvertedSection(value, index + 1, bodyEnd, contentType)
                    } else {
                        renderSection(value, index + 1, bodyEnd, contentType)
                    }
                } else if inverted {
                    // Nothing found: an inverted section renders its body.
                    renderRun(index + 1, bodyEnd, contentType)
                }
            case .block(let block, let indentStart, let indentEnd, let bodyEnd):
                next = bodyEnd
                var body = (index + 1, bodyEnd)
                if let override = inherited.first(where: { $0.block == block }) {
                    body = (override.start, override.end)
                }
                indentation.append(contentsOf: program.bytes[indentStart..<indentEnd])
                renderRun(body.0, body.1, contentType)
                indentation.removeLast(indentEnd - indentStart)
            case .partial(let template, let indentStart, let indentEnd, let overrides, let partialEnd):
                next = partialEnd
                guard template >= 0 else { break }
                let inheritedCount = inherited.count
                if overrides >= 0 { inherited.append(contentsOf: program.overrides[overrides]) }
                indentation.append(contentsOf: program.bytes[indentStart..<indentEnd])
                let run = program.templateRuns[template]
                // A partial starts again with swift-mustache's own HTML content type.
                renderRun(run.lowerBound, run.upperBound, .htmlCharacters)
                indentation.removeLast(indentEnd - indentStart)
                inherited.removeLast(inherited.count - inheritedCount)
            case .contentType(let type):
                contentType = type
            }
            if indentedAt >= 0, out.count == indentedAt {
                out.removeLast(indentCount)
            }
            index = next
        }
    }

    /// swift-mustache tests `string.last == "\n"` on the run's own text: a `\r\n` at the end
    /// is one Character, not a line feed.
    private func endsWithLineBreak(since runStart: Int) -> Bool {
        let count = out.count
        guard count > runStart, out[count - 1] == 0x0A else { return false }
        return count - 2 < runStart || out[count - 2] != 0x0D
    }

    // MARK: Lookup

    /// swift-mustache's `getChild` without transforms: nil when nothing is found. Each branch
    /// hands its Optional out as it is, testing it for `.other` (the only kind that can have a
    /// custom representation) without unwrapping: an unwrapped value passed on, or an
    /// Optional held across the branches, was a copy through the runtime's generic enum
    /// witness on every lookup.
    private mutating func lookup(_ nameIndex: Int) -> TemplateValue? {
        if program.isSingleClimbing[nameIndex] {
            // The name read where it is: a copy of it retained and released its parts and
            // its key on every lookup.
            return program.names.withUnsafeBufferPointer { names in
                names[nameIndex].parts.withUnsafeBufferPointer { parts in
                    guard let key = parts.baseAddress else { return nil }
                    return stack.withUnsafeBufferPointer { levels in Self.climb(levels, to: key) }
                }
            }
        }
        let name = program.names[nameIndex]
        switch name.scope {
        case .current:
            let top = stack.last
            if case .other? = top { return top?.represented }
            return top
        case .anchored:
            guard let top = stack.last else { return nil }
            let found = walk(name.parts[...], from: top)
            if case .other? = found { return found?.represented }
            return found
        case .climbing:
            // A dotted name (one part went through `climb` above).
            let parts = name.parts
            // Through a buffer: no copy of each level's value on the way up.
            let located: TemplateValue? = stack.withUnsafeBufferPointer { levels in
                var level = levels.count - 1
                while level >= 0 {
                    // One switch: each `if case` on the level was a copy of it.
                    switch levels[level] {
                    case .dictionary(let dictionary):
                        if let value = dictionary[parts[0]] { return TemplateValue(value) }
                    case .record(let records, let index):
                        if let value = records.value(at: index, for: parts[0]) { return value }
                    case .row(let row):
                        if let value = row.value(for: parts[0]) { return value }
                    default:
                        if let child = levels[level].child(named: parts[0]) { return child }
                    }
                    level -= 1
                }
                return nil
            }
            guard parts.count > 1 else {
                if case .other? = located { return located?.represented }
                return located
            }
            guard let located else { return nil }
            let found = walk(parts.dropFirst(), from: located)
            if case .other? = found { return found?.represented }
            return found
        }
    }

    /// The value of `key` at the innermost level that has it, as swift-mustache uses it (a
    /// custom representation in place of an `.other` value). The value is handed out from
    /// where it is found, without an Optional held and copied after the climb.
    private static func climb(_ levels: UnsafeBufferPointer<TemplateValue>, to key: UnsafePointer<TemplateKey>) -> TemplateValue? {
        var level = levels.count - 1
        while level >= 0 {
            switch levels[level] {
            case .dictionary(let dictionary):
                if let value = dictionary[key.pointee] { return representedIfOther(TemplateValue(value)) }
            case .record(let records, let index):
                // Records hold sections, entries, strings, booleans, numbers and HTML: never `.other`.
                if let value = records.value(at: index, for: key.pointee) { return value }
            case .row(let row):
                if let value = row.value(for: key.pointee) { return representedIfOther(value) }
            default:
                if let child = levels[level].child(named: key.pointee) { return representedIfOther(child) }
            }
            level -= 1
        }
        return nil
    }

    @inline(__always)
    private static func representedIfOther(_ value: TemplateValue) -> TemplateValue? {
        if case .other = value { return value.represented }
        return value
    }

    /// swift-mustache's `_getChild`: the rest of a dotted name, with no climbing.
    private mutating func walk(_ parts: ArraySlice<TemplateKey>, from start: TemplateValue) -> TemplateValue? {
        var value = start
        for part in parts {
            if case .other(let object) = value, object is MustacheLambda {
                failed = true
                return nil
            }
            guard let child = value.child(named: part) else { return nil }
            value = child
        }
        return value
    }

    // MARK: Tokens

    private mutating func renderVariable(_ value: TemplateValue, escaped: Bool, _ contentType: TemplateContentType) {
        switch value {
        case .string(let string):
            if escaped { appendEscaped(string, contentType) } else { append(string) }
        case .html(let html):
            if !escaped {
                out.append(contentsOf: html.bytes)
            } else if !html.bytes.withUnsafeBufferPointer({ appendEscaped($0, contentType) }) {
                appendCharactersEscaped(html.renderText)
            }
        case .bool(let bool):
            append(bool ? "true" : "false")
        case .int(let int):
            append(String(int))
        case .other(let object):
            if escaped, object is MustacheTemplate {
                failed = true
            } else if let renderable = object as? MustacheCustomRenderable {
                if escaped { appendEscaped(renderable.renderText, contentType) } else { append(renderable.renderText) }
            } else if object is MustacheLambda {
                failed = true
            } else if escaped {
                appendEscaped(value.described, contentType)
            } else {
                append(value.described)
            }
        case .list(let items) where items.isEmpty:
            append("[]")
        case .dictionary(let dictionary) where dictionary.isEmpty:
            append("[:]")
        case .records(let records) where records.isEmpty:
            append("[]")
        case .rows(let rows) where rows.isEmpty:
            append("[]")
        case .row(let row) where row.keys.isEmpty:
            append("[:]")
        case .dictionary, .list, .records, .record, .rows, .row:
            // Printed as swift-mustache prints the `[String: Any]` it is given, whose order is
            // that dictionary instance's own: only swift-mustache can print it, so it renders
            // the page. No theme prints a whole dictionary; a test's `{{person}}` does.
            failed = true
        case .stringDictionary, .stringList:
            if escaped { appendEscaped(value.described, contentType) } else { append(value.described) }
        }
    }

    private mutating func renderSection(_ value: TemplateValue, _ start: Int, _ end: Int, _ contentType: TemplateContentType) {
        switch value {
        case .bool(let bool):
            if bool { renderRun(start, end, contentType) }
        case .list(let items):
            for item in items where !failed {
                stack.append(.dictionary(item))
                renderRun(start, end, contentType)
                stack.removeLast()
            }
        case .stringList(let items):
            for item in items where !failed {
                stack.append(.string(item))
                renderRun(start, end, contentType)
                stack.removeLast()
            }
        case .records(let records):
            for index in 0..<records.count where !failed {
                stack.append(.record(records, index))
                renderRun(start, end, contentType)
                stack.removeLast()
            }
        case .rows(let rows):
            for row in rows where !failed {
                stack.append(.row(row))
                renderRun(start, end, contentType)
                stack.removeLast()
            }
        case .html(let html):
            if !html.isNull { renderPushed(value, start, end, contentType) }
        case .string, .int, .dictionary, .stringDictionary, .record, .row:
            renderPushed(value, start, end, contentType)
        case .other(let object):
            if object is MustacheLambda {
                failed = true
            } else if let elements = TemplateValue.elements(of: object) {
                for element in elements where !failed {
                    renderPushed(TemplateValue(element), start, end, contentType)
                }
            } else if let bool = object as? Bool {
                if bool { renderRun(start, end, contentType) }
            } else if let renderable = object as? MustacheCustomRenderable, renderable.isNull {
                return
            } else {
                renderPushed(value, start, end, contentType)
            }
        }
    }

    private mutating func renderInvertedSection(_ value: TemplateValue, _ start: Int, _ end: Int,
                                                _ contentType: TemplateContentType) {
        switch value {
        case .bool(let bool):
            if !bool { renderRun(start, end, contentType) }
        case .list(let items):
            // An empty sequence is pushed: `{{.}}` inside prints `[]`.
            if items.isEmpty { renderPushed(value, start, end, contentType) }
        case .stringList(let items):
            if items.isEmpty { renderPushed(value, start, end, contentType) }
        case .records(let records):
            if records.isEmpty { renderPushed(value, start, end, contentType) }
        case .rows(let rows):
            if rows.isEmpty { renderPushed(value, start, end, contentType) }
        case .html(let html):
            if html.isNull { renderRun(start, end, contentType) }
        case .string, .int, .dictionary, .stringDictionary, .record, .row:
            return
        case .other(let object):
            if let elements = TemplateValue.elements(of: object) {
                if elements.isEmpty { renderPushed(value, start, end, contentType) }
            } else if let bool = object as? Bool {
                if !bool { renderRun(start, end, contentType) }
            } else if let renderable = object as? MustacheCustomRenderable, renderable.isNull {
                renderRun(start, end, contentType)
            }
        }
    }

    private mutating func renderPushed(_ value: TemplateValue, _ start: Int, _ end: Int, _ contentType: TemplateContentType) {
        stack.append(value)
        renderRun(start, end, contentType)
        stack.removeLast()
    }

    // MARK: Output

    private mutating func append(_ string: String) {
        if let done: Void = string.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) {
            return done
        }
        out.append(contentsOf: string.utf8)
    }

    private mutating func appendEscaped(_ string: String, _ contentType: TemplateContentType) {
        let escapedBytes: Bool? = string.utf8.withContiguousStorageIfAvailable { bytes in
            appendEscaped(bytes, contentType)
        }
        if let escapedBytes {
            if !escapedBytes { appendCharactersEscaped(string) }
            return
        }
        var copy = string
        let done = copy.withUTF8 { appendEscaped($0, contentType) }
        if !done { appendCharactersEscaped(string) }
    }

    /// Appends text escaped on bytes, or as it is when nothing needs escaping. Returns false,
    /// having appended nothing, when the text needs escaping by Characters.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ contentType: TemplateContentType) -> Bool {
        var plainStart = 0
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        while index < count {
            // Eight bytes at a time while none of them is one of the five.
            if index + 8 <= count, !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if Self.needsEscape[Int(byte)] {
                guard contentType == .htmlBytes else { return false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                switch byte {
                case UInt8(ascii: "<"): out.append(contentsOf: Self.lt)
                case UInt8(ascii: ">"): out.append(contentsOf: Self.gt)
                case UInt8(ascii: "&"): out.append(contentsOf: Self.amp)
                case UInt8(ascii: "\""): out.append(contentsOf: Self.quot)
                default: out.append(contentsOf: Self.apos)
                }
                plainStart = index + 1
            }
            index += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<count]))
        return true
    }

    /// Whether some byte of `word` is `<`, `>`, `&`, `"` or `'`: for each, a byte equal to it
    /// is a zero byte of the xor, which the borrow test finds exactly.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let found = zeroBytes(word ^ (0x3C &* ones)) | zeroBytes(word ^ (0x3E &* ones)) | zeroBytes(word ^ (0x26 &* ones))
            | zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x27 &* ones))
        return found & highs != 0
    }

    /// swift-mustache's `htmlEscape`: only a Character that is exactly one of the five.
    private mutating func appendCharactersEscaped(_ string: String) {
        for character in string {
            switch character {
            case "<": out.append(contentsOf: Self.lt)
            case ">": out.append(contentsOf: Self.gt)
            case "&": out.append(contentsOf: Self.amp)
            case "\"": out.append(contentsOf: Self.quot)
            case "'": out.append(contentsOf: Self.apos)
            default: out.append(contentsOf: character.utf8)
            }
        }
    }

    private static let needsEscape: [Bool] = (0..<256).map {
        $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27
    }
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)
}
