import Mustache

/// HTML that may go into a page unescaped: only our own code makes it, from `HTMLRenderer`
/// in safe mode (raw HTML omitted) or from markup built with escaped text. Templates insert it
/// with `{{{…Html}}}`; everything else is a `String` and Mustache escapes it.
struct SafeHTML: Sendable, Hashable, MustacheCustomRenderable {
    /// UTF-8, as the fast renderer writes pages; a String only for swift-mustache.
    let bytes: [UInt8]

    init(rendered html: String) {
        bytes = Array(html.utf8)
    }

    init(renderedBytes: [UInt8]) {
        bytes = renderedBytes
    }

    var html: String { String(decoding: bytes, as: UTF8.self) }
    var renderText: String { html }
    var isNull: Bool { bytes.isEmpty }
}
