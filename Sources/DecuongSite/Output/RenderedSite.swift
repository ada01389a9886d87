/// The rendered site: file paths from the site root and their bytes. Rendering stops here;
/// a sink (folder, zip, preview server) decides where the bytes go.
public struct RenderedSite: Sendable, Hashable {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    /// Paths in byte order, the order every sink writes them in.
    public var paths: [String] { files.keys.sorted() }

    /// The HTML pages.
    public var pages: [String] { paths.filter { $0.hasSuffix(".html") } }

    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
