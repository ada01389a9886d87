import Foundation

/// One example of the CommonMark/GFM spec files: fenced by 32 backticks and `example`,
/// Markdown, a line holding `.`, then the expected HTML; `→` stands for a tab.
struct SpecExample: Sendable, CustomStringConvertible {
    var file: String
    var number: Int
    var line: Int
    var section: String
    /// Extensions the example is written for (the words after `example` on its fence).
    var extensions: [String]
    var markdown: String
    var expectedHTML: String

    var description: String { "\(file) example \(number) (line \(line), \(section))" }

    static func load(_ name: String) throws -> [SpecExample] {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return parse(try String(contentsOf: url, encoding: .utf8), file: name)
    }

    static func parse(_ text: String, file: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var state = 0  // 0 outside, 1 markdown, 2 html
        var markdown: [String] = []
        var html: [String] = []
        var startLine = 0
        var extensions: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            switch state {
            case 0:
                if line.hasPrefix(fence + " example") {
                    state = 1
                    startLine = index + 1
                    extensions = line.dropFirst(fence.count + " example".count).split(separator: " ").map(String.init)
                    markdown = []
                    html = []
                } else if line.hasPrefix("#") {
                    section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                }
            case 1:
                if line == "." { state = 2 } else { markdown.append(line) }
            default:
                if line == fence {
                    state = 0
                    func join(_ lines: [String]) -> String {
                        lines.isEmpty ? "" : lines.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
                    }
                    examples.append(SpecExample(file: file, number: examples.count + 1, line: startLine,
                                                section: section, extensions: extensions, markdown: join(markdown),
                                                expectedHTML: join(html)))
                } else {
                    html.append(line)
                }
            }
        }
        return examples
    }
}
