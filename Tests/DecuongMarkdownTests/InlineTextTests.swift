import Testing
@testable import DecuongMarkdown

/// A text run as a part of a shared text: equal and hashed by its bytes wherever they are
/// held, cut only at scalar boundaries, read back as the text it stands for.
@Suite struct InlineTextTests {
    static let document = SharedText("Kế hoạch số 35-KH/TU\nTăng cường công tác 👍 e\u{301}\n")

    @Test func partsAreTheirBytes() throws {
        let all = Array(Self.document.text.utf8)
        let start = all.firstIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let run = try #require(InlineText(Self.document, bytes: start..<all.count - 1))
        #expect(run.string == "Tăng cường công tác 👍 e\u{301}")
        #expect(run.utf8Count == all.count - 1 - start)
        #expect(!run.isWholeBase)
        #expect(run.sharedText === Self.document)
        var out = "» "
        run.append(to: &out)
        #expect(out == "» Tăng cường công tác 👍 e\u{301}")
        #expect(run.string(0..<4) == "Tăn")
        #expect(run.withUTF8Bytes { Array($0) } == Array(all[start..<all.count - 1]))
    }

    @Test func equalBytesAreEqualWhereverTheyAreHeld() throws {
        let all = Array(Self.document.text.utf8)
        let cut = try #require(InlineText(Self.document, bytes: 0..<12))
        let own = InlineText("Kế hoạch")
        #expect(cut == own)
        #expect(cut.hashValue == own.hashValue)
        #expect(own.isWholeBase && own.string == "Kế hoạch")
        #expect(cut != InlineText("Kế hoạc"))
        // Canonically equivalent but other bytes: other runs (the model compares bytes).
        #expect(InlineText("é") != InlineText("e\u{301}"))
        #expect(all.count > 12)
    }

    @Test func cutsOnlyAtScalarBoundaries() throws {
        // "ế" is three bytes from offset 1, "ạ" from offset 7: no part may start or end inside them.
        #expect(InlineText(Self.document, bytes: 2..<12) == nil)
        #expect(InlineText(Self.document, bytes: 0..<8) == nil)
        #expect(InlineText(Self.document, bytes: 0..<2) == nil)
        #expect(InlineText(Self.document, bytes: 0..<10_000) == nil)
        #expect(InlineText(Self.document, bytes: -1..<3) == nil)
        let empty = try #require(InlineText(Self.document, bytes: 4..<4))
        #expect(empty.isEmpty && empty.string.isEmpty)
        let run = try #require(InlineText(Self.document, bytes: 0..<12))
        let slice = run.slice(4..<12)
        #expect(slice.string == " hoạch")
        #expect(slice.sharedText === Self.document)
        #expect(run.slice(0..<100) == run)
        // A slice asked inside a scalar is a copy of its bytes, repaired: never a part that
        // starts inside a scalar.
        let inside = run.slice(2..<12)
        #expect(inside.sharedText !== Self.document)
        #expect(inside.string.hasSuffix(" hoạch") && inside.string.hasPrefix("\u{FFFD}"))
    }
}
