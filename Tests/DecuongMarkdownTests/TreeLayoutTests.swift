import Testing
import DecuongMarkdown

/// A site holds hundreds of thousands of blocks and inlines; the boxed enum cases keep
/// each one small. A new unboxed case with a large payload would grow every one of them.
@Suite struct TreeLayoutTests {
    @Test func blocksAndInlinesStaySmall() {
        #expect(MemoryLayout<Block>.stride <= 56)
        #expect(MemoryLayout<Inline>.stride <= 56)
        #expect(MemoryLayout<ListItem>.stride <= 40)
    }
}
