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
/// The second half of a quick update (linking the site again) runs on a queue of its own, on
/// a copy of the build, so that the next save is not kept waiting for it.
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

    private let builder: Mutex<VersionedBuilder>
    /// Links the site again after a quick update, one at a time, off the watcher's thread.
    private let linking = DispatchQueue(label: "decuong.preview.link")
    private let stopped = Mutex(false)
    private let current = Mutex(SiteSnapshot())
    private let hub = ReloadHub()
    private let watcher: FileWatcher
    /// Differs between runs, so a page open across a restart sees a new build id and reloads.
    private let session: String
    private let generation = Mutex(0)
    private let running = Mutex<Running?>(nil)
    private let onRebuild: @Sendable (Rebuild) -> Void

    /// The build and a count of its changes, so that a link made on a copy is kept only
    /// when nothing changed the build meanwhile.
    private struct VersionedBuilder: Sendable {
        var builder: IncrementalBuilder
        var version = 0
    }

    private struct Running: Sendable {
        var server: HTTPServer
        var task: Task<Void, any Error>
        var pinger: Task<Void, Never>
    }

    /// Called on the linking queue once a background link has taken its copy of the build,
    /// before it links: tests hold a link there to save again meanwhile.
    private let willLink: @Sendable () -> Void

    public convenience init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8080,
                            debounce: Duration = .milliseconds(15),
                            onRebuild: @escaping @Sendable (Rebuild) -> Void = { _ in }) {
        self.init(root: root, host: host, port: port, debounce: debounce, onRebuild: onRebuild, willLink: {})
    }

    init(root: URL, host: String, port: UInt16, debounce: Duration,
         onRebuild: @escaping @Sendable (Rebuild) -> Void, willLink: @escaping @Sendable () -> Void) {
        self.willLink = willLink
        self.root = root.standardizedFileURL
        self.host = host
        self.requestedPort = port
        self.builder = Mutex(VersionedBuilder(builder: IncrementalBuilder(root: self.root)))
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
        stopped.withLock { $0 = true }
        hub.close()
        guard let running = running.withLock({ state in defer { state = nil }; return state }) else { return }
        running.pinger.cancel()
        await running.server.stop(timeout: 1)
        running.task.cancel()
        _ = await running.task.result
    }

    /// Rebuilds after the paths changed (everything when nil) and, when the output or the
    /// diagnostics changed, publishes the new snapshot and then tells pages to reload.
    /// Runs on the calling thread: the watcher's, or a test's. Snapshots are published while
    /// the build is locked, so they follow the build's order.
    public func apply(changedPaths: [String]?) {
        let clock = ContinuousClock()
        let started = clock.now
        // A save that changes only its own page is published in two steps: that page first
        // (no linking), then the rest once the site is linked again, in the background.
        if let changedPaths {
            let quick = builder.withLock { state -> (published: Bool, replaced: SiteSnapshot?) in
                guard let update = state.builder.updateQuickly(changedPaths: changedPaths) else { return (false, nil) }
                state.version += 1
                return (true, publish(update, site: state.builder.current, diagnostics: state.builder.diagnostics,
                                      isFirst: false, changedPaths: changedPaths, duration: clock.now - started))
            }
            if quick.published {
                linkInBackground(changedPaths: changedPaths)
                return
            }
        }
        let replaced = builder.withLock { state in
            let update = changedPaths.map { state.builder.update(changedPaths: $0) } ?? state.builder.rebuild()
            state.version += 1
            return publish(update, site: state.builder.current, diagnostics: state.builder.diagnostics,
                           isFirst: changedPaths == nil, changedPaths: changedPaths ?? [], duration: clock.now - started)
        }
        withExtendedLifetime(replaced) {}
    }

    /// Links the site again after a quick update, on a copy of the build and without holding
    /// its lock: linking a thousand documents takes longer than an editor's autosave interval,
    /// and a save that arrived meanwhile waited for it (85 ms from save to page served at
    /// 1,000 documents instead of 34). The copy is kept only if the build did not change
    /// while it was linked; a save that came in meanwhile queued a link of its own.
    private func linkInBackground(changedPaths: [String]) {
        linking.async { [self] in
            guard !stopped.withLock({ $0 }) else { return }
            let clock = ContinuousClock()
            let started = clock.now
            let (copy, version) = builder.withLock { ($0.builder, $0.version) }
            guard copy.isAwaitingLink else { return }
            willLink()
            var linked = copy
            let update = linked.finishUpdate()
            let replaced = builder.withLock { state -> (IncrementalBuilder, SiteSnapshot?)? in
                guard state.version == version, !stopped.withLock({ $0 }) else { return nil }
                let before = state.builder
                state.builder = linked
                state.version += 1
                return (before, publish(update, site: linked.current, diagnostics: linked.diagnostics, isFirst: false,
                                        changedPaths: changedPaths, duration: clock.now - started))
            }
            withExtendedLifetime(replaced) {}
        }
    }

    /// Replaces the snapshot when the build changed and tells the pages it changed to reload
    /// (every page when the errors changed, since the overlay is on every page).
    /// Returns the snapshot it replaced, for the caller to let go of once no lock is held:
    /// the last reference to a site of 10,000 documents takes a while to free, and the
    /// server's requests wait on the snapshot's lock.
    private func publish(_ update: IncrementalBuilder.Update, site: LazyRenderedSite?, diagnostics: [Diagnostic],
                         isFirst: Bool, changedPaths: [String], duration: Duration) -> SiteSnapshot? {
        var buildID = current.withLock { $0.buildID }
        var replaced: SiteSnapshot?
        if update.changed || isFirst {
            let number = generation.withLock { value in
                value += 1
                return value
            }
            buildID = "\(session)-\(number)"
            replaced = current.withLock { snapshot in
                let before = snapshot
                snapshot = SiteSnapshot(site: site, diagnostics: diagnostics,
                                        hasBuild: snapshot.hasBuild || update.succeeded, buildID: buildID)
                return before
            }
            let errorsBefore = replaced?.errors ?? []
            let errorsNow = diagnostics.filter { $0.severity == .error }
            let targeted = errorsBefore == errorsNow && update.removedFiles == 0 && update.renderedPaths.count <= 1000
            if !isFirst { hub.reload(buildID: buildID, pages: targeted ? update.renderedPaths : nil) }
        }
        onRebuild(Rebuild(update: update, changedPaths: changedPaths, duration: duration, buildID: buildID,
                          diagnostics: diagnostics))
        return replaced
    }

    private func address() throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        if name.contains(":") { return try sockaddr_in6.inet6(ip6: name, port: requestedPort) }
        return try sockaddr_in.inet(ip4: name, port: requestedPort)
    }
}
