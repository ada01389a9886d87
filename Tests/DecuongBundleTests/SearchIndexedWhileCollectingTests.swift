import DecuongCore
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

    /// An index made while collecting keeps no document or section record: it makes them
    /// again, shard by shard, as the plain records without their text (themes as kept).
    @Test func recordsMadeAgainAreThePlainRecords() {
        let plain = SiteSearch().records(for: Seed.site).map { record in
            var record = record
            record.text = ""
            return record
        }
        let index = SearchRecordCollector(site: Seed.site, strings: UIStrings(language: Seed.site.config.language)).index()
        #expect(index.records == plain)
        #expect(index.recordCount == plain.count)
        #expect(index.recordKinds == plain.map(\.kind))
        #expect(index.titleLengths == plain.map { Int32($0.title.utf8.count) })
        var random = XorShiftRandom(state: 7)
        for _ in 0..<200 {
            let start = random.next(plain.count + 1)
            let end = start + random.next(plain.count - start + 1)
            #expect(index.records(in: start..<end).records == Array(plain[start..<end]), "\(start)..<\(end)")
        }
    }

    /// A build writes the files as they are made; they must be the files of the index, each once,
    /// whether it is one inline file (192 KiB shards) or many shards streamed early (1 KiB).
    @Test(arguments: [192 * 1024, 1024])
    func streamedFilesAreTheIndexFiles(shardBytes: Int) {
        let search = SiteSearch(writer: SearchIndexWriter(shardBytes: shardBytes))
        let emitted = SharedValue<[(String, [UInt8])]>([])
        search.write(for: Seed.site) { path, bytes in emitted.withLock { $0.append((path, bytes)) } }
        let files = emitted.withLock { $0 }
        #expect(Set(files.map(\.0)).count == files.count, "a file was emitted twice")
        #expect(Dictionary(uniqueKeysWithValues: files.map { ($0.0, $0.1) }) == search.files(for: Seed.site))
        #expect(shardBytes > 4096 ? files.count == 1 : files.count > 3)
    }
}
