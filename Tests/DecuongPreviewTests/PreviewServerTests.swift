import DecuongCore
@testable import DecuongPreview
import DecuongSite
import Foundation
import Synchronization
import Testing

/// The server in-process on a free port, against a copy of the repository's content. Every
/// wait polls for a condition with a generous limit; nothing asserts how long anything took.
@Suite(.serialized) struct PreviewServerTests {
    /// Starts a server on port 0 for the body, then stops it and removes the project.
    func withServer(_ body: (TemporaryProject, PreviewServer, UInt16) async throws -> Void) async throws {
        let project = try TemporaryProject()
        let server = PreviewServer(root: project.root, port: 0)
        let port = try await server.start()
        do {
            try await body(project, server, port)
        } catch {
            await server.stop()
            project.remove()
            throw error
        }
        await server.stop()
        project.remove()
    }

    @Test func servesPagesWithTheirContentTypes() async throws {
        try await withServer { _, _, port in
            #expect(port != 0)
            let home = try await RawHTTP.get(port: port, target: "/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("<html lang=\"vi\""))
            #expect(home.body.contains(PreviewInjection.eventsPath), "served pages carry the live-reload script")

            let document = try await RawHTTP.get(port: port, target: "/ke-hoach-2023/")
            #expect(document.status == 200)
            #expect(document.body.contains("NỘI DUNG TUYÊN TRUYỀN"))
            let theme = try await RawHTTP.get(port: port, target: "/ke-hoach-2023/ii-1-3.html")
            #expect(theme.status == 200)

            let folder = try await RawHTTP.get(port: port, target: "/ke-hoach-2023")
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/ke-hoach-2023/")

            let css = try await RawHTTP.get(port: port, target: "/assets/style.css")
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.body.contains(PreviewInjection.eventsPath))

            let missing = try await RawHTTP.get(port: port, target: "/khong-co/trang.html")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.body.contains("page-not-found"), "the site's own 404 page")

            let head = try await RawHTTP.get(port: port, target: "/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
        }
    }

    @Test func rejectsPathsThatLeaveTheSite() async throws {
        try await withServer { project, _, port in
            let secret = try project.read("content/site.yml")
            let attempts = [
                "/../content/site.yml", "/ke-hoach-2023/../../content/site.yml", "/%2e%2e/content/site.yml",
                "/%2E%2E/%2e%2E/content/site.yml", "/assets/..%2f..%2fcontent%2fsite.yml", "/..\\content\\site.yml",
                "/assets%5c..%5c..%5ccontent%5csite.yml", "/index.html%00.css", "/./index.html", "//etc/passwd",
                "/.%2e/content/site.yml",
            ]
            for target in attempts {
                let response = try await RawHTTP.get(port: port, target: target)
                #expect(response.status == 400 || response.status == 404, "\(target) gave \(response.status)")
                #expect(!response.body.contains("organizations:"), "\(target) leaked a file")
                #expect(!response.body.contains(secret))
            }
        }
    }

    @Test func anEditSendsReloadAndTheNewTextIsServed() async throws {
        try await withServer { project, server, port in
            let events = try EventListener(port: port)
            defer { events.close() }
            #expect(await eventually { events.count(of: "hello") == 1 })
            #expect(await eventually { server.liveReloadClients == 1 })
            let path = "content/ke-hoach-2023/ke-hoach.md"
            let text = try project.read(path)
            try project.writeAtomically(path, text.replacingOccurrences(
                of: "2.2. Tiếp tục đổi mới, hoàn thiện", with: "2.2. Tiếp tục đổi mới triệt để, hoàn thiện"))
            #expect(await eventually { events.count(of: "reload") >= 1 }, "no reload event: \(events.text)")
            // The reload is sent after the new build is in place: the page already has the text.
            let page = try await RawHTTP.get(port: port, target: "/ke-hoach-2023/ii-2-2.html")
            #expect(page.body.contains("đổi mới triệt để"))
            #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site").path),
                    "serving writes nothing to disk")

            // A new document in a new folder is picked up too.
            try project.write("content/thong-bao-9/thong-bao.md", "THÔNG BÁO\nvề lịch họp tháng 9\n\nNội dung thông báo mới.\n")
            #expect(try await eventually {
                try await RawHTTP.get(port: port, target: "/").body.contains("lịch họp tháng 9")
            })
        }
    }

    @Test func aTemplateErrorShowsTheOverlayUntilFixed() async throws {
        try await withServer { project, _, port in
            let events = try EventListener(port: port)
            defer { events.close() }
            #expect(await eventually { events.count(of: "hello") == 1 })
            let layout = try String(contentsOf: TemporaryProject.repositoryRoot.appendingPathComponent("templates/layout.mustache"),
                                    encoding: .utf8)
            try project.write("templates/layout.mustache", layout + "\n{{#unclosed}}\n")
            #expect(await eventually {
                let page = try? await RawHTTP.get(port: port, target: "/ke-hoach-2023/")
                return page?.body.contains(PreviewInjection.overlayID) == true
            })
            let page = try await RawHTTP.get(port: port, target: "/ke-hoach-2023/")
            #expect(page.status == 200, "the last good build is still served")
            #expect(page.body.contains("NỘI DUNG TUYÊN TRUYỀN"))
            #expect(page.body.contains("templates/layout.mustache:"), "file:line:column as the CLI prints it")
            #expect(page.body.contains("[template.syntax]"))
            #expect(await eventually { events.count(of: "reload") >= 1 })

            try project.delete("templates/layout.mustache")
            #expect(await eventually {
                let page = try? await RawHTTP.get(port: port, target: "/ke-hoach-2023/")
                return page.map { $0.status == 200 && !$0.body.contains(PreviewInjection.overlayID) } == true
            })
            #expect(await eventually { events.count(of: "reload") >= 2 })
        }
    }

    @Test func aSaveDuringALinkIsServedAtOnceAndTheStaleLinkIsDropped() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        // The first background link is held once it has copied the build, until released.
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let holds = Mutex(1)
        let server = PreviewServer(root: project.root, host: "127.0.0.1", port: 0, debounce: .milliseconds(15),
                                   onRebuild: { _ in }, willLink: {
            guard holds.withLock({ count in defer { count -= 1 }; return count > 0 }) else { return }
            held.signal()
            release.wait()
        })
        let port = try await server.start()
        defer { release.signal() }
        let path = "content/ke-hoach-2023/ke-hoach.md"
        let original = try project.read(path)
        // Body edits that change only the document's page (theme 2.4 shows the sentence too).
        func save(_ round: Int) throws {
            try project.writeAtomically(path, original.replacingOccurrences(
                of: "Tăng cường công khai, minh bạch", with: "Tăng cường công khai lần \(round), minh bạch"))
        }
        func served(_ target: String, _ text: String) async -> Bool {
            (try? await RawHTTP.get(port: port, target: target).body.contains(text)) == true
        }
        try save(1)
        #expect(await eventually { held.wait(timeout: .now()) == .success }, "the first save's link did not start")
        try save(2)
        #expect(await eventually { await served("/ke-hoach-2023/", "công khai lần 2") },
                "the second save waited for the first save's link")
        release.signal()
        let expected = project.fullBuild().0
        #expect(await eventually { server.snapshot.site?.materialized() == expected },
                "the served site differs from a full build after the saves")
        #expect(await served("/ke-hoach-2023/ii-2-4.html", "công khai lần 2"), "the theme page shows the last save")
        await server.stop()
    }

    @Test func stopFreesThePort() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let first = PreviewServer(root: project.root, port: 0)
        let port = try await first.start()
        await first.stop()
        let second = PreviewServer(root: project.root, port: port)
        #expect(try await second.start() == port)
        await second.stop()
    }
}
