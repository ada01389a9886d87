import DecuongMarkdown
import Foundation
import Testing

/// The external suites: for every example, our renderer over the Swift tree must give the
/// HTML that cmark-gfm's own renderer gives for the same input and options.
@Suite struct CommonMarkSuiteTests {
    static let files = ["spec.txt", "extensions.txt", "regression.txt"]

    /// Only whitespace between tags is insignificant in HTML; nothing else is normalized.
    static func normalize(_ html: String) -> String {
        html.replacingOccurrences(of: #">\s+<"#, with: "><", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func check(file: String, rawHTML: HTMLRenderer.RawHTML, label: String) throws {
        let examples = try SpecExample.load(file)
        #expect(examples.count > 0, "no examples found in \(file)")
        let parser = MarkdownParser()
        let renderer = HTMLRenderer(rawHTML: rawHTML)
        var matched = 0
        var exact = 0
        for example in examples {
            let ours = renderer.render(parser.parse(example.markdown))
            let reference = CMarkReference.renderHTML(example.markdown, rawHTML: rawHTML)
            if ours == reference { exact += 1 }
            if normalize(ours) == normalize(reference) {
                matched += 1
            } else {
                Issue.record("""
                    \(example) [\(label)] differs from cmark_render_html
                    --- markdown
                    \(example.markdown)--- cmark
                    \(reference)--- ours
                    \(ours)
                    """)
            }
        }
        print("CommonMark \(file)\(label.isEmpty ? "" : " (\(label))"): \(matched)/\(examples.count) examples match (\(exact) byte for byte)")
    }

    @Test(arguments: files)
    func rawHTMLWithTagFilter(file: String) throws {
        try Self.check(file: file, rawHTML: .allow(tagFilter: true), label: "")
    }

    @Test(arguments: files)
    func safeMode(file: String) throws {
        try Self.check(file: file, rawHTML: .omit, label: "safe mode")
    }

    @Test(arguments: files)
    func rawHTMLWithoutTagFilter(file: String) throws {
        try Self.check(file: file, rawHTML: .allow(tagFilter: false), label: "raw HTML, no tag filter")
    }

    /// The suites' own expectations, run as cmark-gfm's own test runner runs them: spec.txt
    /// with the extensions each example names (skipping those marked `disabled`), the other
    /// two files with every extension. This checks that the library we compare against is
    /// the one the fixtures' note describes (the Debian build predates one extensions.txt
    /// example, the old `fn1` footnote ids, and regression.txt shares that footnote example
    /// and one about raw-HTML block ends). Examples whose expectation is `<IGNORE>` only
    /// check that nothing crashes.
    @Test(arguments: [("spec.txt", 0), ("extensions.txt", 1), ("regression.txt", 2)])
    func libraryAgreesWithTheSuite(file: String, knownDifferences: Int) throws {
        let examples = try SpecExample.load(file).filter {
            !$0.extensions.contains("disabled") && $0.expectedHTML != "<IGNORE>\n"
        }
        let disagreeing = examples.filter { example in
            let options = file == "spec.txt"
                ? MarkdownOptions(extensions: example.extensions.compactMap(MarkdownOptions.Extension.init(rawValue:)),
                                  footnotes: false)
                : MarkdownOptions.default
            let html = CMarkReference.renderHTML(example.markdown, options: options,
                                                 rawHTML: .allow(tagFilter: options.extensions.contains(.tagfilter)))
            return Self.normalize(html) != Self.normalize(example.expectedHTML)
        }
        print("cmark-gfm vs \(file) expectations: \(examples.count - disagreeing.count)/\(examples.count) agree"
              + (disagreeing.isEmpty ? "" : " (not example \(disagreeing.map { String($0.number) }.joined(separator: ", ")))"))
        #expect(disagreeing.count == knownDifferences)
    }
}
