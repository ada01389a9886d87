@testable import DecuongSite
import Foundation
import Mustache
import Testing

/// Small templates rendered by the fast renderer and by swift-mustache 2.1.1 from the same
/// data: every construct the fast renderer accepts gives the same bytes, and what it does
/// not reproduce makes it decline.
@Suite struct FastTemplateTests {
    static var data: TemplateData {
        [
        "name": "Tên <b>&\"'",
        "empty": "",
        "yes": true, "no": false, "zero": 0, "count": 42,
        "html": SafeHTML(rendered: "<em>x</em>"), "noHtml": SafeHTML(rendered: ""),
        "combining": "a<\u{338} &\u{301} \"x\" e\u{301} <",
        "crlf": "line1\r\nline2\n",
        "multi": "one\ntwo\n",
        "person": ["name": "Ana", "address": ["city": "Huế"] as TemplateData] as TemplateData,
        "items": [["label": "one", "href": "1.html", "current": false],
                  ["label": "two", "href": false, "current": true],
                  ["label": "<three>", "href": "", "current": false]] as [TemplateData],
        "noItems": [TemplateData](),
        "words": ["x", "y<", "z"],
        "noWords": [String](),
        "t": ["home": "Trang chủ", "k": "v<"] as [String: String],
        "ints": [1, 2, 3],
        "noInts": [Int](),
        "double": 1.5,
        "null": NSNull(),
        "optional": String?.none as Any,
        "some": String?.some("có") as Any,
        "nested": ["items": [["label": "inner"]] as [TemplateData], "name": "nested-name"] as TemplateData,
        "a": ["b": ["c": "abc"] as TemplateData] as TemplateData,
        "x": ["a": ["d": 1] as TemplateData] as TemplateData,
        ]
    }

    /// Compares both engines on `templates` (rendering `main`); a template named `raw…` is
    /// given without decuong's pragma. Both must refuse the same texts.
    /// Returns whether the templates parsed and were compared.
    @discardableResult
    static func check(_ templates: [String: String], data: TemplateData = Self.data, pragma: Bool = true,
                      sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        _ = FastHTMLContentType.registered
        let texts = templates.reduce(into: [String: String]()) { texts, entry in
            texts[entry.key] = pragma && !entry.key.hasPrefix("raw") ? FastHTMLContentType.pragma + entry.value : entry.value
        }
        var library = MustacheLibrary()
        var parses = true
        for (name, text) in texts {
            guard let template = try? MustacheTemplate(string: text) else {
                parses = false
                continue
            }
            library.register(template, named: name)
        }
        let compiled = CompiledTemplates(templates: texts, contentTypes: TemplateLibrary.contentTypes)
        guard parses else {
            #expect(compiled == nil, "swift-mustache refuses \(templates)", sourceLocation: sourceLocation)
            return false
        }
        guard let compiled else {
            Issue.record("declined \(templates)", sourceLocation: sourceLocation)
            return false
        }
        let reference = library.render(TemplateValue.mustacheValue(data), withTemplate: "main")
        guard let fastBytes = compiled.render(data, template: "main") else {
            // Declined: the template prints a whole dictionary, which swift-mustache renders in
            // its dictionary's own order (per instance). The page then comes from swift-mustache:
            // the same bytes up to that order.
            let viaLibrary = TemplateLibrary(mustache: library, texts: texts).render(data, withTemplate: "main")
            #expect(viaLibrary.sorted() == Array((reference ?? "").utf8).sorted(), "\(templates)", sourceLocation: sourceLocation)
            #expect(reference?.contains("[&quot;") == true || reference?.contains("[\"") == true || reference?.contains("[[") == true,
                    "declined without printing a dictionary: \(templates)", sourceLocation: sourceLocation)
            return true
        }
        let fast: String? = String(decoding: fastBytes, as: UTF8.self)
        #expect(fast == reference, "\(templates)", sourceLocation: sourceLocation)
        #expect(fast.map { Array($0.utf8) } == reference.map { Array($0.utf8) }, sourceLocation: sourceLocation)
        return true
    }

    static func checkBoth(_ templates: [String: String], sourceLocation: SourceLocation = #_sourceLocation) {
        check(templates, pragma: true, sourceLocation: sourceLocation)
        check(templates, pragma: false, sourceLocation: sourceLocation)
    }

    @Test func variablesAndEscaping() {
        for main in [
            "", "plain text\n", "Hello {{name}}! {{{name}}} {{&name}} {{ name }} {{& name }}",
            "{{missing}}|{{empty}}|{{yes}}|{{no}}|{{zero}}|{{count}}|{{double}}|{{null}}|{{ints}}|{{words}}|{{t}}",
            "{{optional}}|{{some}}|{{{optional}}}|{{#some}}<{{.}}>{{/some}}|{{#optional}}o{{/optional}}|{{^optional}}n{{/optional}}",
            "{{html}}|{{{html}}}|{{noHtml}}|{{#html}}[{{html}}|{{{html}}}]{{/html}}|{{^noHtml}}none{{/noHtml}}|{{#noHtml}}X{{/noHtml}}",
            "{{combining}}|{{{combining}}}|{{crlf}}|{{multi}}",
            "{{items}}|{{noItems}}|{{person}}|{{{words}}}",
        ] {
            Self.checkBoth(["main": main])
        }
    }

    @Test func namesAndLookups() {
        for main in [
            "{{person.name}} {{person.address.city}} {{person.missing.x}} {{person.name.x}}",
            "{{#person}}{{#address}}{{city}} {{name}} {{t.home}} {{count}} {{person.name}}{{/address}}{{/person}}",
            "{{#x}}{{a.c}}|{{a.d}}|{{.a.d}}|{{.count}}|{{count}}|{{a.b.c}}{{/x}}",
            "{{a..b.c}}|{{.a.b.c}}|{{#a}}{{#b}}{{.}}{{c}}{{..c}}{{/b}}{{/a}}",
            "{{#words}}{{.}}{{name}}{{.name}}{{/words}}",
            "{{#nested}}{{#items}}{{label}} {{name}} {{nested.name}}{{/items}}{{/nested}}",
            "{{#t}}{{home}}{{k}}{{name}}{{/t}}",
            "{{#name}}{{.}}|{{length}}{{/name}}{{#count}}{{.}}{{/count}}",
            "{{#null}}n{{/null}}{{^null}}N{{/null}}{{#double}}{{.}}{{/double}}{{#ints}}{{.}},{{/ints}}{{^noInts}}{{.}}{{/noInts}}",
        ] {
            Self.checkBoth(["main": main])
        }
    }

    @Test func sections() {
        for main in [
            "{{#items}}<{{label}}{{#current}}*{{/current}}{{#href}}@{{.}}{{/href}}{{^href}}-{{/href}}>{{/items}}",
            "{{#noItems}}X{{/noItems}}{{^noItems}}empty:{{.}}{{/noItems}}{{^noWords}}{{.}}{{/noWords}}{{^items}}never{{/items}}",
            "{{#empty}}[{{.}}]{{/empty}}{{#zero}}z{{.}}{{/zero}}{{^zero}}nz{{/zero}}{{^empty}}E{{/empty}}",
            "{{#yes}}Y{{name}}{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}{{^missing}}M{{/missing}}{{#missing}}m{{/missing}}",
            "{{#items}}{{#items}}{{label}}{{/items}};{{/items}}",
            "{{#person}}{{^address}}no{{/address}}{{#address}}{{#name}}{{.}}{{/name}}{{/address}}{{/person}}",
        ] {
            Self.checkBoth(["main": main])
        }
    }

    @Test func standaloneLines() {
        for main in [
            "Begin.\n{{#yes}}\n  Yes\n  {{/yes}}\nEnd.\n",
            "  {{#yes}}  \n\tx\n  {{/yes}}  \r\n",
            "| {{#yes}} |\n", "{{! comment }}\n  {{! c2\n multi }}  \nA",
            "{{#yes}}x{{/yes}}   ", "  {{#yes}}", "  {{^no}}\n  {{/no}}", "x\r\n  {{^no}}\r\n  y\r\n  {{/no}}\r\n",
            "  {{name}}\n", "  {{#yes}}a{{/yes}}\n", "a  {{#yes}}\nb\n  {{/yes}}  c\n",
            "\t{{#items}}\n\t\t{{label}}\n\t{{/items}}\n", "{{#yes}}\r\nr\r\n{{/yes}}\r\n", "  \n  {{!x}}\n",
            "{{#yes}}\n{{#no}}\n{{/no}}\n{{/yes}}\n", "{{=<% %>=}}\n<%name%>\n  <%={{ }}=%>  \n{{name}}\n",
            "  {{=| |=}}  \n|name| |#yes|y|/yes|\n", "x {{=<% %>=}} y\n<%#items%><%label%><%/items%>",
            "{{!}}", "{{! }} }}\n", "{{#yes}}}{{/yes}}", "{{{name}}}}", "{ {{name}} }", "{{name}}{",
        ] {
            Self.checkBoth(["main": main])
        }
    }

    @Test func partialsAndIndentation() {
        let cases: [[String: String]] = [
            ["main": "<ul>\n  {{>item}}\n</ul>\n",
             "item": "<li>{{name}}</li>\n<li>{{multi}}</li>\n{{#items}}\n  <i>{{label}}</i>\n{{/items}}\n"],
            ["main": "a\n  {{>p1}}\nb", "p1": "p1\n  {{>p2}}\n", "p2": "p2\nq2\n{{^no}}\n\n{{/no}}\n"],
            ["main": "x {{>p1}} y\n", "p1": "1\n2\n"],
            ["main": "[{{>nope}}]\n  {{>nope}}\n"],
            ["main": "  {{>p}}\r\n", "p": "a\r\nb\r\n{{crlf}}c\n"],
            ["main": "\t{{> p }}\n", "p": "{{#items}}\n{{label}}\n{{/items}}\n{{#noItems}}\nx\n{{/noItems}}"],
            ["main": "{{#items}}\n  {{>item2}}\n{{/items}}\n", "item2": "{{label}}{{#href}}({{.}}){{/href}}\n"],
            ["main": "  {{>raw}}\n", "raw": "{{combining}}\n{{% CONTENT_TYPE: DECUONG_HTML }}\n{{combining}}\n"],
            ["main": "{{combining}}\n{{% CONTENT_TYPE: HTML }}\n{{combining}}{{#yes}}{{combining}}{{/yes}}\n"],
            ["main": "{{#yes}}{{% CONTENT_TYPE: HTML }}{{combining}}{{/yes}}{{combining}}{{>raw}}", "raw": "{{combining}}"],
            ["main": "  {{>p}}\n", "p": ""], ["main": "  {{>p}}\n", "p": "{{empty}}\n{{empty}}x\n"],
        ]
        for templates in cases { Self.checkBoth(templates) }
    }

    @Test func inheritance() {
        let parent = "<h>{{$title}}Default{{/title}}</h>\n  {{$body}}\n  body default\n  {{/body}}\nend\n"
        let cases: [[String: String]] = [
            ["parent": parent, "main": "{{<parent}}{{$title}}T {{name}}{{/title}}{{/parent}}"],
            ["parent": parent, "main": "{{<parent}}\n  {{$body}}\n    over\n      more\n  {{/body}}\n{{/parent}}\n"],
            ["parent": parent, "main": "{{<parent}}{{/parent}}"],
            ["parent": parent, "main": "{{$title}}alone{{/title}}\n  {{$body}}\n  b\n  {{/body}}\n"],
            ["grand": "{{$a}}ga{{/a}}|{{$b}}gb{{/b}}", "parent": "{{<grand}}{{$a}}pa{{/a}}{{/grand}}",
             "main": "{{<parent}}{{$a}}ma{{/a}}{{$b}}mb{{/b}}{{/parent}}"],
            ["parent": parent, "main": "{{<parent}}{{$title}}one{{/title}}{{$title}}two{{/title}}{{/parent}}"],
            ["parent": "P:{{>inc}}", "inc": "{{$x}}default{{/x}}", "leaf": "leaf\n",
             "main": "{{<parent}}{{$x}}override {{>leaf}}{{/x}}{{/parent}}"],
            ["parent": "x\n  {{$b}}\n  d1\n  d2\n  {{/b}}\ny\n", "main": "{{<parent}}{{$b}}o1\no2\n{{/b}}{{/parent}}"],
            ["parent": "x\n  {{$b}}\n  d1\n  {{/b}}\ny\n", "main": "  {{<parent}}\n    {{$b}}\n      o1\n    o2\n    {{/b}}\n  {{/parent}}\n"],
            ["parent": "{{$a}}A{{/a}}{{$b}}B{{/b}}", "main": "{{<parent}}{{$a}}{{$b}}nested{{/b}}{{/a}}{{$b}}y{{/b}}{{/parent}}"],
            ["parent": "{{#items}}{{$row}}{{label}}{{/row}};{{/items}}",
             "main": "{{<parent}}{{$row}}<{{label}}|{{name}}>{{/row}}{{/parent}}"],
            ["layout": "<main>\n{{$main}}{{/main}}\n</main>\n",
             "main": "{{<layout}}\n{{$main}}\n<article>\n  {{> inc}}\n</article>\n{{/main}}\n{{/layout}}\n", "inc": "<p>\n{{name}}\n</p>\n"],
            ["parent": "{{$a}}A{{/a}}", "main": "{{<parent}}\ntext is ignored\n{{! comment }}{{$a}}x{{/a}}{{/parent}}"],
        ]
        for templates in cases { Self.checkBoth(templates) }
    }

    /// Texts swift-mustache refuses: the fast compilation refuses them too.
    @Test func syntaxErrors() {
        for main in ["{{#a}}", "{{/a}}", "{{name", "x{", "{{=<% %>=}}<%name}}", "{{#a}}{{/b}}", "{{= x =}}", "{{%X: Y}}",
                     "{{<parent}}{{name}}{{/parent}}", "{{<parent}}{{#a}}{{/a}}{{/parent}}", "{{% CONTENT_TYPE: NONE }}"] {
            Self.checkBoth(["main": main, "parent": "p"])
        }
    }

    /// What the fast renderer does not reproduce makes the whole compilation decline.
    @Test func unsupportedConstructsDecline() throws {
        _ = FastHTMLContentType.registered
        for main in ["{{uppercased(name)}}", "{{#items}}{{#first()}}F{{/first()}}{{/items}}", "{{>*name}}",
                     "{{<*name}}{{/*name}}", "{{% CONTENT_TYPE: TEXT }}\n{{name}}", "{{#reversed(words)}}{{.}}{{/reversed(words)}}",
                     "{{#items}}{{index()}}{{/items}}"] {
            let texts = ["main": FastHTMLContentType.pragma + main, "other": "fine {{name}}"]
            #expect(throws: Never.self) { try MustacheTemplate(string: texts["main"] ?? "") }
            #expect(CompiledTemplates(templates: texts, contentTypes: TemplateLibrary.contentTypes) == nil, "\(main)")
        }
        // A theme using one of them still renders, with swift-mustache.
        var templates = SiteTemplates.builtIn
        templates.files["partials/closing.mustache"] = "<p>{{uppercased(siteTitle)}}</p>\n"
        let (library, _) = templates.compile()
        let compiled = try #require(library)
        #expect(compiled.compiled == nil)
        // So does the whole theme when asked for swift-mustache.
        let forced = TemplateLibrary(mustache: compiled.mustache, texts: ["main": "x"],
                                     environment: ["DECUONG_MUSTACHE": "reference"])
        #expect(forced.compiled == nil)
        #expect(TemplateLibrary(mustache: compiled.mustache, texts: ["main": "x"], environment: [:]).compiled != nil)
    }

    /// A value only swift-mustache renders (a lambda, a template) makes the page fall back.
    @Test func lambdaFallsBackToSwiftMustache() throws {
        _ = FastHTMLContentType.registered
        let texts = ["main": FastHTMLContentType.pragma + "a {{lambda}} {{#lambda}}x{{/lambda}} {{template}} b"]
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: texts["main"] ?? ""), named: "main")
        let compiled = try #require(CompiledTemplates(templates: texts, contentTypes: TemplateLibrary.contentTypes))
        let lambda = MustacheLambda { "<{{name}}>" }
        for data: TemplateData in [["lambda": lambda, "name": "n"], ["template": try MustacheTemplate(string: "{{name}}"), "name": "n"]] {
            #expect(compiled.render(data, template: "main") == nil)
            let both = TemplateLibrary(mustache: library, texts: texts, environment: [:])
            #expect(both.render(data, withTemplate: "main") == Array((library.render(TemplateValue.mustacheValue(data), withTemplate: "main") ?? "").utf8))
        }
        #expect(compiled.render([:], template: "nope") == nil)
    }

    /// Random templates: nested sections, blocks and inheriting partials around tag and text
    /// fragments, some of them malformed. Both engines agree on which parse, and render those
    /// the same.
    @Test func randomTemplates() {
        let fragments = [
            "{{name}}", "{{{name}}}", "{{&label}}", "{{.}}", "{{label}}", "{{href}}", "{{city}}", "{{t.home}}",
            "{{person.address.city}}", "{{! note }}", "{{!\n}}", "{{> q }}", "{{>nope}}", "{{yes}}", "{{count}}",
            "{{=<% %>=}}<%name%><%#yes%>|<%/yes%><%={{ }}=%>", " ", "  ", "\t", "\n", "\n", "\r\n", "x", "<", "&", "'",
            "é", "{", "}", "{{% CONTENT_TYPE: HTML }}", "{{% CONTENT_TYPE: DECUONG_HTML }}", "{{combining}}", "{{crlf}}",
            "{{multi}}", "{{/items}}", "{{#yes}}", "{{name",
        ]
        let sections = ["items", "yes", "no", "person", "words", "noItems", "empty", "html", "noHtml", "missing", "zero"]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        // Nothing may recurse for ever, which would overflow swift-mustache's stack: `p` does
        // not include itself, and no block is expanded inside an override (nor in `p`, which an
        // override may include), where it could name the override itself; and no `{{<parent}}`
        // inside an override, whose `{{$b}}` would find the outer override again.
        func randomTemplate(depth: Int = 0, partials: Bool, blocks: Bool = true) -> String {
            var text = ""
            for _ in 0..<(1 + next(6)) {
                switch next(12) {
                case 0 where depth < 3, 1 where depth < 3:
                    let name = sections[next(sections.count)]
                    let pad = ["", "  ", "\n", "  \n"][next(4)]
                    text += pad + "{{\(next(3) == 0 ? "^" : "#")\(name)}}" + ["", "\n"][next(2)]
                        + randomTemplate(depth: depth + 1, partials: partials, blocks: blocks) + pad + "{{/\(name)}}" + ["", "\n", "\r\n"][next(3)]
                case 2 where depth < 3 && blocks:
                    text += "  {{$b}}\n" + randomTemplate(depth: depth + 1, partials: partials) + "{{/b}}\n"
                case 3 where depth < 2 && blocks:
                    let b = randomTemplate(depth: depth + 1, partials: partials, blocks: false)
                    let c = randomTemplate(depth: depth + 1, partials: partials, blocks: false)
                    text += ["", "  "][next(2)] + "{{<parent}}\n" + ["", "  {{$b}}\n" + b + "  {{/b}}\n"][next(2)]
                        + ["", "{{$c}}" + c + "{{/c}}"][next(2)]
                        + "\n{{/parent}}" + ["", "\n"][next(2)]
                case 4 where partials:
                    text += ["{{>p}}", "  {{>p}}\n", "\t{{> p}}  \r\n"][next(3)]
                default:
                    text += fragments[next(fragments.count)]
                }
            }
            return text
        }
        var compared = 0
        for _ in 0..<3000 {
            let templates = ["main": randomTemplate(partials: true), "p": randomTemplate(partials: false, blocks: false), "q": "q\n  {{name}}\n",
                             "parent": "{{$b}}B\n  {{/b}}\n  {{$c}}C{{/c}}\n{{>q}}"]
            if Self.check(templates, pragma: next(2) == 0) { compared += 1 }
        }
        #expect(compared > 500, "only \(compared) random templates parsed")
    }
}
