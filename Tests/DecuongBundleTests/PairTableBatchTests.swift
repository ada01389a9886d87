@testable import DecuongSite
import Testing

/// `PairTable.list(_:from:in:_:)` (a record's pairs looked up with the slots borrowed once)
/// does what `list(_:in:)` per pair does: the same values handed out, in the same order, the
/// same pairs missing, and the same last records left in the table.
@Suite struct PairTableBatchTests {
    @Test func batchListsAsEachPairWould() {
        var random = XorShiftRandom(state: 3)
        var batch = PairTable()
        var single = PairTable()
        var values: [UInt64: Int32] = [:]
        for record in Int32(0)..<3000 {
            // A record's pairs, with repeats within it and across records.
            let keys = (0..<random.next(40)).map { _ in PairTable.key(Int32(random.next(60)), Int32(random.next(60))) }
            var fromBatch: [Int32] = []
            var index = 0
            keys.withUnsafeBufferPointer { keys in
                while index < keys.count {
                    index = batch.list(keys, from: index, in: record) { fromBatch.append($0) }
                    guard index < keys.count else { break }
                    // A new pair: as `RunIndex.post` does, numbered and inserted with this record.
                    let value = values[keys[index]] ?? Int32(values.count)
                    #expect(values[keys[index]] == nil)
                    values[keys[index]] = value
                    batch.insert(keys[index], value, last: record)
                    fromBatch.append(value)
                    index += 1
                }
            }
            var fromSingle: [Int32] = []
            for key in keys {
                if let (value, isNew) = single.list(key, in: record) {
                    if isNew { fromSingle.append(value) }
                } else {
                    let value = values[key] ?? -1
                    single.insert(key, value, last: record)
                    fromSingle.append(value)
                }
            }
            #expect(fromBatch == fromSingle)
        }
        #expect(batch.count == single.count)
        for (key, value) in values { #expect(batch.value(for: key) == value) }
    }
}
