/// What the index writer reads of a shard's records besides their text: each record's kind,
/// parent and sections, and its title, breadcrumb and URL as bytes side by side in one
/// buffer. Made again for each shard from the documents (`SearchRecordCollector.fields`),
/// it replaces a `SearchRecord` per record, whose title and URL were each a `String`
/// joined, validated and freed (about 1,500 instructions a section).
/// `init(_:)` makes it from records: the reference `RecordFieldsTests` compares with.
struct RecordFields {
    struct Field: Equatable {
        var start: Int32
        var end: Int32

        var range: Range<Int> { Int(start)..<Int(end) }
    }

    private(set) var bytes: [UInt8] = []
    private(set) var kinds: [SearchRecord.Kind] = []
    private(set) var titles: [Field] = []
    /// Siblings share their parent's trail: one field, the bytes written once.
    private(set) var breadcrumbs: [Field] = []
    private(set) var urls: [Field] = []
    /// Per record, its parent's number, -1 for none.
    private(set) var parents: [Int] = []
    /// Per record, its sections (themes only; empty arrays allocate nothing).
    private(set) var sections: [[Range<Int>]] = []

    var count: Int { kinds.count }
    var indices: Range<Int> { 0..<kinds.count }

    init(capacity: Int = 0, byteCapacity: Int = 0) {
        bytes.reserveCapacity(byteCapacity)
        kinds.reserveCapacity(capacity)
        titles.reserveCapacity(capacity)
        breadcrumbs.reserveCapacity(capacity)
        urls.reserveCapacity(capacity)
        parents.reserveCapacity(capacity)
        sections.reserveCapacity(capacity)
    }

    /// The fields of `records`, in order.
    init(_ records: some Collection<SearchRecord>) {
        self.init(capacity: records.count)
        for record in records { append(record) }
    }

    mutating func append(_ record: SearchRecord) {
        let title = field(record.title)
        let breadcrumb = field(record.breadcrumb)
        let url = field(record.url)
        append(record.kind, title: title, breadcrumb: breadcrumb, url: url, parent: record.parent ?? -1, sections: record.sections)
    }

    /// Record `id` of `other`, its bytes copied.
    mutating func append(_ id: Int, of other: RecordFields) {
        func copy(_ field: Field) -> Field {
            other.bytes.withUnsafeBufferPointer { self.field(UnsafeBufferPointer(rebasing: $0[field.range])) }
        }
        let title = copy(other.titles[id])
        let breadcrumb = copy(other.breadcrumbs[id])
        let url = copy(other.urls[id])
        append(other.kinds[id], title: title, breadcrumb: breadcrumb, url: url, parent: other.parents[id], sections: other.sections[id])
    }

    mutating func append(_ kind: SearchRecord.Kind, title: Field, breadcrumb: Field, url: Field, parent: Int,
                         sections: [Range<Int>] = []) {
        kinds.append(kind)
        titles.append(title)
        breadcrumbs.append(breadcrumb)
        urls.append(url)
        parents.append(parent)
        self.sections.append(sections)
    }

    // MARK: Writing fields

    /// Where the next field starts: write its bytes, then `end(from:)`.
    var mark: Int { bytes.count }

    func end(from start: Int) -> Field {
        Field(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: bytes.count))
    }

    mutating func write(_ text: String) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    /// The joints between parts (`. `, `#`, ` › `) as bytes: lent as `String`s, each cost
    /// more than it holds, a few times a section.
    mutating func write(_ a: UInt8, _ b: UInt8? = nil) {
        bytes.append(a)
        if let b { bytes.append(b) }
    }

    mutating func write(_ part: [UInt8]) {
        bytes.append(contentsOf: part)
    }

    /// Appends the bytes of an earlier field (a trail its children's extends): through a
    /// copy on the stack, as appending grows, and may move, the buffer they are in.
    mutating func write(_ field: Field) {
        let range = field.range
        guard !range.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { copy in
            bytes.withUnsafeBufferPointer { bytes in
                guard let source = bytes.baseAddress, let target = copy.baseAddress else { return }
                target.initialize(from: source + range.lowerBound, count: range.count)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(copy))
        }
    }

    mutating func field(_ text: String) -> Field {
        let start = mark
        write(text)
        return end(from: start)
    }

    mutating func field(_ text: UnsafeBufferPointer<UInt8>) -> Field {
        let start = mark
        bytes.append(contentsOf: text)
        return end(from: start)
    }
}
