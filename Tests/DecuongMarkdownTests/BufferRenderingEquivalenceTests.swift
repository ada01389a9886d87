@testable import DecuongMarkdown
import Testing

/// `HTMLRenderer.render(_:links:into:)` writes at the end of a caller's buffer what
/// `renderBytes(_:links:)` returns as an array of its own, whatever the buffer already holds
/// (a first block starts no line after it): checked on every example of the suites, in every
/// raw-HTML mode, with links and without, after prefixes that do and do not end a line.
@Suite struct BufferRenderingEquivalenceTests {
    /// Links every run of ASCII digits, as a citation linker links numbers.
    struct DigitLinks: TextLinks {
        func links(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, destination: String)] {
            var found: [(range: Range<Int>, destination: String)] = []
            let bytes = Array(text)
            var index = 0
            while index < bytes.count {
                guard bytes[index] &- 0x30 < 10 else {
                    index += 1
                    continue
                }
                let start = index
                while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
                found.append((start..<index, "so/\(String(decoding: bytes[start..<index], as: UTF8.self))&x=\"1\".html"))
            }
            return found
        }
    }

    struct NoLinks: TextLinks {
        func links(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, destination: String)] { [] }
    }

    static let prefixes: [[UInt8]] = ["", "x", "<p>\n", "a\r", "\n", "trước đó "].map { Array($0.utf8) }

    /// The bytes `render(into:)` adds after `prefix`, in a buffer that starts small enough to grow.
    static func written(after prefix: [UInt8], _ render: (inout HTMLBuffer) -> Void) -> [UInt8] {
        var buffer = HTMLBuffer(capacity: 1)
        defer { buffer.free() }
        buffer.append(prefix)
        render(&buffer)
        return buffer.withBytes { Array($0) }
    }

    static func check(_ blocks: [Block], _ renderer: HTMLRenderer, links: some TextLinks) -> Int {
        var checked = 0
        let whole = renderer.renderBytes(blocks, links: links)
        for prefix in prefixes {
            #expect(written(after: prefix) { renderer.render(blocks, links: links, into: &$0) } == prefix + whole)
            checked += 1
        }
        for block in blocks {
            guard let inlines = block.inlines else { continue }
            let lead = renderer.renderBytes(inlines: inlines, links: links)
            for prefix in prefixes {
                #expect(written(after: prefix) { renderer.render(inlines: inlines, links: links, into: &$0) } == prefix + lead)
            }
            checked += 1
        }
        return checked
    }

    @Test(arguments: ["spec.txt", "extensions.txt", "regression.txt"])
    func suites(file: String) throws {
        let examples = try SpecExample.load(file)
        let parser = MarkdownParser()
        var checked = 0
        for rawHTML in [HTMLRenderer.RawHTML.omit, .allow(tagFilter: true), .allow(tagFilter: false)] {
            let renderer = HTMLRenderer(rawHTML: rawHTML)
            for example in examples {
                let blocks = parser.parse(example.markdown).blocks
                checked += Self.check(blocks, renderer, links: DigitLinks())
                checked += Self.check(blocks, renderer, links: NoLinks())
            }
        }
        #expect(checked > 500)
    }

    /// The buffer itself: appends of every kind, growth from the smallest capacity, removal.
    @Test func bufferAgreesWithAnArray() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var buffer = HTMLBuffer(capacity: Int.random(in: 0...80, using: &generator))
            var reference: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let bytes = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                switch Int.random(in: 0...4, using: &generator) {
                case 0: buffer.append(bytes)
                case 1: bytes.withUnsafeBufferPointer { buffer.append($0) }
                case 2: buffer.append(contentsOf: bytes.lazy.map { $0 })
                case 3:
                    for byte in bytes { buffer.append(byte) }
                default:
                    let removed = Int.random(in: 0...reference.count, using: &generator)
                    buffer.removeLast(removed)
                    reference.removeLast(removed)
                    continue
                }
                reference += bytes
            }
            #expect(buffer.count == reference.count)
            #expect(buffer.withBytes { Array($0) } == reference)
            if let last = reference.indices.last { #expect(buffer[last] == reference[last]) }
            buffer.free()
        }
    }
}
