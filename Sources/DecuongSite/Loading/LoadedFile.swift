import DecuongContent
import DecuongStructure

/// One content file after loading and recognition, with where it sits in `content/`.
public struct LoadedFile: Sendable, Hashable {
    /// The file's path, front matter and findings. Its `body` is empty: the text is dropped
    /// once recognized, since the structure holds everything the site publishes.
    public var source: SourceFile
    public var structure: StructuredDocument
    /// The bundle folder relative to `content/` (`ke-hoach-2023`), nil for a standalone file.
    public var bundle: String?
    /// The file name (`ke-hoach.md`).
    public var fileName: String

    public init(source: SourceFile, structure: StructuredDocument, bundle: String?, fileName: String) {
        self.source = source
        self.structure = structure
        self.bundle = bundle
        self.fileName = fileName
    }

    /// The file name without `.md`.
    public var stem: String {
        fileName.lowercased().hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
    }
}
