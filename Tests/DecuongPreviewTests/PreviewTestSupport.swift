import DecuongCore
import DecuongSite
import Foundation
import Glibc
import Synchronization

/// A copy of the repository's `content/` (the 2023 plan and its outline) in a temporary
/// folder, which the tests edit freely.
struct TemporaryProject: Sendable {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let root: URL

    init() throws {
        // Resolved, so that paths the watcher reports match however /tmp is linked.
        root = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
            .appendingPathComponent("decuong-preview-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("content"),
                                         to: root.appendingPathComponent("content"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Writes like an editor that saves in place.
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes like an editor that saves atomically: a hidden temporary file renamed over the old one.
    func writeAtomically(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw POSIXFailure(errno) }
    }

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// What `decuong build` would write for the project now.
    func fullBuild() -> (RenderedSite, [Diagnostic]) {
        let builder = SiteBuilder(root: root)
        let site = builder.loadSite()
        guard !site.hasErrors else { return (RenderedSite(), site.diagnostics) }
        let result = builder.render(site)
        return (result.site, site.diagnostics + result.diagnostics)
    }
}

struct POSIXFailure: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}

/// Waits for a condition, checking every 50 ms, for at most `seconds` (generous: the tests
/// run on busy two-core machines). Returns whether it came true; never a timing assertion.
func eventually(seconds: Double = 60, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

/// A response read off a raw socket.
struct RawResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String
}

/// HTTP over a plain socket, so that a request target goes out exactly as written (URL
/// types would resolve `..` before sending). Blocking I/O runs on its own thread, never on
/// the tasks the server needs.
enum RawHTTP {
    static func get(port: UInt16, target: String, method: String = "GET") async throws -> RawResponse {
        let request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"
        let bytes = try await onThread { try exchange(port: port, request: Array(request.utf8)) }
        return parse(bytes)
    }

    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
            }
            thread.start()
        }
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXFailure(errno) }
        // The first request builds the whole site in a debug build; on a loaded two-core
        // machine, with every other suite running beside it, that once took longer than 30 s.
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXFailure(errno)
        }
        return fd
    }

    static func exchange(port: UInt16, request: [UInt8]) throws -> [UInt8] {
        let fd = try connect(port: port)
        defer { close(fd) }
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            out += buffer[0..<count]
            // The server may keep the connection open; stop once the whole body is in.
            if let response = complete(out) { return response }
        }
        return out
    }

    /// The bytes of one response when they are all there (by Content-Length).
    static func complete(_ bytes: [UInt8]) -> [UInt8]? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<end.lowerBound].lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return nil }
        let headBytes = text[..<end.upperBound].utf8.count
        return bytes.count >= headBytes + length ? Array(bytes[0..<(headBytes + length)]) : nil
    }

    static func parse(_ bytes: [UInt8]) -> RawResponse {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return RawResponse(status: 0, headers: [:], body: text) }
        let lines = text[..<end.lowerBound].split(separator: "\r\n")
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: String(text[end.upperBound...]))
    }
}

/// A connection to `/__decuong/events` read on its own thread; the test polls what arrived.
final class EventListener: Sendable {
    private let received = Mutex("")
    private let descriptor: Int32

    init(port: UInt16) throws {
        descriptor = try RawHTTP.connect(port: port)
        let request = "GET /__decuong/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        _ = Array(request.utf8).withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let fd = descriptor
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count < 0, errno == EAGAIN || errno == EINTR { continue }
                if count <= 0 { break }
                let text = String(decoding: buffer[0..<count], as: UTF8.self)
                received.withLock { $0 += text }
            }
            Glibc.close(fd)
        }
        thread.start()
    }

    var text: String { received.withLock { $0 } }

    func count(of event: String) -> Int {
        text.components(separatedBy: "event: \(event)\n").count - 1
    }

    func close() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }
}
