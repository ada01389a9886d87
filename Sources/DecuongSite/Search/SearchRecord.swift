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

    public init(kind: Kind, title: String, breadcrumb: String, url: String, text: String) {
        self.kind = kind
        self.title = title
        self.breadcrumb = breadcrumb
        self.url = url
        self.text = text
    }

    /// The page the record is on, without the anchor.
    public var page: String { url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url }
}
