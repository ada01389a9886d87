/// Template text → `ParsedTemplateToken`s, following swift-mustache 2.1.1's parser
/// (Template+Parser.swift) step by step: the same standalone-line rules, the same whitespace
/// kept before tags, the same quirks. Whatever the fast renderer does not reproduce (transforms,
/// dynamic partials, a content type other than HTML) throws `Unsupported`, and so does every
/// syntax error: either way the caller keeps rendering with swift-mustache.
struct TemplateParser {
    struct Unsupported: Error {
        let reason: String
    }

    struct SyntaxError: Error {}

    /// swift-mustache's `ParserState`.
    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: Substring?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }

        func withDelimiters(start: String, end: String) -> State {
            var state = self
            state.startDelimiter = start
            state.endDelimiter = end
            state.isPartialDefinitionTopLevel = false
            return state
        }
    }

    /// The content type names the renderer knows, and how each escapes.
    let contentTypes: [String: TemplateContentType]

    func parse(_ text: String) throws -> [ParsedTemplateToken] {
        var reader = TemplateSourceReader(text)
        return try parse(&reader, state: State())
    }

    private func parse(_ parser: inout TemplateSourceReader, state initial: State) throws -> [ParsedTemplateToken] {
        var tokens: [ParsedTemplateToken] = []
        var state = initial
        var whiteSpaceBefore: Substring = ""
        while !parser.reachedEnd {
            if state.newLine {
                let whiteSpace = parser.read(whileIn: Self.spaceAndTab)
                // In a block definition of an inheriting partial, the first line's indent is
                // taken off every later line (and the first line keeps what it had before).
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent.count)
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(&parser, state: state)
            if parser.current.isNewline {
                tokens.append(.text(String(whiteSpaceBefore) + text + String(parser.current)))
                state.newLine = true
                parser.advance()
                continue
            }
            if text.count > 0 {
                tokens.append(.text(String(whiteSpaceBefore) + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if parser.reachedEnd { break }
            var setNewLine = false
            switch parser.current {
            case "#", "^":
                let inverted = parser.current == "^"
                parser.advance()
                let name = try parseName(&parser, state: state)
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                } else if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let body = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                tokens.append(.section(name: name, inverted: inverted, body: body))

            case "/":
                parser.advance()
                let name = try parseName(&parser, state: state)
                guard name == state.sectionName else { throw SyntaxError() }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                } else if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                return tokens

            case "!":
                parser.advance()
                try parser.skip(pastString: state.endDelimiter)
                setNewLine = isStandalone(&parser, state: state)

            case "{":
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                parser.advance()
                let name = try parseName(&parser, state: state)
                guard try parser.read("}") else { throw SyntaxError() }
                tokens.append(.variable(name: name, escaped: false))

            case "&":
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                parser.advance()
                let name = try parseName(&parser, state: state)
                tokens.append(.variable(name: name, escaped: false))

            case ">":
                parser.advance()
                parser.read(while: \.isWhitespace)
                if parser.current == "*" { throw Unsupported(reason: "dynamic partial") }
                let name = try parsePartialName(&parser, state: state)
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                    tokens.append(.partial(name: name, indentation: String(whiteSpaceBefore), inherits: nil))
                } else {
                    tokens.append(.partial(name: name, indentation: nil, inherits: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                parser.advance()
                parser.read(while: \.isWhitespace)
                let name = try parsePartialName(&parser, state: state)
                if name.first == "*" { throw Unsupported(reason: "dynamic partial") }
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                }
                let body = try parse(&parser, state: state.withInheritancePartial(name))
                var inherits: [(name: String, body: [ParsedTemplateToken])] = []
                for token in body {
                    switch token {
                    case .blockDefinition(let block, let blockBody):
                        // A later definition of the same block replaces the earlier one.
                        inherits.removeAll { $0.name == block }
                        inherits.append((block, blockBody))
                    case .text:
                        break
                    default:
                        throw SyntaxError()
                    }
                }
                tokens.append(.partial(name: name, indentation: String(whiteSpaceBefore), inherits: inherits))
                whiteSpaceBefore = ""

            case "$":
                parser.advance()
                let name = try parseName(&parser, state: state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&parser, state: state) {
                        setNewLine = true
                    }
                    let body = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockDefinition(name: name, body: body))
                } else {
                    if whiteSpaceBefore.count > 0 {
                        tokens.append(.text(String(whiteSpaceBefore)))
                    }
                    if isStandalone(&parser, state: state) {
                        setNewLine = true
                    }
                    let body = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockExpansion(name: name, body: body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }

            case "=":
                parser.advance()
                state = try setDelimiter(&parser, state: state)
                setNewLine = isStandalone(&parser, state: state)

            case "%":
                parser.advance()
                tokens.append(try readConfigVariable(&parser, state: state))
                setNewLine = isStandalone(&parser, state: state)

            default:
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let name = try parseName(&parser, state: state)
                tokens.append(.variable(name: name, escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw SyntaxError() }
        return tokens
    }

    private func readUntilDelimiterOrNewline(_ parser: inout TemplateSourceReader, state: State) throws -> String {
        guard let delimiterFirst = state.startDelimiter.first else { return "" }
        let until: Set<Character> = ["\n", "\r\n", delimiterFirst]
        var total = ""
        while !parser.reachedEnd {
            total += parser.read(untilIn: until)
            if parser.current.isNewline {
                break
            } else if parser.current == delimiterFirst {
                if try parser.read(string: state.startDelimiter) { break }
                total.append(delimiterFirst)
                parser.advance()
            }
        }
        return total
    }

    /// A variable or section name. Transforms (`{{uppercased(x)}}`) and sequence-context
    /// names (`{{first()}}`) are not reproduced.
    private func parseName(_ parser: inout TemplateSourceReader, state: State) throws -> String {
        parser.read(while: \.isWhitespace)
        let text = String(parser.read(whileIn: Self.sectionNameChars))
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: state.endDelimiter) else { throw SyntaxError() }
        if text.contains(where: { $0 == "(" || $0 == ")" }) { throw Unsupported(reason: "transform") }
        return text
    }

    private func parsePartialName(_ parser: inout TemplateSourceReader, state: State) throws -> String {
        parser.read(while: \.isWhitespace)
        let text = String(parser.read(whileIn: Self.partialNameChars))
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: state.endDelimiter) else { throw SyntaxError() }
        return text
    }

    private func setDelimiter(_ parser: inout TemplateSourceReader, state: State) throws -> State {
        parser.read(while: \.isWhitespace)
        let start = try parser.read(until: \.isWhitespace)
        parser.read(while: \.isWhitespace)
        let end = try parser.read(until: { $0 == "=" || $0.isWhitespace })
        parser.read(while: \.isWhitespace)
        guard try parser.read("=") else { throw SyntaxError() }
        guard try parser.read(string: state.endDelimiter) else { throw SyntaxError() }
        guard start.count > 0, end.count > 0 else { throw SyntaxError() }
        return state.withDelimiters(start: String(start), end: String(end))
    }

    private func readConfigVariable(_ parser: inout TemplateSourceReader, state: State) throws -> ParsedTemplateToken {
        parser.read(while: \.isWhitespace)
        let variable = parser.read(whileIn: Self.sectionNameCharsWithoutBrackets)
        parser.read(while: \.isWhitespace)
        guard try parser.read(":") else { throw SyntaxError() }
        parser.read(while: \.isWhitespace)
        let value = parser.read(whileIn: Self.sectionNameCharsWithoutBrackets)
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: state.endDelimiter) else { throw SyntaxError() }
        guard variable.count > 0, value.count > 0, variable == "CONTENT_TYPE" else { throw SyntaxError() }
        guard let type = contentTypes[String(value)] else { throw Unsupported(reason: "content type \(value)") }
        return .contentType(type)
    }

    private func hasLineFinished(_ parser: inout TemplateSourceReader) -> Bool {
        if parser.reachedEnd { return true }
        var ahead = parser
        ahead.read(whileIn: Self.spaceAndTab)
        if ahead.current.isNewline {
            ahead.advance()
            parser.position = ahead.position
            return true
        }
        return false
    }

    private func isStandalone(_ parser: inout TemplateSourceReader, state: State) -> Bool {
        state.newLine && hasLineFinished(&parser)
    }

    private static let spaceAndTab: Set<Character> = [" ", "\t"]
    private static let sectionNameCharsWithoutBrackets =
        Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let sectionNameChars =
        Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameChars =
        Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}

/// swift-mustache's `Token`, less what the fast renderer refuses.
indirect enum ParsedTemplateToken {
    case text(String)
    case variable(name: String, escaped: Bool)
    case section(name: String, inverted: Bool, body: [ParsedTemplateToken])
    case blockDefinition(name: String, body: [ParsedTemplateToken])
    case blockExpansion(name: String, body: [ParsedTemplateToken], indentation: String)
    /// `inherits` is nil for `{{>name}}`, the block definitions for `{{<name}}…{{/name}}`.
    case partial(name: String, indentation: String?, inherits: [(name: String, body: [ParsedTemplateToken])]?)
    case contentType(TemplateContentType)
}
