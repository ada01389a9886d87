import Mustache

/// HTML that may go into a page unescaped: only our own code makes it, from `HTMLRenderer`
/// in safe mode (raw HTML omitted) or from markup built with escaped text. Templates insert it
/// with `{{{…Html}}}`; everything else is a `String` and Mustache escapes it.
struct SafeHTML: Sendable, Hashable, MustacheCustomRenderable {
    let html: String

    init(rendered html: String) {
        self.html = html
    }

    var renderText: String { html }
    var isNull: Bool { html.isEmpty }
}
