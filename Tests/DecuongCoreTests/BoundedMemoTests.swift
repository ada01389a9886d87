import Testing
import DecuongCore

struct BoundedMemoTests {
    @Test func remembersAndForgetsPastItsLimit() {
        let calls = SharedValue(0)
        let memo = BoundedMemo(limit: 3) { string -> Int in
            calls.withLock { $0 += 1 }
            return string.count
        }
        #expect(memo.values(["a", "bb", "a"]) == [1, 2, 1])
        #expect(calls.value == 2, "a repeated string is computed once")
        #expect(memo.value("bb") == 2)
        #expect(calls.value == 2, "remembered")
        #expect(memo.values(["ccc", "dddd"]) == [3, 4])
        #expect(calls.value == 4)
        // Past the limit the memo was emptied, then took the new strings: "a" is computed again.
        #expect(memo.value("a") == 1)
        #expect(calls.value == 5)
    }
}
