import DecuongCore
@testable import DecuongSite
import Testing

/// The fields the index writer reads, written as bytes from the documents
/// (`SearchRecordCollector.fields`, `RecordTexts.fields`), against the same records made as
/// `SearchRecord`s (`fieldRecords`, `RecordTexts.records`): whole and for random ranges.
@Suite struct RecordFieldsTests {
    /// Record by record: kind, parent, sections and the bytes of title, breadcrumb and URL
    /// (the buffers' layouts differ: siblings share their trail's bytes).
    static func same(_ fields: RecordFields, _ records: [SearchRecord]) -> Bool {
        guard fields.count == records.count else { return false }
        return fields.bytes.withUnsafeBufferPointer { bytes in
            records.indices.allSatisfy { id in
                let record = records[id]
                return fields.kinds[id] == record.kind && fields.parents[id] == (record.parent ?? -1)
                    && fields.sections[id] == record.sections
                    && Array(bytes[fields.titles[id].range]) == Array(record.title.utf8)
                    && Array(bytes[fields.breadcrumbs[id].range]) == Array(record.breadcrumb.utf8)
                    && Array(bytes[fields.urls[id].range]) == Array(record.url.utf8)
            }
        }
    }

    @Test func fieldsAreTheRecordsMadeAgain() throws {
        let index = SearchRecordCollector(site: Seed.site, strings: UIStrings(language: Seed.site.config.language)).index()
        let texts = try #require(index.texts)
        let count = texts.count
        #expect(count > 20)
        #expect(Self.same(texts.fields(0..<count), texts.records(0..<count)))
        var random = XorShiftRandom(state: 0xD1B5_4A32_D192_ED03)
        for _ in 0..<300 {
            let start = random.next(count + 1)
            let end = start + random.next(count - start + 1)
            #expect(Self.same(texts.fields(start..<end), texts.records(start..<end)), "\(start)..<\(end)")
            #expect(Self.same(index.fields(in: start..<end).fields, index.records(in: start..<end).records), "\(start)..<\(end)")
        }
    }

    /// An index of stored records reads their fields and texts as they are.
    @Test func storedRecordsFields() {
        let records = SiteSearch().records(for: Seed.site)
        let index = SearchIndex(records: records)
        var random = XorShiftRandom(state: 0x94D0_49BB_1331_11EB)
        for _ in 0..<100 {
            let start = random.next(records.count + 1)
            let end = start + random.next(records.count - start + 1)
            let (fields, texts) = index.fields(in: start..<end)
            #expect(Self.same(fields, Array(records[start..<end])))
            #expect(texts.bounds.count == end - start + 1)
            for id in start..<end {
                let local = id - start
                #expect(Array(texts.bytes[texts.bounds[local]..<texts.bounds[local + 1]]) == Array(records[id].text.utf8))
            }
        }
    }

    /// Fields copied from another buffer (a shard cut inside a document) keep their bytes.
    @Test func copiedFields() {
        var made = RecordFields()
        let trail = made.field("Kế hoạch › II. NỘI DUNG")
        let (title, url) = (made.field("1. Một"), made.field("a/index.html#ii-1"))
        made.append(.section, title: title, breadcrumb: trail, url: url, parent: 0)
        let start = made.mark
        made.write(trail)
        made.write(" › 1. Một")
        let childTrail = made.end(from: start)
        let (childTitle, childURL) = (made.field("a) Hai"), made.field("a/index.html#ii-1-a"))
        made.append(.section, title: childTitle, breadcrumb: childTrail, url: childURL, parent: 1)
        var copy = RecordFields()
        copy.append(1, of: made)
        copy.append(0, of: made)
        let expected = [
            SearchRecord(kind: .section, title: "a) Hai", breadcrumb: "Kế hoạch › II. NỘI DUNG › 1. Một", url: "a/index.html#ii-1-a",
                         text: "", parent: 1),
            SearchRecord(kind: .section, title: "1. Một", breadcrumb: "Kế hoạch › II. NỘI DUNG", url: "a/index.html#ii-1", text: "",
                         parent: 0),
        ]
        #expect(Self.same(copy, expected))
        #expect(Self.same(RecordFields(expected), expected))
    }
}
