import DecuongCore
import Yams

/// Reads a YAML mapping of plain values with positions, turning Yams errors into
/// diagnostics at the right line of the file (the YAML may start below line 1).
struct YAMLBlock {
    var values: [(key: String, value: Yams.Node, location: SourceLocation)] = []

    init(yaml: String, file: String, firstLine: Int) throws(DiagnosticError) {
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: yaml)
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
