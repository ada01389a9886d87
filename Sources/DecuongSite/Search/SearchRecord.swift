/// One thing search can find: a section of a document, a theme page, or a document's own
/// text outside its sections (header, preamble). Its text is exactly what the page shows.
public struct SearchRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case document, section, theme

        /// The letter `search.js` reads the kind by.
        var code: Character {
            switch self {
            case .theme: "t"
            case .section: "s"
            case .document: "d"
            }
        }

        /// Tie-break between equally good matches: a theme page gathers the plan's and the
        /// outline's text on one topic, so it is the better landing place.
        var rank: Int {
            switch self {
            case .theme: 2
            case .section: 1
            case .document: 0
            }
        }
    }

    public var kind: Kind
    public var title: String
    /// Where the record sits: "Kế hoạch … › II. NỘI DUNG › 1. …".
    public var breadcrumb: String
    /// Path from the site root with the anchor: `ke-hoach-2023/index.html#ii-1-3`.
    public var url: String
    public var text: String
    /// A section's parent section or document, as a record number: the index writes the
    /// breadcrumb and page as a reference to it instead of repeating them.
    public var parent: Int?
    /// A theme's sections (the plan's and the outline's), as ranges of record numbers: the
    /// index shows a theme's snippet from them instead of storing its text a second time.
    public var sections: [Range<Int>]

    public init(kind: Kind, title: String, breadcrumb: String, url: String, text: String,
                parent: Int? = nil, sections: [Range<Int>] = []) {
        self.kind = kind
        self.title = title
        self.breadcrumb = breadcrumb
        self.url = url
        self.text = text
        self.parent = parent
        self.sections = sections
    }

    /// The page the record is on, without the anchor.
    public var page: String { url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url }
}

extension Array where Element == SearchRecord {
    /// The records on the pages that `keep` accepts (see `kept(_:)`). A page's records come
    /// one after the other, so `keep` is asked once per page rather than once per record,
    /// and a record whose URL is the page's or the page's with an anchor needs no `page`.
    func kept(onPages keep: (String) -> Bool) -> [SearchRecord] {
        var page = ""
        var keepsPage = true
        // Only a page without `#` is certainly what `page` gives for the URLs it prefixes.
        var reusable = false
        return kept { id in
            let url = self[id].url.utf8
            let sameAsLast = reusable && url.starts(with: page.utf8)
                && (url.count == page.utf8.count || url.dropFirst(page.utf8.count).first == 0x23)
            if !sameAsLast {
                page = self[id].page
                keepsPage = keep(page)
                reusable = !page.isEmpty && !page.utf8.contains(0x23)
            }
            return keepsPage
        }
    }

    /// The records whose number `keep` accepts, their parents and sections renumbered;
    /// references to records left out are dropped (those records then carry their own
    /// breadcrumb).
    func kept(_ keep: (Int) -> Bool) -> [SearchRecord] {
        var number = Array<Int?>(repeating: nil, count: count)
        var kept = 0
        for id in indices where keep(id) {
            number[id] = kept
            kept += 1
        }
        guard kept < count else { return self }
        var out: [SearchRecord] = []
        out.reserveCapacity(kept)
        for id in indices where number[id] != nil { out.append(self[id]) }
        for id in out.indices {
            out[id].parent = out[id].parent.flatMap { number[$0] }
            out[id].sections = out[id].sections.compactMap { range in
                // A section's subtree is on one page, so it is kept or left out whole.
                guard !range.isEmpty, let lower = number[range.lowerBound], let upper = number[range.upperBound - 1] else { return nil }
                return lower..<(upper + 1)
            }
        }
        return out
    }
}
