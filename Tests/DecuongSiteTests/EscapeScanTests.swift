@testable import DecuongSite
import Testing

/// The fast renderer skips eight bytes at a time that need no escaping; the word test must
/// find every `<`, `>`, `&`, `"` and `'`, and nothing else.
struct EscapeScanTests {
    @Test func wordTestIsExact() {
        var generator = SeededGenerator(seed: 31)
        let near: [UInt8] = [0x21, 0x22, 0x23, 0x25, 0x26, 0x27, 0x28, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x00, 0xFF, 0x80, 0xA6, 0xBC]
        for _ in 0..<100_000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator) ? near.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator)
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = bytes.contains { [0x3C, 0x3E, 0x26, 0x22, 0x27].contains($0) }
            #expect(TemplateRenderer.mayNeedEscape(word) == expected, "\(bytes)")
            #expect(TemplateRenderer.referenceMayNeedEscape(word) == expected, "\(bytes)")
        }
    }
}
