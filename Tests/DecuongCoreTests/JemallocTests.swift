import DecuongCore
import Testing

/// The test processes are linked with the system's allocator: jemalloc's controls must
/// then stand aside, so that the library works wherever it is linked.
@Suite struct JemallocTests {
    @Test func withoutJemallocThereAreNoStatisticsAndPurgingDoesNothing() {
        Jemalloc.purge()
        let buffer = [UInt8](repeating: 1, count: 1 << 20)
        #expect(buffer.count == 1 << 20)
        #expect(Jemalloc.statistics() == nil)
    }
}
