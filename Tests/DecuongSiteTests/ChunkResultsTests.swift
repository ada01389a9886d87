@testable import DecuongSite
import Foundation
import Testing

/// The slots parallel work reports into: read in chunk order, and moved out by `take`, so
/// that a loaded document is not held twice (the loader falls back to loading a file again
/// when its slot is empty, which a wrong `take` would hide behind the same output).
@Suite struct ChunkResultsTests {
    @Test func takeMovesTheValueOutOnce() {
        let results = ChunkResults<[String]>(count: 3)
        DispatchQueue.concurrentPerform(iterations: 3) { chunk in results.set(chunk, ["phần \(chunk)"]) }
        #expect(results.values == [["phần 0"], ["phần 1"], ["phần 2"]])
        #expect(results.take(1) == ["phần 1"])
        #expect(results.take(1) == nil)
        #expect(results.value(1) == nil)
        #expect(results.values == [["phần 0"], ["phần 2"]])
        #expect(results.value(0) == ["phần 0"])
        #expect(results.take(5) == nil)
    }

    /// A value taken out is the only copy: the slot no longer keeps its storage alive.
    @Test func takenValueIsUnique() {
        final class Marker: Sendable {}
        let results = ChunkResults<[Marker]>(count: 1)
        results.set(0, [Marker()])
        guard var taken = results.take(0) else {
            Issue.record("nothing taken")
            return
        }
        #expect(isKnownUniquelyReferenced(&taken[0]))
        let copied = ChunkResults<[Marker]>(count: 1)
        copied.set(0, [Marker()])
        guard var read = copied.value(0) else {
            Issue.record("nothing read")
            return
        }
        // `value` leaves the slot's copy: the element is shared.
        #expect(!isKnownUniquelyReferenced(&read[0]))
    }
}
