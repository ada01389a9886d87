import Foundation
import Testing
@testable import DecuongCore

/// `CanonicalForms` skips Foundation's normalizer for text it can vouch for; these compare it
/// with Foundation scalar by scalar and on mixed text.
struct CanonicalFormsTests {
    @Test func decompositionOfEveryLatinScalarIsFoundations() {
        for value in UInt32(0x80)...0x24F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(scalar)b"
            #expect(CanonicalForms.nfdScalars(text) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars),
                    "U+\(String(value, radix: 16))")
        }
        for value in UInt32(0x1E00)...0x1EFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)\(scalar)"
            #expect(CanonicalForms.nfdScalars(text) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars),
                    "U+\(String(value, radix: 16))")
        }
    }

    @Test func mixedTextMatchesFoundation() {
        let samples = [
            "Nghị quyết số 35-NQ/TW", "Thủy lợi, hoà bình, Đảng", "e\u{0323}\u{0302} combining", "Ω Å ﬁ 한국어",
            "tiếng Việt với dấu thanh\u{0301}", "", "ASCII only", "Ðà Nẵng ð",
        ]
        for text in samples {
            #expect(CanonicalForms.nfdScalars(text) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars),
                    "\(text)")
            #expect(CanonicalForms.nfc(text) == text.precomposedStringWithCanonicalMapping, "\(text)")
            #expect(Array(CanonicalForms.nfc(text).unicodeScalars)
                    == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text)")
        }
    }
}
