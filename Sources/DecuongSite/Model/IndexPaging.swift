/// How an index (cited documents, organizations, timeline) is cut into pages. A small index
/// is one page, `FOLDER/index.html`; a large one continues on `FOLDER/trang-2.html`, … so that
/// no page grows with the site: at 10,000 documents each index was one page of about 50 MB,
/// too large for a phone's browser and for the build's memory.
///
/// Entries stay whole and in order; a page takes entries until their rows (an entry's heading
/// plus each place it lists) reach `rowsPerPage`. An entry with more rows than that has a page
/// of its own.
public struct IndexPaging: Sendable, Hashable {
    public static let rowsPerPage = 400
    public static let citedDocumentsFolder = "van-ban"
    public static let organizationsFolder = "co-quan"
    public static let timelineFolder = "moc-thoi-gian"

    /// The folder of the index (`van-ban`).
    public let folder: String
    /// The entries of each page, by index into the index's entries.
    public let pages: [Range<Int>]

    public init(folder: String, rows: [Int], rowsPerPage: Int = IndexPaging.rowsPerPage) {
        self.folder = folder
        var pages: [Range<Int>] = []
        var start = 0
        var filled = 0
        for (index, count) in rows.enumerated() {
            if index > start, filled + count > rowsPerPage {
                pages.append(start..<index)
                start = index
                filled = 0
            }
            filled += count
        }
        if start < rows.count || pages.isEmpty { pages.append(start..<rows.count) }
        self.pages = pages
    }

    /// `van-ban/index.html` for the first page, `van-ban/trang-3.html` for the third.
    public static func path(folder: String, page: Int) -> String {
        page == 0 ? "\(folder)/index.html" : "\(folder)/trang-\(page + 1).html"
    }

    public func path(ofPage page: Int) -> String { Self.path(folder: folder, page: page) }

    /// The page that shows the entry at `index`.
    public func page(ofEntry index: Int) -> Int {
        var low = 0
        var high = pages.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if pages[middle].lowerBound <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

extension Site {
    /// The pages of the cited-documents index: a row per entry and per place.
    public var citedDocumentPaging: IndexPaging {
        IndexPaging(folder: IndexPaging.citedDocumentsFolder, rows: citedDocuments.map { 1 + $0.places.count })
    }

    /// The pages of the organizations index: a row per entry, task and mention.
    public var organizationPaging: IndexPaging {
        IndexPaging(folder: IndexPaging.organizationsFolder,
                    rows: organizations.map { 1 + $0.assignments.count + $0.mentions.count })
    }

    /// The pages of the timeline: a row per entry.
    public var timelinePaging: IndexPaging {
        IndexPaging(folder: IndexPaging.timelineFolder, rows: Array(repeating: 1, count: timeline.count))
    }
}
