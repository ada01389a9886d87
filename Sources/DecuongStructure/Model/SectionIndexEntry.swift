/// Where a section sits in its document's tree (child indices from the top) and its display
/// number (`II.1.3`), kept by anchor in `StructuredDocument.sectionIndex`.
public struct SectionIndexEntry: Sendable, Hashable {
    public var path: [Int]
    public var displayNumber: String

    public init(path: [Int], displayNumber: String) {
        self.path = path
        self.displayNumber = displayNumber
    }
}
