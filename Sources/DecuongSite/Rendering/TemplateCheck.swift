import DecuongCore

/// What swift-mustache's parser lets through and a theme author still needs to hear about:
///
/// - A name no page provides. Mustache renders a missing name as nothing, so `{{titel}}`
///   would publish pages without their title and say nothing. A name is known when some
///   page context provides it: the names the default theme uses (every one of which a
///   context provides) and `extraContextNames` (provided, not used by the default theme);
///   `TemplateCheckTests` renders real sites and fails when a context key is missing from
///   this vocabulary. The check is by name, not by place: a known name used where its
///   section does not provide it still renders empty.
/// - A partial or parent that includes itself outside any section. swift-mustache would
///   recurse until the stack overflows; inside a section (`{{#children}}`) recursion ends
///   with the data, as the default table of contents does.
enum TemplateCheck {
    /// Context keys that no default template uses; keep in step with the page contexts
    /// (`BadTemplateTests` lists what is missing). Today the default theme uses every key.
    static let extraContextNames: Set<String> = []

    /// Every name a page context provides.
    static let vocabulary: Set<String> = {
        var names = extraContextNames
        for (path, text) in DefaultTemplates.files where path.hasSuffix(".mustache") {
            for tag in TemplateTag.scan(text) { names.formUnion(tag.lookedUpNames) }
        }
        names.formUnion(UIStrings.english.keys)
        names.formUnion(UIStrings.vietnamese.keys)
        return names
    }()

    /// Errors for names no page provides, at the tag that uses them.
    static func unknownNames(in files: [String: String], origins: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            let origin = origins[path] ?? "\(SiteTemplates.folder)/\(path)"
            for tag in TemplateTag.scan(files[path] ?? "") {
                for unknown in tag.lookedUpNames where !vocabulary.contains(unknown) {
                    let suggestion = closest(to: unknown).map { "did you mean `\($0)`? " } ?? ""
                    diagnostics.append(.error(
                        "template.unknown-variable",
                        "template \(name) uses `\(unknown)` in `{{\(tag.content)}}`, which no page provides; it would render as nothing",
                        file: origin, at: tag.location,
                        hint: "\(suggestion)the default theme's templates show the names pages provide (`decuong init` copies them)"))
                }
            }
        }
        return diagnostics
    }

    /// Errors for partials and parents that include themselves outside any section.
    static func recursiveInclusions(in files: [String: String], origins: [String: String]) -> [Diagnostic] {
        // template → (included template, where), for inclusions outside any section.
        var edges: [String: [(String, SourceLocation)]] = [:]
        for (path, text) in files where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            var conditional: [Bool] = []  // open sections and blocks, innermost last
            for tag in TemplateTag.scan(text) {
                switch tag.kind {
                case .section, .inverted: conditional.append(true)
                case .block: conditional.append(false)
                case .parent:
                    if !conditional.contains(true) { edges[name, default: []].append((tag.content, tag.location)) }
                    conditional.append(false)
                case .close: _ = conditional.popLast()
                case .partial where !tag.content.hasPrefix("*") && !conditional.contains(true):
                    edges[name, default: []].append((tag.content, tag.location))
                default: break
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        for start in edges.keys.sorted() where !reported.contains(start) {
            guard let cycle = cycle(from: start, edges: edges) else { continue }
            reported.formUnion(cycle)
            let target = cycle.count > 1 ? cycle[1] : start
            let location = edges[start]?.first { $0.0 == target }?.1
            let path = "\(start).mustache"
            diagnostics.append(.error(
                "template.recursive-partial",
                "template \(start) includes itself (\((cycle + [start]).joined(separator: " → "))) outside any section, so rendering would never end",
                file: origins[path] ?? "\(SiteTemplates.folder)/\(path)", at: location,
                hint: "put the inclusion inside a section, e.g. {{#children}}{{> \(cycle.last ?? start)}}{{/children}}, so it stops when the data does"))
        }
        return diagnostics
    }

    /// The templates on a path from `start` back to itself, starting with `start`.
    private static func cycle(from start: String, edges: [String: [(String, SourceLocation)]]) -> [String]? {
        var visited: Set<String> = []
        func search(_ node: String, _ path: [String]) -> [String]? {
            for (next, _) in edges[node] ?? [] {
                if next == start { return path }
                guard visited.insert(next).inserted else { continue }
                if let found = search(next, path + [next]) { return found }
            }
            return nil
        }
        return search(start, [start])
    }

    /// The known name nearest to a misspelt one, when it is near enough to be the intent.
    static func closest(to name: String) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in vocabulary {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= max(1, name.count / 3), distance < (best?.1 ?? .max) || (distance == best?.1 && candidate < best?.0 ?? "") {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// Edits between two names, a swap of neighbours counting as one (`nmae` → `name`).
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
