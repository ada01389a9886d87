/// Links found in a text run at render time, for `HTMLRenderer.renderBytes(_:links:)`:
/// rendering a run as if it had been split into text and links, without rebuilding the tree
/// (document pages rebuilt every section's tree to link its citations, then freed it).
public protocol TextLinks {
    /// The links in the text run whose UTF-8 is `text`: byte ranges of it (at scalar
    /// boundaries, in order, not overlapping) and each one's destination. Empty when there
    /// are none.
    func links(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, destination: String)]
}
