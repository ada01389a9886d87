/// What `verify` accepts before it reads an archive's contents: a bundle of a big site has a
/// few thousand small files; anything far beyond that is broken or hostile (a zip bomb).
public struct BundleLimits: Sendable, Hashable {
    public var maxEntries: Int
    /// The archive file itself.
    public var maxArchiveBytes: Int
    /// One file, decompressed.
    public var maxEntryBytes: UInt64
    /// All files together, decompressed.
    public var maxTotalBytes: UInt64
    /// Decompressed size over compressed size, checked for files larger than `ratioFloor`
    /// (small files of repeated text compress well and are harmless).
    public var maxRatio: UInt64
    public var ratioFloor: UInt64

    public init(maxEntries: Int = 50_000, maxArchiveBytes: Int = 1 << 30, maxEntryBytes: UInt64 = 256 << 20,
                maxTotalBytes: UInt64 = 1 << 30, maxRatio: UInt64 = 200, ratioFloor: UInt64 = 1 << 20) {
        self.maxEntries = maxEntries
        self.maxArchiveBytes = maxArchiveBytes
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioFloor = ratioFloor
    }

    public static let standard = BundleLimits()
}
