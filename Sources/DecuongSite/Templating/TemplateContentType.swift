/// How a variable's text is escaped. swift-mustache's own HTML type escapes whole characters
/// (a `<` with a combining mark after it is one character, and stays), decuong's
/// `FastHTMLContentType` escapes bytes; a template may switch between them with a pragma,
/// and a partial starts with swift-mustache's own, so the renderer keeps both.
enum TemplateContentType: Sendable {
    /// `FastHTMLContentType`: the five bytes `& < > " '`.
    case htmlBytes
    /// swift-mustache's `HTMLContentType`: the five characters, as `Character`s.
    case htmlCharacters
}
