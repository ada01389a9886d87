import Foundation
import Synchronization

/// The open `/__decuong/events` connections, and the one place that sends to them.
final class ReloadHub: Sendable {
    private struct State {
        var next = 0
        var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// A new connection's stream: it starts with the retry delay and a `hello` carrying the
    /// build id, so a page that reconnects can tell whether it missed a build.
    func connect(buildID: String) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(Array("retry: 1000\n\n".utf8))
        continuation.yield(Self.event("hello", data: buildID))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.clients[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.clients.removeValue(forKey: id) }
        }
        return stream
    }

    var clientCount: Int { state.withLock { $0.clients.count } }

    /// Tells pages that a new build is in place: `pages` are the paths that changed (a page
    /// not among them stays as it is and only notes the build id), nil when any may have.
    func reload(buildID: String, pages: [String]? = nil) {
        send(Self.event("reload", data: Self.reloadData(buildID: buildID, pages: pages)))
    }

    /// `{"build":"…","pages":["a/index.html",…]}`, or `"pages":"*"` for every page.
    static func reloadData(buildID: String, pages: [String]?) -> String {
        let list = pages.map { "[" + $0.map(Self.jsonString).joined(separator: ",") + "]" } ?? "\"*\""
        return "{\"build\":\(jsonString(buildID)),\"pages\":\(list)}"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Keeps idle connections from being dropped by proxies and lets closed ones be noticed.
    func ping() {
        send(Array(": ping\n\n".utf8))
    }

    /// Ends every stream (server shutdown); later connections end at once.
    func close() {
        let clients = state.withLock { state in
            state.closed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for client in clients { client.finish() }
    }

    private func send(_ bytes: [UInt8]) {
        let clients = state.withLock { Array($0.clients.values) }
        for client in clients { client.yield(bytes) }
    }

    static func event(_ name: String, data: String) -> [UInt8] {
        Array("event: \(name)\ndata: \(data)\n\n".utf8)
    }
}
