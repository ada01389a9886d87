import ArgumentParser
import DecuongCore
import DecuongPreview
import Dispatch
import Foundation

/// `decuong serve`: the site from memory at http://127.0.0.1:8080/, rebuilt as files are
/// saved, with live reload and an error overlay. Writes nothing to disk.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: serve it from memory, rebuild on save, reload open pages."
    )

    @Option(name: .long, help: "The project folder (with content/). Default: the current folder.")
    var root: String = "."

    @Option(name: .long, help: "The address to listen on. Default: 127.0.0.1 (this computer only).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on; 0 picks a free one. Default: 8080.")
    var port: Int = 8080

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let rootURL = URL(fileURLWithPath: root)
        guard FileManager.default.fileExists(atPath: rootURL.appendingPathComponent("content").path) else {
            throw CommandFailure.usage("\(root) has no content/ folder; run decuong serve in a project (see `decuong init`)").exit()
        }
        let server = PreviewServer(root: rootURL, host: host, port: UInt16(port), onRebuild: Self.report)
        let boundPort: UInt16
        do {
            boundPort = try await server.start()
        } catch {
            throw CommandFailure.usage("cannot listen on \(host):\(port): \(error)"
                + " (is another server using the port? try --port 0)").exit()
        }
        for warning in server.watchWarnings {
            FileHandle.standardError.write(Data("warning: \(warning); edits there are not seen until a restart\n".utf8))
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        print("Serving \(root == "." ? "this project" : root) at http://\(shownHost):\(boundPort)/ (Ctrl-C to stop)")
        fflush(nil)  // all streams: `stdout` itself is not concurrency-safe to name

        // Ctrl-C (and a polite kill) stop the server and free the port before exiting.
        let stopped = AsyncStream<Int32>.makeStream()
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stopped.continuation.yield(signalNumber) }
            source.resume()
            sources.append(source)
        }
        for await _ in stopped.stream { break }
        for source in sources { source.cancel() }
        await server.stop()
        print("\nStopped; port \(boundPort) is free.")
    }

    /// One line per rebuild; the diagnostics when they changed to errors.
    @Sendable static func report(_ rebuild: PreviewServer.Rebuild) {
        let milliseconds = Double(rebuild.duration.components.attoseconds) / 1e15
            + Double(rebuild.duration.components.seconds) * 1000
        let time = String(format: "%.0f ms", milliseconds)
        let update = rebuild.update
        if !update.succeeded {
            let errors = rebuild.diagnostics.filter { $0.severity == .error }
            FileHandle.standardError.write(Data((DiagnosticFormatter().format(errors) + "\n").utf8))
            print("Build failed (\(errors.count) error\(errors.count == 1 ? "" : "s")); still serving the last good build; the pages show the errors")
        } else if rebuild.changedPaths.isEmpty {
            print("Ready: \(update.renderedFiles) files, rendered when first requested (\(time))")
        } else if update.changed, update.reloadedDocuments == 0 {
            // The second step of a quick update: the rest of the site, linked again.
            print("  site linked again: \(update.renderedFiles) more file\(update.renderedFiles == 1 ? "" : "s") to render, in \(time)")
        } else if update.changed {
            let names = rebuild.changedPaths.prefix(3).joined(separator: ", ") + (rebuild.changedPaths.count > 3 ? ", …" : "")
            print("\(names) changed: \(update.reloadedDocuments) document\(update.reloadedDocuments == 1 ? "" : "s") read, \(update.renderedFiles) file\(update.renderedFiles == 1 ? "" : "s") to render, in \(time); pages reloaded")
        }
        fflush(nil)  // all streams: `stdout` itself is not concurrency-safe to name
    }
}
