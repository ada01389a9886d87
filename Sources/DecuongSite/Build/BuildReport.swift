import DecuongCore

/// What a build or check found and did.
public struct BuildReport: Sendable {
    public var site: Site
    public var rendered: RenderedSite
    public var diagnostics: [Diagnostic]
    /// Warnings count as failures.
    public var strict: Bool
    /// Whether the output folder was replaced.
    public var wrote = false
    /// HTML pages rendered (a build writes them as it goes and keeps none in `rendered`).
    public var pageCount: Int
    /// The files the build put in the output folder, and how many of them the previous site
    /// already held byte for byte (kept as they were, with their times).
    public var files = DirectorySink.Written()

    public init(site: Site, rendered: RenderedSite, diagnostics: [Diagnostic], strict: Bool) {
        self.site = site
        self.rendered = rendered
        self.diagnostics = diagnostics
        self.strict = strict
        self.pageCount = rendered.pages.count
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var noteCount: Int { diagnostics.filter { $0.severity == .note }.count }
    public var documentCount: Int { site.documentsBySlug.count }

    public var failed: Bool { errorCount > 0 || (strict && warningCount > 0) }

    /// Diagnostics in a stable order: by file, then position, then severity (errors first).
    public var sortedDiagnostics: [Diagnostic] { Self.sorted(diagnostics) }

    /// `sortedDiagnostics` without the notes, which `build` does not show: a large site has a
    /// note per cited document that is not in it, about 60,000 at 10,000 documents, and
    /// sorting them all came after the last page was written.
    public var sortedWarningsAndErrors: [Diagnostic] { Self.sorted(diagnostics.filter { $0.severity != .note }) }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { left, right in
            let a = left.element
            let b = right.element
            let keyA = (a.file ?? "", a.location?.line ?? 0, a.location?.column ?? 0)
            let keyB = (b.file ?? "", b.location?.line ?? 0, b.location?.column ?? 0)
            if keyA != keyB { return keyA < keyB }
            if a.severity != b.severity { return a.severity > b.severity }
            return left.offset < right.offset
        }.map(\.element)
    }
}
