import FlyingFox
import Foundation

/// Answers the preview's requests from the current snapshot: site files (HTML with the
/// live-reload script and, while there are errors, the overlay), `/__decuong/events`, the
/// site's 404 page for misses, 400 for paths that try to leave the site.
struct PreviewHandler: HTTPHandler {
    let snapshot: @Sendable () -> SiteSnapshot
    let hub: ReloadHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let raw = request.target.path()
        if raw == PreviewInjection.eventsPath {
            return events(buildID: snapshot().buildID)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return response(405, type: "text/plain; charset=utf-8", body: Array("only GET and HEAD\n".utf8), for: request,
                            extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let site = snapshot()
        switch SitePath.resolve(rawTarget: raw) {
        case .invalid(let reason):
            return response(400, type: "text/plain; charset=utf-8", body: Array("bad request: \(reason)\n".utf8),
                            for: request)
        case .file(let path, let directory):
            if path.hasPrefix("__decuong/") { return notFound(site, for: request) }
            guard site.hasBuild else {
                return response(503, type: ContentType.forPath("index.html"),
                                body: PreviewInjection.placeholder(buildID: site.buildID, errors: site.errors), for: request)
            }
            if let bytes = site.file(path) {
                return page(path: path, bytes: bytes, status: 200, site: site, for: request)
            }
            // `/ke-hoach-2023` names a folder: redirect, so the page's relative links resolve.
            if !directory, site.file(path + "/index.html") != nil {
                let location = (raw.split(separator: "?").first.map(String.init) ?? raw) + "/"
                return response(301, type: "text/plain; charset=utf-8", body: [], for: request, extra: [.location: location])
            }
            return notFound(site, for: request)
        }
    }

    private func notFound(_ site: SiteSnapshot, for request: HTTPRequest) -> HTTPResponse {
        guard let bytes = site.file("404.html") else {
            return response(404, type: "text/plain; charset=utf-8", body: Array("not found\n".utf8), for: request)
        }
        // The 404 page links relative to the site root; a base element keeps its links and
        // styles working at any depth.
        return page(path: "404.html", bytes: Self.withBase(bytes), status: 404, site: site, for: request, reloadsAlways: true)
    }

    private func page(path: String, bytes: [UInt8], status: Int, site: SiteSnapshot, for request: HTTPRequest,
                      reloadsAlways: Bool = false) -> HTTPResponse {
        let type = ContentType.forPath(path)
        let body = type.hasPrefix("text/html")
            ? PreviewInjection.inject(into: bytes, buildID: site.buildID, errors: site.errors, page: reloadsAlways ? "" : path)
            : bytes
        return response(status, type: type, body: body, for: request)
    }

    private func response(_ status: Int, type: String, body: [UInt8], for request: HTTPRequest,
                          extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        // Every response may be out of date after the next save.
        headers[HTTPHeader("Cache-Control")] = "no-store"
        for (key, value) in extra { headers[key] = value }
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: Self.status(status), headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: Self.status(status), headers: headers, body: Data(body))
    }

    private func events(buildID: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[HTTPHeader("Cache-Control")] = "no-store"
        headers[HTTPHeader("X-Accel-Buffering")] = "no"
        return HTTPResponse(statusCode: .ok, headers: headers,
                            body: HTTPBodySequence(from: EventStream(events: hub.connect(buildID: buildID))))
    }

    static func status(_ code: Int) -> HTTPStatusCode {
        switch code {
        case 200: .ok
        case 301: .movedPermanently
        case 400: .badRequest
        case 404: .notFound
        case 405: .methodNotAllowed
        default: .serviceUnavailable
        }
    }

    /// Adds `<base href="/">` after `<head>` when the page has none.
    static func withBase(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.contains("<base "), let head = text.range(of: "<head>") else { return bytes }
        var out = text
        out.insert(contentsOf: "\n<base href=\"/\">", at: head.upperBound)
        return Array(out.utf8)
    }
}
