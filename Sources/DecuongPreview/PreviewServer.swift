import DecuongCore
import DecuongSite
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// `decuong serve`: builds the site in memory, serves it over HTTP, watches the project and
/// rebuilds what an edit affects, then tells open pages to reload. Nothing is written to disk.
///
/// Rebuilds run on the watcher's thread, one at a time, so the server's tasks keep answering
/// from the previous snapshot while a build runs; the new snapshot replaces it in one step.
public final class PreviewServer: Sendable {
    public let root: URL
    public let host: String
    public let requestedPort: UInt16

    /// What one rebuild did, for the log line and for benchmarks.
    public struct Rebuild: Sendable {
        public var update: IncrementalBuilder.Update
        public var changedPaths: [String]
        public var duration: Duration
        public var buildID: String
        public var diagnostics: [Diagnostic]
    }

    private let builder: Mutex<IncrementalBuilder>
    private let current = Mutex(SiteSnapshot())
    private let hub = ReloadHub()
    private let watcher: FileWatcher
    /// Differs between runs, so a page open across a restart sees a new build id and reloads.
    private let session: String
    private let generation = Mutex(0)
    private let running = Mutex<Running?>(nil)
    private let onRebuild: @Sendable (Rebuild) -> Void

    private struct Running: Sendable {
        var server: HTTPServer
        var task: Task<Void, any Error>
        var pinger: Task<Void, Never>
    }

    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8080,
                debounce: Duration = .milliseconds(15),
                onRebuild: @escaping @Sendable (Rebuild) -> Void = { _ in }) {
        self.root = root.standardizedFileURL
        self.host = host
        self.requestedPort = port
        self.builder = Mutex(IncrementalBuilder(root: self.root))
        self.watcher = FileWatcher(root: self.root, quiet: debounce)
        self.session = String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
        self.onRebuild = onRebuild
    }

    /// What is being served now.
    public var snapshot: SiteSnapshot { current.withLock { $0 } }

    /// Pages connected to `/__decuong/events`.
    public var liveReloadClients: Int { hub.clientCount }

    /// Problems the watcher met (watch limits); the preview still serves.
    public var watchWarnings: [String] { watcher.warnings }

    /// Builds the site, starts watching and listening, and returns the port it listens on
    /// (the chosen one when the requested port is 0).
    public func start() async throws -> UInt16 {
        // Watch first, so that an edit made during the first build is not missed.
        try watcher.start { [self] paths in apply(changedPaths: paths) }
        apply(changedPaths: nil)
        let server = HTTPServer(address: try address(), timeout: 30, logger: .disabled,
                                handler: PreviewHandler(snapshot: { [self] in current.withLock { $0 } }, hub: hub))
        let failure = Mutex<(any Error)?>(nil)
        let task = Task {
            do {
                try await server.run()
            } catch {
                failure.withLock { $0 = error }
                throw error
            }
        }
        // `run()` throws at once when the port is taken; otherwise wait until it listens.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while await !server.isListening {
            if let error = failure.withLock({ $0 }) {
                watcher.stop()
                throw error
            }
            if clock.now > deadline {
                task.cancel()
                watcher.stop()
                throw WatchError("the server did not start listening on \(host):\(requestedPort)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        let pinger = Task { [hub] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.ping()
            }
        }
        running.withLock { $0 = Running(server: server, task: task, pinger: pinger) }
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return requestedPort
        }
    }

    /// Stops watching, ends the live-reload streams, closes the socket (the port is free when
    /// this returns) and waits for open connections briefly.
    public func stop() async {
        watcher.stop()
        hub.close()
        guard let running = running.withLock({ state in defer { state = nil }; return state }) else { return }
        running.pinger.cancel()
        await running.server.stop(timeout: 1)
        running.task.cancel()
        _ = await running.task.result
    }

    /// Rebuilds after the paths changed (everything when nil) and, when the output or the
    /// diagnostics changed, publishes the new snapshot and then tells pages to reload.
    /// Runs on the calling thread: the watcher's, or a test's.
    public func apply(changedPaths: [String]?) {
        let clock = ContinuousClock()
        let started = clock.now
        // A save that changes only its own page is published in two steps: that page first
        // (no linking), then the rest once the site is linked again.
        if let changedPaths {
            let quick = builder.withLock { builder in
                builder.updateQuickly(changedPaths: changedPaths).map { ($0, builder.current, builder.diagnostics) }
            }
            if let (update, site, diagnostics) = quick {
                publish(update, site: site, diagnostics: diagnostics, isFirst: false, changedPaths: changedPaths,
                        duration: clock.now - started)
                let finished = clock.now
                let (rest, site, diagnostics) = builder.withLock { builder in
                    (builder.finishUpdate(), builder.current, builder.diagnostics)
                }
                publish(rest, site: site, diagnostics: diagnostics, isFirst: false, changedPaths: changedPaths,
                        duration: clock.now - finished)
                return
            }
        }
        let (update, site, diagnostics) = builder.withLock { builder in
            let update = changedPaths.map { builder.update(changedPaths: $0) } ?? builder.rebuild()
            return (update, builder.current, builder.diagnostics)
        }
        publish(update, site: site, diagnostics: diagnostics, isFirst: changedPaths == nil, changedPaths: changedPaths ?? [],
                duration: clock.now - started)
    }

    /// Replaces the snapshot when the build changed and tells the pages it changed to reload
    /// (every page when the errors changed, since the overlay is on every page).
    private func publish(_ update: IncrementalBuilder.Update, site: LazyRenderedSite?, diagnostics: [Diagnostic],
                         isFirst: Bool, changedPaths: [String], duration: Duration) {
        var buildID = current.withLock { $0.buildID }
        if update.changed || isFirst {
            let number = generation.withLock { value in
                value += 1
                return value
            }
            buildID = "\(session)-\(number)"
            let errorsBefore = current.withLock { snapshot in
                defer {
                    snapshot = SiteSnapshot(site: site, diagnostics: diagnostics,
                                            hasBuild: snapshot.hasBuild || update.succeeded, buildID: buildID)
                }
                return snapshot.errors
            }
            let errorsNow = diagnostics.filter { $0.severity == .error }
            let targeted = errorsBefore == errorsNow && update.removedFiles == 0 && update.renderedPaths.count <= 1000
            if !isFirst { hub.reload(buildID: buildID, pages: targeted ? update.renderedPaths : nil) }
        }
        onRebuild(Rebuild(update: update, changedPaths: changedPaths, duration: duration, buildID: buildID,
                          diagnostics: diagnostics))
    }

    private func address() throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        if name.contains(":") { return try sockaddr_in6.inet6(ip6: name, port: requestedPort) }
        return try sockaddr_in.inet(ip4: name, port: requestedPort)
    }
}
