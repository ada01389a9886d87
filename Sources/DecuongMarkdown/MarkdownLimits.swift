/// The limits the Markdown layer applies to hostile input.
public enum MarkdownLimits {
    /// Lists and quotes deeper than this are flattened (their text is kept).
    public static var maxNesting: Int { CMarkTreeConverter.maxBlockDepth }
}
