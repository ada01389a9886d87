@testable import DecuongBundle
import DecuongCore
import DecuongSite
import Foundation
import Testing

/// `decuong bundle`: same bytes for the same input, a manifest of every file, one-document
/// bundles without broken links, single-file documents with nothing outside them.
@Suite struct BundleTests {
    static let key = SigningKey(signer: "Ban Tổ chức Thành ủy Cần Thơ")

    func bundle(document: String? = nil, signed: Bool = false, singleFile: Bool = false) throws -> BundleBuilder.Output {
        let builder = BundleBuilder(root: Repo.root, document: document, signingKey: signed ? Self.key : nil, singleFile: singleFile)
        return try builder.bundle(site: Seed.site, rendered: Seed.rendered, zipName: "ke-hoach.zip")
    }

    @Test func twoBundlesAreByteIdentical() throws {
        let first = try bundle(signed: true, singleFile: true)
        let second = try bundle(signed: true, singleFile: true)
        #expect(first.zip == second.zip)
        // And through the whole pipeline, from disk, on different dates (the date only names the file).
        let a = try BundleBuilder(root: Repo.root).build(date: Date(timeIntervalSince1970: 0))
        let b = try BundleBuilder(root: Repo.root).build(date: Date())
        #expect(a.zip == b.zip)
    }

    @Test func bundleHoldsTheSiteAndAManifestOfEveryFile() throws {
        let output = try bundle()
        for path in Seed.rendered.paths { #expect(output.files[path] == Seed.rendered.files[path], "\(path)") }
        let manifestBytes = try #require(output.files["MANIFEST.sha256"])
        let manifest = try #require(Manifest.parse(String(decoding: manifestBytes, as: UTF8.self)))
        #expect(Set(manifest.entries.keys) == Set(output.files.keys).subtracting(["MANIFEST.sha256"]))
        for (path, hash) in manifest.entries { #expect(Manifest.hash(output.files[path] ?? []) == hash) }
        #expect(output.files["xac-thuc.html"] != nil)
        // The zip holds exactly these files.
        let unzipped = try SafeZipReader(displayName: "test.zip").read(output.zip)
        #expect(unzipped == output.files)
    }

    @Test func suggestedNameIsSiteAndDate() throws {
        let date = try #require(Calendar(identifier: .gregorian).date(from: DateComponents(year: 2024, month: 3, day: 9, hour: 12)))
        let name = BundleBuilder.suggestedName(site: Seed.site, document: nil, date: date)
        #expect(name.hasPrefix("thong-tin-tuyen-truyen-ve-cong-tac-xay-dung-dang") && name.hasSuffix("-2024-03-09.zip"))
        #expect(BundleBuilder.suggestedName(site: Seed.site, document: "ke-hoach-2023", date: date) == "ke-hoach-2023-2024-03-09.zip")
    }

    @Test func oneDocumentBundleHasItsPagesIndexEntriesAndNoBrokenLinks() throws {
        let output = try bundle(document: "ke-hoach-2023")
        let files = output.files
        #expect(files["ke-hoach-2023/index.html"] != nil && files["ke-hoach-2023/ii-1-3.html"] != nil)
        #expect(files["ke-hoach-2023-de-cuong/index.html"] != nil, "attachments come along")
        #expect(files["tim-kiem.html"] != nil && files["assets/search.js"] != nil && files["assets/style.css"] != nil)
        #expect(files["van-ban/index.html"] == nil && files["chu-de/index.html"] == nil)
        let site = RenderedSite(files: files)
        let problems = LinkChecker().check(site)
        #expect(problems.isEmpty, "\(problems.map { "\($0.page) → \($0.link)" })")
        // The citation link to van-ban/ became text, the words are still there.
        let page = try #require(site.text("ke-hoach-2023/index.html"))
        #expect(page.contains("<span class=\"unlinked\">35-NQ/TW</span>"))
        // The index only has records of the pages in the bundle (a section's record names
        // its anchor; its page is its document's).
        let index = String(decoding: try #require(files["search/index.js"]), as: UTF8.self)
        #expect(index.contains("\"ke-hoach-2023/index.html\"") && index.contains("\"#ii-1-3\"") && !index.contains("van-ban/"))
        #expect(throws: BundleBuilder.Failure.self) { try bundle(document: "khong-co") }
    }

    @Test func singleFileDocumentsNeedNothingElse() throws {
        let output = try bundle(singleFile: true)
        #expect(output.singleFiles.keys.sorted() == ["ke-hoach-2023-de-cuong.html", "ke-hoach-2023.html"])
        for (name, bytes) in output.singleFiles {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(output.files["mot-tep/\(name)"] == bytes)
            #expect(html.contains("<style>") && html.contains("<style media=\"print\">"))
            #expect(!html.contains("<link ") && !html.contains(" src=") && !html.contains("<script"), "\(name)")
            for link in Self.hrefs(html) {
                let external = link.hasPrefix("#") || link.hasPrefix("http://") || link.hasPrefix("https://")
                    || link.hasPrefix("mailto:") || output.singleFiles[link.split(separator: "#").first.map(String.init) ?? ""] != nil
                #expect(external, "\(name) links to \(link), which is not in the file")
            }
        }
        let plan = String(decoding: try #require(output.singleFiles["ke-hoach-2023.html"]), as: UTF8.self)
        #expect(plan.contains("href=\"#ii-1-3\"") && plan.contains("href=\"ke-hoach-2023-de-cuong.html\""))
    }

    static func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test func verificationPageNamesSignerFingerprintAndHowToVerify() throws {
        let output = try bundle(signed: true)
        let page = String(decoding: try #require(output.files["xac-thuc.html"]), as: UTF8.self)
        #expect(page.contains("Ban Tổ chức Thành ủy Cần Thơ"))
        #expect(page.contains(Self.key.publicKey.fingerprint))
        #expect(page.contains("decuong verify goi-van-ban.zip --key decuong.pub") && page.contains("sha256sum -c MANIFEST.sha256"))
        #expect(page.contains("lang=\"vi\""))
        #expect(output.files["decuong.pub"] != nil && output.files["MANIFEST.sha256.sig"] != nil)
    }
}
