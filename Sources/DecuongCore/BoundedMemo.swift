/// A string function's results, remembered across calls and threads: the indexes sort and
/// key thousands of names, and the preview does it again with the same names after every
/// save. Bounded: emptied when it would hold more than `limit` strings.
public final class BoundedMemo<Value: Sendable>: Sendable {
    private let function: @Sendable (String) -> Value
    private let memo = SharedValue<[UTF8Key: Value]>([:])
    private let limit: Int

    public init(limit: Int = 100_000, _ function: @escaping @Sendable (String) -> Value) {
        self.function = function
        self.limit = limit
    }

    public func value(_ string: String) -> Value {
        values([string])[0]
    }

    /// The values of many strings, taking the lock twice in all rather than twice each.
    public func values(_ strings: [String]) -> [Value] {
        // Keyed by bytes (see `UTF8Key`): a String key was normalized at every lookup.
        let known = memo.withLock { memo in strings.map { memo[UTF8Key($0)] } }
        var fresh: [UTF8Key: Value] = [:]
        let values = strings.indices.map { index -> Value in
            if let value = known[index] { return value }
            let key = UTF8Key(strings[index])
            if let value = fresh[key] { return value }
            let value = function(strings[index])
            fresh[key] = value
            return value
        }
        if !fresh.isEmpty {
            memo.withLock { memo in
                if memo.count + fresh.count > limit { memo.removeAll(keepingCapacity: true) }
                // A loop of inserts: `merge` cost about 10,000 instructions for one new value.
                for (key, value) in fresh where memo[key] == nil { memo[key] = value }
            }
        }
        return values
    }
}
