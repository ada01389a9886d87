/// A problem found in the user's input. Diagnostics are data: the CLI, the preview
/// overlay and the tests all format them with `DiagnosticFormatter`.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable, greppable identifier such as `markdown.invalid-utf8`.
    public var code: String
    /// The file as the user would type it (relative to the project root when possible).
    public var file: String?
    public var location: SourceLocation?
    public var message: String
    /// What the user can do about it.
    public var hint: String?

    public init(severity: Severity, code: String, file: String? = nil,
                location: SourceLocation? = nil, message: String, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.file = file
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ code: String, _ message: String, file: String? = nil,
                             at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity: .error, code: code, file: file, location: location, message: message, hint: hint)
    }

    public static func warning(_ code: String, _ message: String, file: String? = nil,
                               at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, code: code, file: file, location: location, message: message, hint: hint)
    }
}

/// An error that carries the diagnostic to show for it.
public struct DiagnosticError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    public var description: String { DiagnosticFormatter().format(diagnostic) }
}
