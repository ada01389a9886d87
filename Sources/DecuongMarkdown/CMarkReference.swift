import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark-gfm's own HTML renderer, kept as the reference that our renderer is tested
/// against. Not for producing pages: it cannot rewrite links or add anchors.
public enum CMarkReference {
    public static func renderHTML(_ markdown: String, options: MarkdownOptions = .default,
                                  rawHTML: HTMLRenderer.RawHTML = .omit) -> String {
        var text = markdown
        let unsafe: Bool
        if case .allow = rawHTML { unsafe = true } else { unsafe = false }
        var renderOptions = options
        if case .allow(let filter) = rawHTML, !filter {
            renderOptions.extensions.removeAll { $0 == .tagfilter }
        }
        return text.withUTF8 { buffer in
            CMarkDocument.withParsed(buffer, options: renderOptions,
                                     renderOptions: unsafe ? CMARK_OPT_UNSAFE : 0,
                                     bodyNeedsLock: true) { root, extensions in
                let flags = CMarkDocument.cOptions(renderOptions, unsafeHTML: unsafe)
                guard let html = cmark_render_html(root, flags, extensions) else { return "" }
                defer { free(html) }
                return String(cString: html)
            } ?? ""
        }
    }
}
