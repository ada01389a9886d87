import DecuongCore
import DecuongSite

/// What the server serves at one moment: the last good build, the diagnostics of the latest
/// attempt (shown in the overlay when it has errors) and an id that changes with every
/// published build, so that a reconnecting page can tell it missed one.
public struct SiteSnapshot: Sendable {
    /// The build; its pages are rendered when first requested.
    public var site: LazyRenderedSite?
    public var diagnostics: [Diagnostic]
    /// Whether any build succeeded yet; before that there is nothing to serve but the overlay.
    public var hasBuild: Bool
    public var buildID: String

    public init(site: LazyRenderedSite? = nil, diagnostics: [Diagnostic] = [], hasBuild: Bool = false,
                buildID: String = "0") {
        self.site = site
        self.diagnostics = diagnostics
        self.hasBuild = hasBuild
        self.buildID = buildID
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// A file of the site, rendered now if it was not yet.
    public func file(_ path: String) -> [UInt8]? { site?.file(path) }
}
