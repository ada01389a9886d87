@testable import DecuongSite
import Testing

/// A site's index made while collecting (records kept without their text, made again for
/// writing) is the index of its records made the plain way.
@Suite struct SearchIndexedWhileCollectingTests {
    @Test(arguments: [192 * 1024, 4096, 1024])
    func sameFilesAsFromTheRecords(shardBytes: Int) {
        let writer = SearchIndexWriter(shardBytes: shardBytes)
        let plain = writer.files(for: SearchIndex(records: SiteSearch().records(for: Seed.site)))
        #expect(SiteSearch(writer: writer).files(for: Seed.site) == plain)
    }

    @Test func keepingSomePagesNumbersTheKeptRecords() {
        let writer = SearchIndexWriter(shardBytes: 2048)
        let keep: (String) -> Bool = { !$0.hasPrefix("ke-hoach-2023/") }
        let records = SiteSearch().records(for: Seed.site)
        #expect(records.contains { !keep($0.page) }, "the seed site has the page left out")
        let plain = writer.files(for: SearchIndex(records: records.kept(onPages: keep)))
        #expect(SiteSearch(writer: writer).files(for: Seed.site, keeping: keep) == plain)
    }
}
