import DecuongContent
import DecuongCore
@testable import DecuongSite
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `content/` as users leave it: files nobody may read, links out of the project, pipes,
/// names in NFD from a Mac. Each is a diagnostic naming the file, never a crash, a hang or
/// a silent gap in the site.
@Suite struct ContentFilesystemTests {
    static let isRoot = getuid() == 0

    func load(_ project: FixtureProject, access: ProjectFileAccess = .disk) -> ContentLoader.Result {
        ContentLoader(root: project.root, recognize: SiteBuilder.defaultRecognize, access: access).load()
    }

    /// A read that fails (injected: the suite runs as root, and root reads a file whatever
    /// its mode) is an error naming the file and the reason; the other documents still load.
    @Test func unreadableFileIsAnErrorNamingIt() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let denied = ProjectFileAccess(
            readFile: { url in
                if url.lastPathComponent == "de-cuong.md" { throw CocoaError(.fileReadNoPermission) }
                return try Data(contentsOf: url)
            },
            listFolder: ProjectFileAccess.disk.listFolder)
        let result = load(project, access: denied)
        let error = try #require(result.diagnostics.first { $0.code == "file.unreadable" })
        #expect(error.severity == .error)
        #expect(error.file == "content/ke-hoach-thu/de-cuong.md")
        #expect(error.message.contains("permission denied"), "\(error.message)")
        #expect(result.files.map(\.fileName).sorted() == ["huong-dan-7.md", "ke-hoach.md"])
    }

    /// The same with real permissions, where they apply.
    @Test(.enabled(if: !isRoot, "root reads files whatever their mode; unreadableFileIsAnErrorNamingIt injects the failure"))
    func chmodZeroFileFailsTheBuild() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let file = project.root.appendingPathComponent("content/ke-hoach-thu/de-cuong.md")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        let report = SiteBuilder(root: project.root).build(output: project.root.appendingPathComponent("site"))
        #expect(report.failed && !report.wrote)
        #expect(report.diagnostics.contains { $0.code == "file.unreadable" && $0.file == "content/ke-hoach-thu/de-cuong.md" })
    }

    /// A folder that cannot be listed was read as empty: its documents vanished silently.
    @Test func unreadableFolderIsAnErrorNamingIt() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let denied = ProjectFileAccess(
            readFile: ProjectFileAccess.disk.readFile,
            listFolder: { url in
                if url.lastPathComponent == "ke-hoach-thu" { throw CocoaError(.fileReadNoPermission) }
                return try FileManager.default.contentsOfDirectory(atPath: url.path)
            })
        let result = load(project, access: denied)
        let error = try #require(result.diagnostics.first { $0.code == "folder.unreadable" })
        #expect(error.severity == .error)
        #expect(error.file == "content/ke-hoach-thu")
        // The preview reloads one path at a time and must see the same error.
        let loader = ContentLoader(root: project.root, recognize: SiteBuilder.defaultRecognize, access: denied)
        #expect(loader.markdownFiles().contains(["ke-hoach-thu"]))
        #expect(loader.loadFile(["ke-hoach-thu"], config: SiteConfig()).1.map(\.code) == ["folder.unreadable"])
    }

    /// What cannot be read even as root: a link to nothing (was skipped without a word) and
    /// a named pipe (was opened, and the build waited for a writer for ever).
    @Test(.timeLimit(.minutes(1)))
    func brokenLinksAndPipesAreErrorsNotGapsOrHangs() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let content = project.root.appendingPathComponent("content")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("mat.md").path,
                                                   withDestinationPath: "da-xoa.md")
        let pipe = content.appendingPathComponent("ong.md")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        let report = SiteBuilder(root: project.root).build(output: project.root.appendingPathComponent("site"))
        #expect(report.failed && !report.wrote)
        let broken = try #require(report.diagnostics.first { $0.code == "file.broken-link" })
        #expect(broken.file == "content/mat.md")
        #expect(broken.message.contains("da-xoa.md"))
        let notAFile = try #require(report.diagnostics.first { $0.code == "file.not-a-file" })
        #expect(notAFile.file == "content/ong.md")
        #expect(notAFile.message.contains("named pipe"))
    }

    /// A link out of the project is refused, for a file and for a folder, in a build and in
    /// the preview; nothing of what it points to reaches the site.
    @Test func linkOutOfTheProjectIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("decuong-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = "KẾ HOẠCH\nmật khẩu bí mật của máy chủ\n\n1. Một.\n"
        try Data(secret.utf8).write(to: outside.appendingPathComponent("bi-mat.md"))
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let content = project.root.appendingPathComponent("content")
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("bi-mat.md"),
                                                   withDestinationURL: outside.appendingPathComponent("bi-mat.md"))
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("chung"), withDestinationURL: outside)

        let result = load(project)
        let refused = result.diagnostics.filter { $0.code == "file.link-outside" }
        #expect(Set(refused.compactMap(\.file)) == ["content/bi-mat.md", "content/chung"])
        #expect(refused.allSatisfy { $0.severity == .error && $0.message.contains(outside.lastPathComponent) })
        #expect(!result.files.contains { $0.source.path.hasSuffix("bi-mat.md") })
        #expect(!result.files.contains { $0.structure.allSections.contains { $0.title.contains("mật khẩu") } })
        let loader = ContentLoader(root: project.root, recognize: SiteBuilder.defaultRecognize)
        #expect(loader.loadFile(["bi-mat.md"], config: SiteConfig()).1.map(\.code) == ["file.link-outside"])
        #expect(loader.loadFile(["chung", "bi-mat.md"], config: SiteConfig()).1.map(\.code) == ["file.link-outside"])
        let report = SiteBuilder(root: project.root).build(output: project.root.appendingPathComponent("site"))
        #expect(report.failed && !report.wrote)
    }

    /// A large folder's names are classified on every core: the entries, their order and
    /// their problems are those of classifying them one by one, with twins, a link out of the
    /// project, a pipe, other files and a folder among them.
    @Test func aLargeFolderIsScannedAsOneByOne() throws {
        var files = Fixtures.project()
        for number in 0..<300 { files["content/lon/van-ban-\(number).md"] = "KẾ HOẠCH\nsố \(number)\n\n1. Một.\n" }
        files["content/lon/ghi-chú.md"] = "THÔNG BÁO\nmột\n"
        files["content/lon/anh.png"] = "không phải văn bản"
        files["content/lon/ben-trong/de-cuong.md"] = "ĐỀ CƯƠNG\nhai\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        let folder = project.root.appendingPathComponent("content").appendingPathComponent("lon")
        try Data("THÔNG BÁO\nhai\n".utf8).write(to: folder.appendingPathComponent("ghi-chú.md".decomposedStringWithCanonicalMapping))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("ra-ngoai.md"), withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        #expect(mkfifo(folder.appendingPathComponent("ong.md").path, 0o600) == 0)

        let contentURL = project.root.appendingPathComponent("content", isDirectory: true)
        let projectFiles = ProjectFiles(root: project.root, alsoAllowing: [contentURL], access: .disk)
        var serial = ContentTree(files: projectFiles, contentURL: contentURL)
        serial.parallelFrom = .max
        let parallel = ContentTree(files: projectFiles, contentURL: contentURL)
        let expected = serial.scan()
        #expect(expected.count > 300)
        #expect(Set(expected.compactMap(\.problem?.code)) == ["content.unicode-twins", "file.link-outside", "file.not-a-file"],
                "\(expected.compactMap(\.problem))")
        for _ in 0..<3 { #expect(parallel.scan() == expected) }
    }

    /// Inside the project a link is followed (one outline shared by two folders, say); a
    /// link to a folder that holds it is a warning, not an endless walk.
    @Test func linkInsideTheProjectIsFollowedAndLoopsAreNot() throws {
        var files = Fixtures.project()
        files["shared/de-cuong.md"] = files["content/ke-hoach-thu/de-cuong.md"]
        files["content/ke-hoach-thu/de-cuong.md"] = nil
        let project = try FixtureProject(files)
        defer { project.remove() }
        let bundle = project.root.appendingPathComponent("content/ke-hoach-thu")
        try FileManager.default.createSymbolicLink(atPath: bundle.appendingPathComponent("de-cuong.md").path,
                                                   withDestinationPath: "../../shared/de-cuong.md")
        try FileManager.default.createSymbolicLink(atPath: bundle.appendingPathComponent("vong").path, withDestinationPath: "..")
        let result = load(project)
        #expect(result.files.map(\.fileName).sorted() == ["de-cuong.md", "huong-dan-7.md", "ke-hoach.md"])
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let loop = try #require(result.diagnostics.first { $0.code == "file.link-loop" })
        #expect(loop.severity == .warning && loop.file == "content/ke-hoach-thu/vong")
    }

    static let composed = "kế-hoạch-thử"
    static let decomposed = composed.decomposedStringWithCanonicalMapping

    /// A bundle folder named in NFD is its NFC twin: same pages, NFC names in messages.
    @Test func nfdNamesAreTheirNFCTwins() throws {
        #expect(Array(Self.decomposed.unicodeScalars) != Array(Self.composed.unicodeScalars))
        func project(folder: String) throws -> FixtureProject {
            var files = Fixtures.project()
            files["content/\(folder)/ke-hoach.md"] = files.removeValue(forKey: "content/ke-hoach-thu/ke-hoach.md")
            files["content/\(folder)/de-cuong.md"] = files.removeValue(forKey: "content/ke-hoach-thu/de-cuong.md")
            return try FixtureProject(files)
        }
        let nfd = try project(folder: Self.decomposed)
        defer { nfd.remove() }
        let nfc = try project(folder: Self.composed)
        defer { nfc.remove() }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: nfd.root.appendingPathComponent("content").path)
        #expect(onDisk.contains { Array($0.unicodeScalars) == Array(Self.decomposed.unicodeScalars) }, "the file system kept NFD")

        let loaded = load(nfd)
        let bundles = loaded.files.compactMap(\.bundle)
        #expect(bundles.count == 2)
        #expect(bundles.allSatisfy { Array($0.unicodeScalars) == Array(Self.composed.unicodeScalars) })
        let paths = loaded.files.map(\.source.path)
        #expect(paths.allSatisfy { $0.unicodeScalars.elementsEqual($0.precomposedStringWithCanonicalMapping.unicodeScalars) })
        let (_, nfdSite, nfdDiagnostics) = nfd.render()
        let (_, nfcSite, _) = nfc.render()
        #expect(!nfdDiagnostics.contains { $0.severity == .error }, "\(nfdDiagnostics)")
        #expect(nfdSite.paths == nfcSite.paths)
        // The preview gets on-disk names back and can load them.
        let loader = ContentLoader(root: nfd.root, recognize: SiteBuilder.defaultRecognize)
        let listed = try #require(loader.markdownFiles().first { $0.count == 2 })
        #expect(loader.loadFile(listed, config: SiteConfig()).0 != nil)
    }

    /// Two names that differ only in Unicode form: an error naming both, and neither
    /// published (with different slugs, both used to become pages).
    @Test func unicodeTwinsAreAnErrorNamingBoth() throws {
        let nfcName = "ghi-chú.md"
        let nfdName = nfcName.decomposedStringWithCanonicalMapping
        var files = Fixtures.project()
        files["content/\(nfcName)"] = "---\nslug: ghi-chu-mot\n---\nTHÔNG BÁO\nmột\n\n1. Một.\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        try Data("---\nslug: ghi-chu-hai\n---\nTHÔNG BÁO\nhai\n\n1. Hai.\n".utf8)
            .write(to: project.root.appendingPathComponent("content").appendingPathComponent(nfdName))
        let names = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("content").path)
        #expect(names.filter { $0.precomposedStringWithCanonicalMapping == nfcName }.count == 2)

        let result = load(project)
        let twins = result.diagnostics.filter { $0.code == "content.unicode-twins" }
        #expect(twins.count == 1)
        let error = try #require(twins.first)
        #expect(error.severity == .error)
        #expect(error.message.contains("content/ghi-chú.md (NFC)") && error.message.contains("(NFD)"), "\(error.message)")
        #expect(!result.files.contains { $0.fileName.precomposedStringWithCanonicalMapping == nfcName })
        let loader = ContentLoader(root: project.root, recognize: SiteBuilder.defaultRecognize)
        #expect(loader.loadFile([nfdName], config: SiteConfig()).1.map(\.code) == ["content.unicode-twins"])
        let report = SiteBuilder(root: project.root).build(output: project.root.appendingPathComponent("site"))
        #expect(report.failed && !report.wrote)
    }

    /// Files read together (the preview's first build, a checkout that changes many files)
    /// are what reading each one alone gives: the same file and findings for twins, an
    /// unreadable file, ordinary documents, and a path that is not there.
    @Test func loadingTogetherEqualsLoadingEachFile() throws {
        let nfcName = "ghi-chú.md"
        var files = Fixtures.project()
        files["content/\(nfcName)"] = "THÔNG BÁO\nmột\n\n1. Một.\n"
        let project = try FixtureProject(files)
        defer { project.remove() }
        try Data("THÔNG BÁO\nhai\n\n1. Hai.\n".utf8)
            .write(to: project.root.appendingPathComponent("content").appendingPathComponent(nfcName.decomposedStringWithCanonicalMapping))
        let denied = ProjectFileAccess(
            readFile: { url in
                if url.lastPathComponent == "de-cuong.md" { throw CocoaError(.fileReadNoPermission) }
                return try Data(contentsOf: url)
            },
            listFolder: ProjectFileAccess.disk.listFolder)
        let loader = ContentLoader(root: project.root, recognize: SiteBuilder.defaultRecognize, access: denied)
        let (config, _) = loader.loadConfig()
        let paths = loader.markdownFiles()
        #expect(paths.count >= 5, "\(paths)")
        func alone(_ path: [String]) -> [AnyHashable] {
            let (file, diagnostics) = loader.loadFile(path, config: config)
            return [path, file, diagnostics]
        }
        func together(_ loaded: [ContentLoader.Loaded]) -> [[AnyHashable]] {
            loaded.map { [$0.components, $0.file, $0.diagnostics] }
        }
        let each = paths.map(alone)
        #expect(each.contains { ($0[2] as? [Diagnostic])?.contains { $0.code == "content.unicode-twins" } == true })
        #expect(each.contains { ($0[2] as? [Diagnostic])?.contains { $0.code == "file.unreadable" } == true })
        #expect(together(loader.loadEach(config: config)) == each)
        let some = [paths[paths.count - 1], ["khong-co.md"], paths[0]]
        #expect(together(loader.loadFiles(some, config: config)) == some.map(alone))
        #expect(together(loader.loadFiles([paths[1]], config: config)) == [alone(paths[1])])
    }

    /// `site.yml` follows the same rules: unreadable or linked out is an error, not
    /// "missing, using defaults".
    @Test func unreadableConfigIsAnErrorNotDefaults() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        let denied = ProjectFileAccess(
            readFile: { url in
                if url.lastPathComponent == "site.yml" { throw CocoaError(.fileReadNoPermission) }
                return try Data(contentsOf: url)
            },
            listFolder: ProjectFileAccess.disk.listFolder)
        let result = load(project, access: denied)
        #expect(result.diagnostics.contains { $0.code == "file.unreadable" && $0.file == "content/site.yml" })
        #expect(!result.diagnostics.contains { $0.code == "site.no-config" })
    }
}
