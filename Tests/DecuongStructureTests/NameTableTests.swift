import DecuongCore
import Foundation
import Testing
@testable import DecuongStructure

/// Organization names kept once per document: a name comes back with its own bytes, as the
/// first string made with them when there was one.
@Suite struct NameTableTests {
    @Test func namesComeBackWithTheirBytes() {
        var random = FastPathEquivalenceTests.Random(state: 131)
        let pieces = ["Ban Tuyên giáo", "Ban Tổ chức", " Tỉnh ủy", " Thành ủy", " Quận", "Sở", " Nội vụ", "Ban", " ", "A",
                      "Ban Tuyên giáo\u{0301}", "Ban Tuye\u{0302}n giáo", "Ủ", "U\u{0309}"]
        for _ in 0..<300 {
            var table = NameTable()
            var first: [[UInt8]: String] = [:]
            for _ in 0..<Int(random.next() % 40) {
                var name = ""
                for _ in 0..<Int(random.next() % 4) { name += pieces[Int(random.next() % UInt64(pieces.count))] }
                // Made anew each time, as the scanner makes each mention's name.
                let made = String(decoding: Array(name.utf8), as: UTF8.self)
                let kept = table.interned(made)
                #expect(Array(kept.utf8) == Array(name.utf8), "\(Array(name.unicodeScalars))")
                if let earlier = first[Array(name.utf8)], name.utf8.count > NameTable.smallLimit {
                    #expect(kept.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
                                == earlier.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
                } else if first[Array(name.utf8)] == nil {
                    first[Array(name.utf8)] = kept
                }
            }
        }
    }

    /// A name met in an earlier document, on any thread, comes back as that document's
    /// string; a canonically equivalent name with other bytes keeps its own.
    @Test func namesAreSharedAcrossDocumentsAndThreads() {
        // A name no other test makes, so that the shared table has not seen it.
        let name = "Ban Chỉ đạo thử nghiệm chia sẻ tên \(UInt64.random(in: 0..<UInt64.max))"
        let storages = SharedValue<[UInt]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            var document = NameTable()
            let kept = document.interned(String(decoding: Array(name.utf8), as: UTF8.self))
            #expect(Array(kept.utf8) == Array(name.utf8))
            let storage = kept.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? 0
            storages.withLock { $0.append(storage) }
        }
        #expect(Set(storages.value).count == 1)
        #expect(storages.value.first != 0)
        // "ỉ" written as "i" and a combining hook above: equal as text, other bytes.
        let decomposed = name.replacingOccurrences(of: "ỉ", with: "i\u{0309}")
        var document = NameTable()
        let kept = document.interned(String(decoding: Array(decomposed.utf8), as: UTF8.self))
        #expect(Array(kept.utf8) == Array(decomposed.utf8))
    }

    /// The two one-byte fields of a section share a word.
    @Test func sectionKeepsItsOneByteFieldsTogether() {
        #expect(MemoryLayout<Section>.offset(of: \Section.isHeading) == 1)
    }
}

/// Arrays refitted to their size keep their elements in order, and are left as they are
/// when little room is unused.
@Suite struct ArrayFittingTests {
    @Test func fittedArraysKeepTheirElements() {
        var random = FastPathEquivalenceTests.Random(state: 133)
        for _ in 0..<2000 {
            var array: [String] = []
            for index in 0..<Int(random.next() % 300) { array.append(index % 3 == 0 ? random.string(2) : "\(index)") }
            let fitted = ArrayFitting.fitted(array)
            #expect(fitted == array)
            if (array.capacity - array.count) * MemoryLayout<String>.stride < ArrayFitting.unusedBytesWorthACopy {
                #expect(fitted.capacity == array.capacity)
            } else {
                // Storage asked for its count; the allocator may round it up.
                #expect(fitted.capacity <= array.capacity)
            }
        }
    }
}
