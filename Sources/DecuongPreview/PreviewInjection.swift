import DecuongMarkdown
import DecuongCore

/// What the preview adds to the HTML pages it serves, and only to those: the live-reload
/// script, and the error overlay while the input has errors. Built sites and bundles never
/// contain either, because this runs per response and never touches `RenderedSite`.
public enum PreviewInjection {
    public static let eventsPath = "/__decuong/events"
    public static let overlayID = "decuong-overlay"

    /// Listens for `reload` and reloads the page when the event lists it (or every page);
    /// `page` is the served file's path, empty for pages that must reload on any build (the
    /// 404 page, the placeholder). The server greets every connection with its build id; a
    /// different id after a reconnect (the server was restarted, or a build happened while the
    /// connection was down) also reloads. EventSource retries by itself while the server is
    /// down; when a browser gives up (`CLOSED`), the script opens a new one.
    static func script(buildID: String, page: String = "") -> String {
        """
        <script>(function () {
          var seen = \(ReloadHub.jsonString(buildID)), page = \(ReloadHub.jsonString(page));
          function connect() {
            var source = new EventSource("\(eventsPath)");
            source.addEventListener("reload", function (event) {
              var data = {};
              try { data = JSON.parse(event.data); } catch (e) {}
              if (!page || !data.pages || data.pages === "*" || data.pages.indexOf(page) >= 0) { location.reload(); }
              else { seen = data.build; }
            });
            source.addEventListener("hello", function (event) { if (event.data !== seen) { location.reload(); } });
            source.onerror = function () {
              if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 1000); }
            };
          }
          if (window.EventSource) { connect(); }
        })();</script>
        """
    }

    /// The diagnostics in the CLI's words (`DiagnosticFormatter`), over the page.
    static func overlay(_ errors: [Diagnostic]) -> String {
        let text = DiagnosticFormatter().format(errors)
        let count = errors.count
        return """
        <div id="\(overlayID)" role="alertdialog" aria-labelledby="\(overlayID)-title" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2rem">
        <h2 id="\(overlayID)-title" style="margin:0 0 1rem;color:#ff8a80;font-size:1.3rem">decuong: \(count) lỗi, trang đang hiển thị bản dựng trước (\(count) error\(count == 1 ? "" : "s"); showing the last good build)</h2>
        <pre style="white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;background:#000;padding:1rem;border-radius:4px">\(HTMLEscaping.escapeHTML(text))</pre>
        <p style="margin-top:1rem">Sửa tệp và lưu lại: trang tự cập nhật. (Fix the file and save it: this page updates itself.)</p>
        <button type="button" onclick="this.parentNode.remove()" style="font:inherit;padding:.3rem 1rem">Đóng (close)</button>
        </div>
        """
    }

    /// The page with the script (and the overlay) before its last `</body>`, or at its end.
    public static func inject(into html: [UInt8], buildID: String, errors: [Diagnostic], page: String = "") -> [UInt8] {
        var addition = script(buildID: buildID, page: page)
        if !errors.isEmpty { addition = overlay(errors) + "\n" + addition }
        let insert = Array(addition.utf8)
        guard let position = lastBodyClose(in: html) else { return html + insert }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + insert.count)
        out += html[..<position]
        out += insert
        out += html[position...]
        return out
    }

    /// A page for when no build succeeded yet: only the overlay and the script.
    public static func placeholder(buildID: String, errors: [Diagnostic]) -> [UInt8] {
        let page = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>decuong</title></head>\n<body>\n</body>\n</html>\n"
        return inject(into: Array(page.utf8), buildID: buildID, errors: errors)
    }

    /// Where `</body>` (any case) last starts.
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard html.count >= tag.count else { return nil }
        var index = html.count - tag.count
        while index >= 0 {
            var matches = true
            for offset in 0..<tag.count {
                var byte = html[index + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != tag[offset] {
                    matches = false
                    break
                }
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }
}
