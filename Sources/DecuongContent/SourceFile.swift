import DecuongCore

/// A document as loaded: NFC text with `Ð` mapped to `Đ`, its front matter, and the
/// problems found while loading. The front matter's lines are blanked out of `body`
/// rather than removed, so that every line number later stages report is the file's.
public struct SourceFile: Sendable, Hashable {
    /// The path as shown to the user (relative to the project root when possible).
    public var path: String
    public var body: String
    public var frontMatter: FrontMatter
    public var diagnostics: [Diagnostic]

    public init(path: String, body: String, frontMatter: FrontMatter = FrontMatter(), diagnostics: [Diagnostic] = []) {
        self.path = path
        self.body = body
        self.frontMatter = frontMatter
        self.diagnostics = diagnostics
    }
}
