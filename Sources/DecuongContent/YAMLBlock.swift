import DecuongCore
import Yams

/// Reads a YAML mapping of plain values with positions, turning Yams errors into
/// diagnostics at the right line of the file (the YAML may start below line 1).
struct YAMLBlock {
    var values: [(key: String, value: Yams.Node, location: SourceLocation)] = []

    /// `resolvingEveryType` uses all of Yams's rules whatever the text (the tests compare).
    init(yaml: String, file: String, firstLine: Int, resolvingEveryType: Bool = false) throws(DiagnosticError) {
        let node: Yams.Node?
        do {
            // The encoding given: its default reads the process environment on every call,
            // which cost more than parsing a document's front matter.
            node = try Self.compose(yaml, resolvingEveryType: resolvingEveryType)
        } catch let error as YamlError {
            throw DiagnosticError(Self.diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            throw DiagnosticError(.error("yaml.invalid", "cannot read the YAML: \(error)", file: file,
                                         at: SourceLocation(line: firstLine, column: 1)))
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            throw DiagnosticError(.error("yaml.not-a-mapping", "expected `key: value` lines", file: file,
                                         at: SourceLocation(line: firstLine, column: 1),
                                         hint: "write one setting per line, like `title: Kế hoạch năm 2023`"))
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let mark = value.mark ?? key.mark
            let location = SourceLocation(line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
            values.append((name, value, location))
        }
    }

    /// Yams resolves the type of every plain scalar with a regular expression per rule
    /// (null, bool, int, float, timestamp …), which cost more than the rest of reading the
    /// front matter; the values are read here as text whatever their type. Types matter
    /// only to tell duplicate keys apart (`1` and `"1"` are different keys) and for the
    /// value key `=`, which changes what a node reads as. So the text is read with the `=`
    /// rule alone, and again with every rule when that fails or when some mapping has two
    /// keys that are equal as text (only then can the rules decide). Keys that differ as
    /// text are different keys under any rules.
    static func compose(_ yaml: String, resolvingEveryType: Bool) throws -> Node? {
        if !resolvingEveryType, let node = try? Yams.compose(yaml: yaml, valueOnly, .default, .utf8),
           !mayHoldEqualKeys(node) {
            return node
        }
        return try Yams.compose(yaml: yaml, .default, .default, .utf8)
    }

    private static let valueOnly = Resolver.basic.appending(.value)

    /// Whether some mapping in `node` has two keys with the same text, or a key that is not
    /// a scalar.
    private static func mayHoldEqualKeys(_ node: Node) -> Bool {
        switch node {
        case .scalar:
            return false
        case .sequence(let sequence):
            return sequence.contains(where: mayHoldEqualKeys)
        case .mapping(let mapping):
            var keys = Set<String>()
            for (key, value) in mapping {
                guard let text = key.scalar?.string, keys.insert(text).inserted else { return true }
                if mayHoldEqualKeys(value) { return true }
            }
            return false
        case .alias:
            return true
        }
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        let mark: Mark?
        let problem: String
        switch error {
        case let .scanner(_, p, m, _), let .parser(_, p, m, _), let .composer(_, p, m, _):
            mark = m
            problem = p
        case let .duplicatedKeysInMapping(duplicates, context):
            mark = context.mark
            problem = "the key \(duplicates.joined(separator: ", ")) appears twice"
        default:
            mark = nil
            problem = "\(error)"
        }
        return .error("yaml.invalid", "invalid YAML: \(problem)", file: file,
                      at: SourceLocation(line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1),
                      hint: "check the indentation and quote values that contain `:` or `#`")
    }
}
