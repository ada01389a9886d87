@testable import DecuongSite
import Foundation
import Testing

/// Sections, table-of-contents entries and rows that a section iterates are levels of the
/// fast renderer's context stack of their own, read in place through pointers, with each
/// name's field found once. Random templates over nested records and rows (fields that are
/// missing, `false`, empty, a custom representation, and names that climb past them to the
/// page) must render as swift-mustache renders the dictionaries they stand for.
struct RecordLevelRenderingTests {
    private static func section(_ number: Int, heading: Bool, id: String?, themeHref: String?, lead: String, body: String,
                                children: [SectionView]) -> SectionView {
        SectionView(isHeading: heading, level: heading ? "heading" : "item", headingLevel: 2 + number % 5, id: id,
                    marker: number % 3 == 0 ? "\(number)." : "<\(number)>", leadHtml: SafeHTML(rendered: lead),
                    bodyHtml: SafeHTML(rendered: body), themeHref: themeHref, themeNumber: number % 2 == 0 ? "" : "\(number)",
                    children: children)
    }

    private static var data: TemplateData {
        let leaf = section(7, heading: false, id: nil, themeHref: nil, lead: "a &amp; b", body: "", children: [])
        let middle = section(4, heading: true, id: "ii-1", themeHref: "../chu-de/1.html", lead: "<em>x</em>", body: "<p>y</p>",
                             children: [leaf, section(8, heading: false, id: "ii-1-b", themeHref: nil, lead: "", body: "z", children: [])])
        let sections = [section(3, heading: true, id: "i", themeHref: nil, lead: "Mở đầu", body: "", children: []), middle]
        let entries = [
            TableOfContentsEntry(anchor: "i", number: "I", title: "<Một>", children: []),
            TableOfContentsEntry(anchor: "ii", number: "II", title: "Hai & ba", children: [
                TableOfContentsEntry(anchor: "ii-1", number: "1", title: "\"con\"", children: []),
                // Anchors to escape, and one that starts with a mark (its `#` written apart).
                TableOfContentsEntry(anchor: "a<&'\"b", number: "2", title: "x", children: []),
                TableOfContentsEntry(anchor: "\u{301}<", number: "3", title: "y", children: []),
            ]),
        ]
        let keys: [TemplateKey] = ["href", "label", "context", "title"]
        let rows = [
            TemplateRow(keys: keys, values: [.string("a.html"), .string("<A>"), .bool(false), .int(3)]),
            TemplateRow(keys: keys, values: [.bool(false), .string("B'"), .string("ngữ cảnh"), .other(NSNull())]),
            TemplateRow(keys: Array(keys.prefix(2)), values: [.other(1.5), .html(SafeHTML(rendered: "<b>c</b>"))]),
            TemplateRow(keys: ["places"], values: [.rows([TemplateRow(keys: ["label"], values: [.string("inner")])])]),
        ]
        let places = [
            PlaceView(href: "../a/index.html#i", title: "Kế hoạch <A> & \"B\"", sectionWord: "mục", sectionNumber: "I.2'", context: "c<"),
            PlaceView(href: "../b/index.html", title: "Đề cương", sectionWord: "mục", sectionNumber: nil, context: nil),
            PlaceView(href: "", title: "a\u{301}<", sectionWord: "section", sectionNumber: "\u{301}1", context: ""),
            // Links the renderer puts together from their parts as it writes them.
            PlaceView(link: .document(page: "van-ban/trang-2.html", slug: "k<h>&'\"", anchor: "i&ii"), title: "T", sectionWord: "mục",
                      sectionNumber: "I", context: "c"),
            PlaceView(link: .document(page: "co-quan/index.html", slug: "e\u{301}", anchor: nil), title: "T2", sectionWord: "mục",
                      sectionNumber: nil, context: nil),
        ]
        let timeline = [
            TimelineView(number: 1, datetime: "2024-01-02", display: "02/01/2024", text: "Ngày <ban hành>", context: nil, place: places[0]),
            TimelineView(number: 27, datetime: "2024-01-02", display: "02/01/2024 - 03/04/2025", text: nil, context: "c & d",
                         place: places[1]),
            TimelineView(number: 300, datetime: "", display: "", text: "", context: "", place: places[2]),
            TimelineView(number: 4, datetime: "2024", display: "2024", text: "t", context: "c", place: places[3]),
            TimelineView(number: 5, datetime: "2025", display: "2025", text: nil, context: nil, place: places[4]),
        ]
        return [
            "timeline": timeline, "moment": timeline[1],
            "placeList": places, "noPlaces": [PlaceView](), "place": places[0],
            "sections": sections, "toc": entries, "rows": rows, "noSections": [SectionView](), "noRows": [TemplateRow](),
            "title": "trang <1>", "marker": "page-marker", "label": "page-label", "t": ["themePage": "Chủ đề"] as [String: String],
            "one": middle, "entry": entries[1],
        ]
    }

    @Test func randomTemplatesOverRecordsAndRows() {
        let fragments = [
            "{{marker}}", "{{{leadHtml}}}", "{{leadHtml}}", "{{bodyHtml}}", "{{{bodyHtml}}}", "{{level}}", "{{headingLevel}}",
            "{{themeNumber}}", "{{themeHref}}", "{{id}}", "{{isHeading}}", "{{href}}", "{{number}}", "{{title}}", "{{label}}",
            "{{context}}", "{{hasChildren}}", "{{id}}", "{{{id}}}", "{{datetime}}", "{{display}}", "{{text}}", "{{moment.id}}",
            "{{#text}}<{{.}}>{{/text}}", "{{^text}}no-text{{/text}}", "{{#id}}{{.}}{{/id}}", "{{{label}}}", "{{place.label}}", "{{#label}}<{{.}}>{{/label}}", "{{t.themePage}}", "{{.}}", "{{one.marker}}", "{{entry.title}}", "{{&label}}",
            "{{#id}}[{{.}}]{{/id}}", "{{#themeHref}}<{{.}}>{{/themeHref}}", "{{#context}}({{.}}){{/context}}", "\n", " ", "x",
            "{{#isHeading}}H{{/isHeading}}", "{{^isHeading}}R{{/isHeading}}", "{{^id}}no-id{{/id}}", "{{^title}}no-title{{/title}}",
            "{{#title}}T{{.}}{{/title}}", "{{#href}}{{.}}{{/href}}", "{{^children}}leaf{{/children}}", "{{#leadHtml}}L{{/leadHtml}}",
            "{{^bodyHtml}}nobody{{/bodyHtml}}", "{{#headingLevel}}{{.}}{{/headingLevel}}", "{{#hasChildren}}+{{/hasChildren}}",
        ]
        let sections = ["sections", "toc", "rows", "children", "places", "noSections", "noRows", "one", "entry", "placeList",
                        "noPlaces", "place", "timeline", "moment"]
        var generator = SeededGenerator(seed: 41)
        func randomTemplate(depth: Int) -> String {
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                if depth < 3, Int.random(in: 0..<3, using: &generator) == 0 {
                    let name = sections[Int.random(in: 0..<sections.count, using: &generator)]
                    let sigil = Int.random(in: 0..<4, using: &generator) == 0 ? "^" : "#"
                    text += "{{\(sigil)\(name)}}" + randomTemplate(depth: depth + 1) + "{{/\(name)}}"
                } else {
                    text += fragments[Int.random(in: 0..<fragments.count, using: &generator)]
                }
            }
            return text
        }
        let data = Self.data
        var compared = 0
        for _ in 0..<1_500 {
            // Without the pragma, text is escaped by Characters (place labels whole).
            let pragma = Int.random(in: 0..<3, using: &generator) > 0
            if FastTemplateTests.check(["main": randomTemplate(depth: 0)], data: data, pragma: pragma) { compared += 1 }
        }
        #expect(compared == 1_500)
        // The section partial itself, recursive, over the nested sections.
        let partial = "{{#isHeading}}<h{{headingLevel}}{{#id}} id=\"{{.}}\"{{/id}}>{{marker}} {{{leadHtml}}}</h{{headingLevel}}>"
            + "{{#themeHref}}<a href=\"{{.}}\">{{t.themePage}} {{themeNumber}}</a>{{/themeHref}}{{/isHeading}}"
            + "{{^isHeading}}<p>{{marker}} {{{leadHtml}}}</p>{{/isHeading}}\n{{{bodyHtml}}}\n{{#children}}\n{{> section}}\n{{/children}}\n"
        FastTemplateTests.check(["main": "{{#sections}}\n  {{> section}}\n{{/sections}}", "section": partial], data: data)
    }
}
