import DecuongCore

/// What the server serves at one moment: the last good build, the diagnostics of the latest
/// attempt (shown in the overlay when it has errors) and an id that changes with every
/// published build, so that a reconnecting page can tell it missed one.
public struct SiteSnapshot: Sendable {
    public var files: [String: [UInt8]]
    public var diagnostics: [Diagnostic]
    /// Whether any build succeeded yet; before that there is nothing to serve but the overlay.
    public var hasBuild: Bool
    public var buildID: String

    public init(files: [String: [UInt8]] = [:], diagnostics: [Diagnostic] = [], hasBuild: Bool = false,
                buildID: String = "0") {
        self.files = files
        self.diagnostics = diagnostics
        self.hasBuild = hasBuild
        self.buildID = buildID
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
