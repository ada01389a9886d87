import DecuongCore
import DecuongSite
import Foundation

/// The library API behind `decuong bundle`: renders the site in memory (the same files
/// `decuong build` writes), optionally keeps one document, adds the verification page, the
/// manifest and the signature, and zips it all deterministically.
public struct BundleBuilder: Sendable {
    public var root: URL
    /// Keep only this document (a slug) with its attachments, theme pages and search entries.
    public var document: String?
    public var signingKey: SigningKey?
    /// Also write each document as one self-contained HTML file.
    public var singleFile: Bool
    public var baseURL: String?

    public init(root: URL, document: String? = nil, signingKey: SigningKey? = nil, singleFile: Bool = false,
                baseURL: String? = nil) {
        self.root = root
        self.document = document
        self.signingKey = signingKey
        self.singleFile = singleFile
        self.baseURL = baseURL
    }

    public static let manifestPath = "MANIFEST.sha256"

    public struct Output: Sendable {
        /// The zip's bytes.
        public var zip: [UInt8]
        /// The files inside the zip.
        public var files: [String: [UInt8]]
        /// With `singleFile`: file name → one self-contained page per document.
        public var singleFiles: [String: [UInt8]]
        public var suggestedName: String
        public var diagnostics: [Diagnostic]
    }

    public enum Failure: Error, Sendable {
        /// The content has errors: nothing was bundled.
        case content([Diagnostic])
        /// `--document` names no document.
        case usage(Diagnostic)
        case other(Diagnostic)
    }

    /// `date` only names the file; the bytes inside never depend on it.
    public func build(date: Date = Date(), zipName: String? = nil) throws(Failure) -> Output {
        let builder = SiteBuilder(root: root)
        let site = builder.loadSite()
        guard !site.hasErrors else { throw .content(site.diagnostics) }
        let rendered = builder.render(site, baseURL: baseURL)
        guard !rendered.diagnostics.contains(where: { $0.severity == .error }) else {
            throw .content(site.diagnostics + rendered.diagnostics)
        }
        let name = zipName ?? Self.suggestedName(site: site, document: document, date: date)
        var output = try bundle(site: site, rendered: rendered.site, zipName: name)
        output.diagnostics = site.diagnostics + rendered.diagnostics
        return output
    }

    /// Everything after rendering, callable from tests with a site made in memory.
    public func bundle(site: Site, rendered: RenderedSite, zipName: String) throws(Failure) -> Output {
        var files = rendered.files
        var documents = site.allDocuments
        if let slug = document {
            guard let chosen = site.document(slug) else {
                let known = site.allDocuments.map(\.slug).joined(separator: ", ")
                throw .usage(.error("bundle.unknown-document", "there is no document `\(slug)`",
                                    hint: known.isEmpty ? "content/ has no documents" : "choose one of: \(known)"))
            }
            documents = [chosen] + chosen.attachments.compactMap { site.document($0) }
            files = DocumentSelection(site: site, documents: documents).select(from: rendered)
        }
        var singleFiles: [String: [UInt8]] = [:]
        if singleFile {
            singleFiles = singleFilePages(documents, files: files)
            for (name, bytes) in singleFiles { files["\(SingleFileDocument.folder)/\(name)"] = bytes }
        }
        let publicKey = signingKey.map { key in
            var copy = key.publicKey
            if copy.signer.isEmpty { copy.signer = site.config.organizations.first ?? "" }
            return copy
        }
        if let publicKey { files[SigningKey.publicFileName] = Array(publicKey.fileText.utf8) }
        let page = VerificationPage(english: site.config.language.rawValue == "en", siteTitle: site.config.title,
                                    signature: publicKey, fileCount: files.count + 1,
                                    hasHome: files["index.html"] != nil)
        files[VerificationPage.path] = Array(page.html().utf8)

        let manifest = Array(Manifest(files: files).text.utf8)
        files[Self.manifestPath] = manifest
        if let signingKey {
            var key = signingKey
            if let publicKey { key.signer = publicKey.signer }
            do {
                files[BundleSignature.fileName] = Array(try BundleSignature(signing: manifest, with: key).fileText.utf8)
            } catch {
                throw .other(error.diagnostic)
            }
        }
        do {
            let zip = try ZipWriter().archive(files)
            return Output(zip: zip, files: files, singleFiles: singleFiles, suggestedName: zipName, diagnostics: [])
        } catch {
            throw .other(error.diagnostic)
        }
    }

    private func singleFilePages(_ documents: [SiteDocument], files: [String: [UInt8]]) -> [String: [UInt8]] {
        let text = { (path: String) in files[path].map { String(decoding: $0, as: UTF8.self) } ?? "" }
        var names: [String: String] = [:]
        for document in documents { names["\(document.slug)/index.html"] = "\(document.slug).html" }
        var out: [String: [UInt8]] = [:]
        for (pagePath, name) in names {
            let page = SingleFileDocument(pagePath: pagePath, html: text(pagePath), styles: text("assets/style.css"),
                                          printStyles: text("assets/print.css"), singleFiles: names)
            out[name] = Array(page.render().utf8)
        }
        return out
    }

    /// `<site or document slug>-<YYYY-MM-DD>.zip`, the date in the local calendar.
    public static func suggestedName(site: Site, document: String?, date: Date) -> String {
        let base = document ?? Slug.make(site.config.title, maxLength: 60)
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return "\(base.isEmpty ? "decuong" : base)-\(day).zip"
    }
}
