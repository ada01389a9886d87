import DecuongCore

/// A string function's results, remembered across calls and threads: linking derives keys
/// from the same names again after every save in the preview. Bounded: emptied when it
/// holds more than `limit` strings.
final class StringKeyMemo: Sendable {
    private let function: @Sendable (String) -> String
    private let memo = SharedValue<[String: String]>([:])
    private let limit: Int

    init(limit: Int = 100_000, _ function: @escaping @Sendable (String) -> String) {
        self.function = function
        self.limit = limit
    }

    func key(_ string: String) -> String {
        if let known = memo.withLock({ $0[string] }) { return known }
        let key = function(string)
        memo.withLock { memo in
            if memo.count >= limit { memo.removeAll(keepingCapacity: true) }
            memo[string] = key
        }
        return key
    }
}
