/// Lists of page data with fixed keys, held as arrays of structs rather than arrays of
/// `TemplateData`. A document page has thousands of sections and table-of-contents entries;
/// as dictionaries each cost a hash table of boxed `Any`s to build, to search and to free,
/// which was a quarter of a page's instructions. A record answers a key with a few
/// comparisons and has no key it does not list, so lookups climb past it exactly as they
/// climb past the dictionary it stands for (`templateData`, which swift-mustache gets).
enum TemplateRecords {
    case sections([SectionView])
    case tableOfContents([TableOfContentsEntry])
    /// The places an index entry lists.
    case places([PlaceView])
    /// The entries of a timeline page.
    case timeline([TimelineView])

    var isEmpty: Bool {
        switch self {
        case .sections(let items): items.isEmpty
        case .tableOfContents(let items): items.isEmpty
        case .places(let items): items.isEmpty
        case .timeline(let items): items.isEmpty
        }
    }

    var count: Int {
        switch self {
        case .sections(let items): items.count
        case .tableOfContents(let items): items.count
        case .places(let items): items.count
        case .timeline(let items): items.count
        }
    }

    /// The value of the record at `index` under `key`; nil when the record has no such key.
    func value(at index: Int, for key: TemplateKey) -> TemplateValue? {
        // Through a pointer, which reads the one field asked for: taking `items[index]`, even
        // inside a buffer, copied the whole record (a retain per field) on every lookup.
        switch self {
        case .sections(let items):
            items.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { SectionView.value(of: $0 + index, for: key) }
            }
        case .tableOfContents(let items):
            items.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { TableOfContentsEntry.value(of: $0 + index, for: key) }
            }
        case .places(let items):
            items.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { PlaceView.value(of: $0 + index, for: key) }
            }
        case .timeline(let items):
            items.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { TimelineView.value(of: $0 + index, for: key) }
            }
        }
    }

    /// The record at `index` as the dictionary it stands for.
    func templateData(at index: Int) -> TemplateData {
        switch self {
        case .sections(let items): items[index].templateData
        case .tableOfContents(let items): items[index].templateData
        case .places(let items): items[index].templateData
        case .timeline(let items): items[index].templateData
        }
    }

    /// Every record as a dictionary, in order.
    var templateData: [TemplateData] {
        (0..<count).map { templateData(at: $0) }
    }
}
