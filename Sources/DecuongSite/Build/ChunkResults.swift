import DecuongCore

/// Results of work split over threads (`DispatchQueue.concurrentPerform`), one slot per
/// chunk, filled under a lock and read in chunk order, so parallel work keeps a
/// deterministic order.
final class ChunkResults<Value: Sendable>: Sendable {
    private let slots: SharedValue<[Value?]>

    init(count: Int) {
        slots = SharedValue(Array(repeating: nil, count: count))
    }

    func set(_ index: Int, _ value: Value) {
        slots.withLock { $0[index] = value }
    }

    func value(_ index: Int) -> Value? {
        slots.withLock { $0.indices.contains(index) ? $0[index] : nil }
    }

    /// The value of chunk `index`, moved out (the slot is left empty): a copy out of the slot
    /// retained everything the value holds, and the slot's release undid it later.
    func take(_ index: Int) -> Value? {
        slots.withLock { $0.indices.contains(index) ? $0[index].take() : nil }
    }

    /// The values in chunk order; a chunk that never reported is skipped.
    var values: [Value] {
        slots.withLock { $0.compactMap { $0 } }
    }
}
