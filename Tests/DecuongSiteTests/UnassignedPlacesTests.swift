import DecuongContent
import DecuongCore
@testable import DecuongSite
import DecuongStructure
import Testing

/// Organization pages leave out the mentions in a section an assignment lists, comparing
/// (document, section) pairs instead of joined keys: the places kept must be those the joined
/// keys keep, with slugs and anchors that hold `#`, decomposed letters and marks.
struct UnassignedPlacesTests {
    @Test func pairsKeepWhatJoinedKeysKeep() {
        var generator = SeededGenerator(seed: 59)
        let page = PageContext(site: Site(config: SiteConfig()), strings: UIStrings(language: .vi), page: IndexPages.organizationsPath,
                               baseURL: nil)
        let slugs = ["a", "b", "ke-hoach", "a#b", "a#", "\u{301}", "e\u{301}", "\u{e9}", "", "b#c"]
        let anchors: [String?] = [nil, "", "i", "b", "c", "#c", "b#c", "\u{301}x", "\u{e9}", "e\u{301}", "ii-1"]
        let location = SourceLocation(line: 1, column: 1)
        func slug() -> String { slugs[Int.random(in: 0..<slugs.count, using: &generator)] }
        func anchor() -> String? { anchors[Int.random(in: 0..<anchors.count, using: &generator)] }
        for round in 0..<3_000 {
            // Slugs with `#` in some rounds only, so that the pair comparison is exercised.
            let plain = round % 3 != 0
            func pick() -> String {
                var value = slug()
                while plain, value.contains("#") { value = slug() }
                return value
            }
            let assignments = (0..<Int.random(in: 1...14, using: &generator)).map { _ in
                OrganizationEntry.AssignedTask(documentSlug: pick(), assignment: Assignment(
                    organization: "X", role: .lead, sectionAnchor: anchor() ?? "", task: "t"))
            }
            // Each mention's context is its index, to tell which were kept.
            let mentions = (0..<Int.random(in: 0...12, using: &generator)).map { index in
                DocumentPlace(documentSlug: pick(), sectionAnchor: anchor(), context: "m\(index)", location: location)
            }
            let fast = IndexPages.unassignedPlaces(mentions, assignments: assignments, in: page)
            let reference = IndexPages.referenceUnassigned(mentions, assignments: assignments).map { page.placeView($0) }
            #expect(fast.map(\.context) == reference.map(\.context))
            #expect(fast.map(\.href) == reference.map(\.href))
        }
    }
}
