/// Which Markdown dialect to parse. The default is what decuong uses for content:
/// CommonMark plus every GFM extension and footnotes.
public struct MarkdownOptions: Sendable, Hashable {
    public enum Extension: String, Sendable, Hashable, CaseIterable {
        case table, strikethrough, autolink, tagfilter, tasklist
    }

    public var extensions: [Extension]
    public var footnotes: Bool

    public init(extensions: [Extension] = Extension.allCases, footnotes: Bool = true) {
        self.extensions = extensions
        self.footnotes = footnotes
    }

    public static let `default` = MarkdownOptions()
}
