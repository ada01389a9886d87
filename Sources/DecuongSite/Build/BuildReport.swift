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

    public var errorCount: Int { count(of: .error) }
    public var warningCount: Int { count(of: .warning) }
    public var noteCount: Int { count(of: .note) }

    /// The diagnostics of `severity`, counted where they lie: filtered, each was copied (its
    /// strings retained and released), 25 ms on one core after a 10,000-document site's
    /// last page, for tens of thousands of notes.
    private func count(of severity: Diagnostic.Severity) -> Int {
        diagnostics.withUnsafeBufferPointer { diagnostics in
            var count = 0
            for index in diagnostics.indices where diagnostics[index].severity == severity { count += 1 }
            return count
        }
    }
    public var documentCount: Int { site.documentsBySlug.count }

    public var failed: Bool { errorCount > 0 || (strict && warningCount > 0) }

    /// Diagnostics in a stable order: by file, then position, then severity (errors first).
    public var sortedDiagnostics: [Diagnostic] { Self.sorted(diagnostics) }

    /// `sortedDiagnostics` without the notes, which `build` does not show: a large site has a
    /// note per cited document that is not in it, about 60,000 at 10,000 documents, and
    /// sorting them all came after the last page was written.
    public var sortedWarningsAndErrors: [Diagnostic] {
        // Only those copied: most of a large site's diagnostics are notes.
        let shown: [Diagnostic] = diagnostics.withUnsafeBufferPointer { diagnostics in
            diagnostics.indices.compactMap { diagnostics[$0].severity == .note ? nil : diagnostics[$0] }
        }
        return Self.sorted(shown)
    }

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
