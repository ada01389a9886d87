@testable import DecuongSite
import Testing

/// The site's lookups as grouped positions (`GroupedIndices`) against what they replaced:
/// a dictionary of arrays, and the scans a site without lookups makes.
struct GroupedIndicesTests {
    @Test func groupsAsADictionaryOfArrays() {
        var random = SeededGenerator(seed: 7)
        for round in 0..<300 {
            let keys = Int(random.next() % 20) + 1
            var pairs: [(String, Int)] = []
            for _ in 0..<Int(random.next() % 400) {
                // Few positions, so that a group often gets one twice in a row.
                pairs.append(("k\(random.next() % UInt64(keys))", Int(random.next() % 6)))
            }
            var reference: [String: [Int]] = [:]
            for (key, position) in pairs where reference[key]?.last != position { reference[key, default: []].append(position) }
            let grouped = GroupedIndices(pairs)
            for key in (0..<keys).map({ "k\($0)" }) + ["none"] {
                #expect(grouped[key].map(Array.init) == reference[key], "round \(round), \(key)")
            }
        }
        #expect(GroupedIndices<String>()["x"] == nil)
    }

    @Test func sectionGroupsAsADictionaryOfSets() {
        var random = SeededGenerator(seed: 8)
        let anchorNames = ["i", "ii", "i-1", "i-1-a", "ii-2", "a", "b", "muc-1", "muc-10", "muc-2", "đ", "e\u{301}", "é", ""]
        for round in 0..<300 {
            let documents = Int(random.next() % 6) + 1
            var triples: [(String, String, Int)] = []
            for _ in 0..<Int(random.next() % 300) {
                let anchor = anchorNames[Int(random.next() % UInt64(anchorNames.count))]
                triples.append(("d\(random.next() % UInt64(documents))", anchor, Int(random.next() % 9)))
            }
            var reference: [String: [String: Set<Int>]] = [:]
            var builder = SectionGroups.Builder()
            for (document, anchor, position) in triples {
                reference[document, default: [:]][anchor, default: []].insert(position)
                builder.add(document: document, anchor: anchor, position: position)
            }
            let grouped = builder.finish()
            for document in (0..<documents).map({ "d\($0)" }) + ["none"] {
                for anchor in anchorNames + ["x", "zz"] {
                    let expected = reference[document]?[anchor].map { $0.sorted() }
                    #expect(grouped[document, anchor].map(Array.init) == expected, "round \(round), \(document) \(anchor)")
                }
            }
        }
        #expect(SectionGroups()["d", "i"] == nil)
    }

    @Test func seedProject() {
        Self.check(SiteBuilder(root: Repository.root).loadSite())
    }

    @Test func structureCorpus() throws {
        let project = try FixtureProject.corpus()
        defer { project.remove() }
        Self.check(SiteBuilder(root: project.root).loadSite())
    }

    /// Every lookup of `site` against the same site without its lookups, where each is a scan.
    private static func check(_ site: Site) {
        let scanned = Site(config: site.config, mainDocuments: site.mainDocuments, documentsBySlug: site.documentsBySlug,
                           themes: site.themes, citedDocuments: site.citedDocuments, organizations: site.organizations,
                           timeline: site.timeline, diagnostics: site.diagnostics)
        #expect(site.lookups.isBuilt && !scanned.lookups.isBuilt)
        let documents = site.allDocuments
        #expect(!site.citedDocuments.isEmpty && !site.organizations.isEmpty)
        for slug in documents.map(\.slug) + ["no-such-document"] {
            #expect(site.themes(ofDocument: slug) == scanned.themes(ofDocument: slug), "\(slug)")
        }
        for key in site.citedDocuments.map(\.key) + ["no-such-key"] {
            #expect(site.citedDocument(key: key) == scanned.citedDocument(key: key), "\(key)")
        }
        for id in site.citedDocuments.map(\.id) + ["no-such-id"] {
            #expect(site.citedDocuments(id: id) == scanned.citedDocuments(id: id), "\(id)")
        }
        var random = SeededGenerator(seed: 11)
        for document in documents {
            let anchors = document.structure.allSections.map(\.anchor)
            var scopes: [[(document: String, anchors: Set<String>)]] = [[(document.slug, Set(anchors))]]
            scopes += anchors.map { [(document.slug, Set([$0]))] }
            // Sections of two documents together, some of them unknown.
            let other = documents[Int(random.next() % UInt64(documents.count))]
            scopes.append([(document.slug, Set(anchors.filter { _ in random.next() % 2 == 0 } + ["no-such-section"])),
                           (other.slug, Set(other.structure.allSections.map(\.anchor))), ("no-such-document", ["i"])])
            for scope in scopes {
                #expect(site.citedDocuments(inSections: scope) == scanned.citedDocuments(inSections: scope), "\(document.slug)")
                #expect(site.organizations(inSections: scope) == scanned.organizations(inSections: scope), "\(document.slug)")
            }
        }
    }
}
