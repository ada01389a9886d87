import CCmarkGFM

/// A cmark-gfm parse result that lives only inside `withParsed`: the C tree is freed
/// before that returns, so no C memory escapes this file.
struct CMarkDocument {
    static func cOptions(_ options: MarkdownOptions, unsafeHTML: Bool = false) -> Int32 {
        var flags: Int32 = CMARK_OPT_DEFAULT
        if options.footnotes { flags |= CMARK_OPT_FOOTNOTES }
        if unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        return flags
    }

    /// Parses under the global cmark lock, then hands the finished tree (and the parser's
    /// extension list, which `cmark_render_html` needs for the tag filter) to `body`.
    /// `body` runs outside the lock unless `bodyNeedsLock`: reading a finished tree touches
    /// no global state, so conversion can overlap other parses.
    static func withParsed<T>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        options: MarkdownOptions,
        renderOptions: Int32 = 0,
        bodyNeedsLock: Bool = false,
        _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T
    ) -> T? {
        let flags = cOptions(options) | renderOptions
        let parsed: (OpaquePointer?, OpaquePointer?) = CMarkLock.withLock {
            guard let parser = cmark_parser_new(flags) else { return (nil, nil) }
            for ext in options.extensions {
                if let handle = cmark_find_syntax_extension(ext.rawValue) {
                    cmark_parser_attach_syntax_extension(parser, handle)
                }
            }
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
            let root = cmark_parser_finish(parser)
            if bodyNeedsLock { return (root, parser) }
            cmark_parser_free(parser)
            return (root, nil)
        }
        guard let root = parsed.0 else {
            // Only on allocation failure (cmark aborts on out-of-memory before that).
            if let parser = parsed.1 { cmark_parser_free(parser) }
            return nil
        }
        defer { cmark_node_free(root) }
        if let parser = parsed.1 {
            defer { cmark_parser_free(parser) }
            return CMarkLock.withLock { body(root, cmark_parser_get_syntax_extensions(parser)) }
        }
        return body(root, nil)
    }
}
