import DecuongContent
import DecuongCore
import DecuongMarkdown
import DecuongStructure
@testable import DecuongSite
import Foundation
import Testing

/// Sections and table-of-contents entries reach the fast renderer as records
/// (`SectionView`, `TableOfContentsEntry`) instead of dictionaries. A record must hold what
/// the dictionary it replaced held, and answer every key as that dictionary's value
/// classified, and no other key (a lookup that misses climbs the context stack).
struct TemplateRecordsEquivalenceTests {
    /// Keys no record holds but templates look up from inside one (they climb to the page).
    private static let foreignKeys: [TemplateKey] = ["t", "title", "href", "nav", "root", "pageTitle", "level2", "", "Children"]

    /// A value as text with its kind, dictionaries in key order at every depth.
    private static func canonical(_ value: TemplateValue?) -> String {
        guard let value else { return "nil" }
        let kind = switch value {
        case .string: "string"
        case .bool: "bool"
        case .int: "int"
        case .html: "html"
        case .dictionary, .record, .row: "dictionary"
        case .stringDictionary: "stringDictionary"
        case .list, .records, .rows: "list"
        case .stringList: "stringList"
        case .other: "other"
        }
        return kind + ":" + canonical(any: value.any)
    }

    private static func canonical(any value: Any) -> String {
        let converted = TemplateValue.mustacheValue(value)
        if let dictionary = converted as? [String: Any] {
            return "{" + dictionary.keys.sorted().map { "\($0)=\(canonical(any: dictionary[$0] as Any))" }.joined(separator: ",") + "}"
        }
        if let list = converted as? [Any] { return "[" + list.map { canonical(any: $0) }.joined(separator: ";") + "]" }
        if let html = converted as? SafeHTML { return "html(\(html.html))" }
        return "\(type(of: converted))(\(converted))"
    }

    /// Every key of `data` and the foreign ones, asked of `record` and of the dictionary.
    private static func compareKeys(of data: TemplateData, with value: (TemplateKey) -> TemplateValue?) {
        for key in Array(data.keys) + foreignKeys {
            let fast = canonical(value(key))
            let reference = canonical(data[key].map(TemplateValue.init))
            #expect(fast == reference, "key \(key.name)")
        }
    }

    /// Returns how many sections were compared, nested ones included.
    @discardableResult
    private static func checkSections(_ sections: [Section], builder: SectionViewBuilder, level: Int) -> Int {
        var count = 0
        for section in sections {
            count += 1
            let record = builder.record(section, headingLevel: level)
            let reference = builder.view(section, headingLevel: level)
            #expect(canonical(any: record.templateData) == canonical(any: reference), "section \(section.anchor)")
            compareKeys(of: record.templateData) { record.value(for: $0) }
            count += checkSections(section.children, builder: builder, level: section.isHeading ? level + 1 : level)
        }
        return count
    }

    private static func checkEntries(_ entries: [TableOfContentsEntry]) {
        for entry in entries {
            compareKeys(of: entry.templateData) { entry.value(for: $0) }
            let records = TemplateRecords.tableOfContents(entries)
            for index in entries.indices {
                compareKeys(of: entries[index].templateData) { records.value(at: index, for: $0) }
            }
            checkEntries(entry.children)
        }
    }

    /// Every document of `site`, as its page and as theme pages build them.
    private static func check(_ site: Site) -> Int {
        var checked = 0
        for document in site.allDocuments {
            let page = PageContext(site: site, strings: UIStrings(language: site.config.language),
                                   page: DocumentPage.path(document), baseURL: site.config.baseURL)
            var builder = SectionViewBuilder(linker: DocumentPage.citationLinker(for: document, in: page), withIDs: true)
            for theme in site.themes(ofDocument: document.slug) {
                builder.themeLinks[theme.theme.sectionAnchor] = (page.href(theme.pagePath), theme.theme.number)
            }
            checked += checkSections(document.structure.sections, builder: builder, level: 2)
            checkSections(document.structure.sections,
                          builder: SectionViewBuilder(linker: builder.linker, withIDs: false), level: 3)
            let sections = document.structure.sections.map { builder.record($0, headingLevel: 2) }
            let records = TemplateRecords.sections(sections)
            for index in sections.indices {
                compareKeys(of: sections[index].templateData) { records.value(at: index, for: $0) }
            }

            let entries = TableOfContentsEntry.entries(document.structure.sections, depth: 1)
            let reference = DocumentPage.tableOfContents(document.structure.sections, depth: 1)
            #expect(canonical(any: entries) == canonical(any: reference), "table of contents of \(document.slug)")
            checkEntries(entries)
        }
        return checked
    }

    /// `SectionViewBuilder.html` gives no bytes for no blocks without asking the renderer.
    @Test func noBlocksRenderAsNothing() {
        #expect(HTMLRenderer(rawHTML: .omit).renderBytes([]) == [])
        #expect(SectionViewBuilder(linker: CitationLinker(hrefByID: [:]), withIDs: true).html([]).bytes == [])
    }

    @Test func seedProject() {
        #expect(Self.check(SiteBuilder(root: Repository.root).loadSite()) > 30)
    }

    /// The recognizer's corpus of real plans, as one site.
    @Test func structureCorpus() throws {
        let project = try FixtureProject.corpus()
        defer { project.remove() }
        #expect(Self.check(SiteBuilder(root: project.root).loadSite()) > 200)
    }

    /// Index entries as rows: every place of an index page, against `placeLink`'s dictionary,
    /// and rows of random values against their dictionaries.
    /// Timeline entries as records, against the rows they replaced, in both languages (the
    /// display of dates differs), with entries made up to reach every branch.
    @Test func timelineEntriesAnswerAsTheirRows() {
        let site = SiteBuilder(root: Repository.root).loadSite()
        var entries = site.timeline
        let place = DocumentPlace(documentSlug: "none", sectionAnchor: "x", context: "c", location: SourceLocation(line: 1, column: 1))
        entries += [
            TimelineEntry(date: "2024-01-02", text: "(02/01/2024)", context: "(02/01/2024)", place: place),
            TimelineEntry(date: "2024-01-02", endDate: "2025-03-04", text: "", context: "", place: place),
            TimelineEntry(date: "2024-01-02", text: "<Kế hoạch>", context: "ngữ cảnh", place: place, isDocumentDate: true),
        ]
        if let slug = site.allDocuments.first?.slug {
            entries.append(TimelineEntry(date: "2023", text: "năm 2023", context: "x", place: DocumentPlace(
                documentSlug: slug, sectionAnchor: nil, context: "", location: SourceLocation(line: 1, column: 1))))
        }
        #expect(entries.count > 10)
        for language in [SiteConfig.Language.vi, .en] {
            let page = PageContext(site: site, strings: UIStrings(language: language), page: IndexPages.timelinePath, baseURL: nil)
            for (index, entry) in entries.enumerated() {
                let view = IndexPages.timelineView(index, entry, in: page)
                let reference = IndexPages.timelineRow(index, entry, in: page).templateData
                #expect(Self.canonical(any: view.templateData) == Self.canonical(any: reference), "entry \(index)")
                Self.compareKeys(of: reference) { view.value(for: $0) }
            }
        }
    }

    @Test func rowsAnswerAsTheirDictionaries() {
        let site = SiteBuilder(root: Repository.root).loadSite()
        let page = PageContext(site: site, strings: UIStrings(language: site.config.language),
                               page: IndexPages.organizationsPath, baseURL: nil)
        var places = site.citedDocuments.flatMap(\.places) + site.organizations.flatMap(\.mentions)
        places.append(DocumentPlace(documentSlug: "none", sectionAnchor: "x", context: "", location: SourceLocation(line: 1, column: 1)))
        #expect(places.count > 10)
        for place in places {
            let row = page.placeRow(place)
            let reference = page.placeLink(place)
            #expect(Self.canonical(any: row.templateData) == Self.canonical(any: reference))
            Self.compareKeys(of: reference) { row.value(for: $0) }
            let view = page.placeView(place)
            #expect(Self.canonical(any: view.templateData) == Self.canonical(any: reference))
            Self.compareKeys(of: reference) { view.value(for: $0) }
        }
        var generator = SeededGenerator(seed: 29)
        let names: [TemplateKey] = ["href", "label", "context", "t", "id", "x"]
        for _ in 0..<2_000 {
            let keys = Array(names.shuffled(using: &generator).prefix(Int.random(in: 0...names.count, using: &generator)))
            let values: [TemplateValue] = keys.map { _ in
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: .string(String(Int.random(in: 0...99, using: &generator)))
                case 1: .bool(Bool.random(using: &generator))
                case 2: .int(Int.random(in: -9...9, using: &generator))
                default: .html(SafeHTML(rendered: "<b>x</b>"))
                }
            }
            let row = TemplateRow(keys: keys, values: values)
            Self.compareKeys(of: row.templateData) { row.value(for: $0) }
        }
    }

    /// A record in a section context behaves as the dictionary: printed, it is left to
    /// swift-mustache; an empty list of them prints `[]` and renders an inverted section.
    @Test func recordsRenderAsTheirDictionaries() throws {
        let entry = TableOfContentsEntry(anchor: "i", number: "I", title: "<Mở đầu>", children: [])
        let data: TemplateData = ["toc": [entry], "none": [TableOfContentsEntry](), "one": entry, "title": "page"]
        let templates = [
            "main": "{{#toc}}{{href}} {{number}} {{title}} {{hasChildren}}{{#children}}x{{/children}}{{^children}}{{.}}{{/children}}{{/toc}}"
                + "|{{none}}|{{^none}}empty{{/none}}|{{#one}}{{title}}{{missing}}{{/one}}|{{one.number}}",
        ]
        FastTemplateTests.check(templates, data: data)
        FastTemplateTests.check(["main": "{{#toc}}{{.}}{{/toc}}"], data: data)
        let row = TemplateRow(keys: ["href", "label", "context"], values: [.string("a.html"), .string("<A>"), .bool(false)])
        let rows: TemplateData = ["places": [row, row], "none": [TemplateRow](), "one": row, "empty": TemplateRow(keys: [], values: []),
                                  "context": "outer", "title": "page"]
        FastTemplateTests.check(["main": "{{#places}}{{href}} {{label}} {{#context}}{{.}}{{/context}}{{title}}{{/places}}"
                                    + "|{{none}}|{{^none}}empty{{/none}}|{{#one}}{{label}}{{/one}}|{{one.href}}|{{empty}}|{{#empty}}{{title}}{{/empty}}"],
                                data: rows)
        FastTemplateTests.check(["main": "{{#places}}{{.}}{{/places}}"], data: rows)
    }
}
