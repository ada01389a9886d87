/// The one place that turns diagnostics into text, in the form compilers use so that
/// editors can jump to the spot: `file:line:column: error: message [code]`, then the hint.
public struct DiagnosticFormatter: Sendable {
    public init() {}

    public func format(_ diagnostic: Diagnostic) -> String {
        var head = ""
        if let file = diagnostic.file {
            head += file
            if let location = diagnostic.location {
                head += ":\(location.line):\(location.column)"
            }
            head += ": "
        }
        head += "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
        if let hint = diagnostic.hint {
            head += "\n  hint: \(hint)"
        }
        return head
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }
}
