import DecuongCore
@testable import DecuongSite
import Testing

/// Index pages group their entries by the letters the plan found (`IndexPages.letters`)
/// instead of finding each entry's letter again: the groups must be those of the page's
/// entries grouped by their own letters, on every page of every paging.
struct LetterGroupsTests {
    private static func groups(_ data: [TemplateData]) -> [String] {
        data.map { group in
            "\(group["letter"] as? String ?? "?")|\(group["id"] as? String ?? "?")|\(group["entries"] as? [Int] ?? [-1])"
        }
    }

    private static func check(_ names: [String]) -> Int {
        var checked = 0
        for perPage in [1, 2, 3, 7, 50, max(1, names.count)] {
            let paging = IndexPaging(folder: "van-ban", rows: Array(repeating: 1, count: names.count), rowsPerPage: perPage)
            let letters = IndexPages.letters(names, name: { $0 }, paging: paging)
            for range in paging.pages {
                let fast = LetterGroups.groups(names, range, letters: letters) { names.firstIndex(of: $0.pointee) ?? -1 }
                let reference = LetterGroups.groups(Array(names[range]), name: { $0 }) { names.firstIndex(of: $0) ?? -1 }
                #expect(groups(fast) == groups(reference), "\(names) \(range)")
                checked += 1
            }
        }
        return checked
    }

    @Test func randomIndexes() {
        var generator = SeededGenerator(seed: 41)
        let initials = ["An", "Ăn", "Bình", "Đà", "Dương", "Ưu", "Ơn", "1 số", "Z", "Ê", "ân"]
        for _ in 0..<300 {
            let count = Int.random(in: 0...40, using: &generator)
            // Unsorted too: runs are runs in any order.
            let names = (0..<count).map { index in "\(initials.randomElement(using: &generator) ?? "A") \(index)" }
            _ = Self.check(names)
            _ = Self.check(VietnameseCollation.sorted(names))
        }
    }

    @Test func seedProject() {
        let site = SiteBuilder(root: Repository.root).loadSite()
        #expect(Self.check(site.citedDocuments.map(\.displayName)) + Self.check(site.organizations.map(\.name)) > 10)
    }
}
