/// A theme compiled for the fast renderer: every template flattened into one array of ops
/// over one byte pool, names split and partials resolved once. `init` returns nil when any
/// template uses what the renderer does not reproduce (see `TemplateParser`), and the site
/// is then rendered with swift-mustache, which stays the parser of record for errors.
struct CompiledTemplates: Sendable {
    private(set) var ops: [TemplateOp] = []
    /// Text and indentation bytes, addressed by ranges in the ops.
    private(set) var bytes: [UInt8] = []
    private(set) var names: [TemplateName] = []
    /// Whether each name is one part looked up by climbing (`{{title}}`), the lookup that
    /// the renderer does without copying the name.
    private(set) var isSingleClimbing: [Bool] = []
    /// The field of a section and of a table-of-contents entry that each name's first part
    /// names (nil: the record has no such key), for lookups that meet a record.
    private(set) var sectionFields: [SectionView.Field?] = []
    /// Each name's first part (an empty key for `.`), read where it is by the lookups that
    /// climb: a name's copy retained its parts.
    private(set) var firstKeys: [TemplateKey] = []
    private(set) var entryFields: [TableOfContentsEntry.Field?] = []
    private(set) var placeFields: [PlaceView.Field?] = []
    private(set) var timelineFields: [TimelineView.Field?] = []
    /// Block definitions of each `{{<parent}}` tag.
    private(set) var overrides: [[TemplateOverride]] = []
    /// Each template's ops, by index; `partial` ops hold these indices.
    private(set) var templateRuns: [Range<Int>] = []
    private(set) var templateIndex: [String: Int] = [:]

    private var nameIndex: [String: Int] = [:]
    private var blockIndex: [String: Int] = [:]

    /// `templates`: name (`layout`, `partials/section`) → full text as given to swift-mustache.
    init?(templates: [String: String], contentTypes: [String: TemplateContentType]) {
        let parser = TemplateParser(contentTypes: contentTypes)
        let sorted = templates.keys.sorted()
        var parsed: [[ParsedTemplateToken]] = []
        for name in sorted {
            guard let text = templates[name], let tokens = try? parser.parse(text) else { return nil }
            templateIndex[name] = parsed.count
            parsed.append(tokens)
        }
        for tokens in parsed {
            let start = ops.count
            guard (try? emit(tokens)) != nil else { return nil }
            templateRuns.append(start..<ops.count)
        }
    }

    /// Renders `data` with the template `name`: the page's bytes, or nil when the template
    /// does not exist or the data holds what only swift-mustache renders (a lambda, a template).
    func render(_ data: TemplateData, template name: String) -> [UInt8]? {
        render(data, template: name) { Array($0) }
    }

    /// `render`, the bytes made into the result by `finish` where the renderer wrote them.
    func render(_ data: TemplateData, template name: String, finish: (UnsafeBufferPointer<UInt8>) -> [UInt8]) -> [UInt8]? {
        guard let index = templateIndex[name] else { return nil }
        return TemplateRenderer.render(templateRuns[index], of: self, root: .dictionary(data), finish: finish)
    }

    private struct BlockDefinitionOutsideParent: Error {}

    private mutating func emit(_ tokens: [ParsedTemplateToken]) throws {
        for token in tokens {
            switch token {
            case .text(let text):
                let start = bytes.count
                bytes.append(contentsOf: text.utf8)
                ops.append(.text(start: start, end: bytes.count))
            case .variable(let name, let escaped):
                ops.append(.variable(name: intern(name), escaped: escaped))
            case .section(let name, let inverted, let body):
                let at = ops.count
                ops.append(.contentType(.htmlBytes))  // replaced below, once the body's end is known
                try emit(body)
                ops[at] = .section(name: intern(name), inverted: inverted, next: ops.count)
            case .blockExpansion(let name, let body, let indentation):
                let at = ops.count
                ops.append(.contentType(.htmlBytes))
                let indent = pool(indentation)
                try emit(body)
                ops[at] = .block(block: block(name), indentStart: indent.lowerBound, indentEnd: indent.upperBound, next: ops.count)
            case .partial(let name, let indentation, let inherits):
                let at = ops.count
                ops.append(.contentType(.htmlBytes))
                let indent = pool(indentation ?? "")
                var overridesIndex = -1
                if let inherits {
                    var table: [TemplateOverride] = []
                    for (name, body) in inherits {
                        let start = ops.count
                        try emit(body)
                        table.append(TemplateOverride(block: block(name), start: start, end: ops.count))
                    }
                    overridesIndex = overrides.count
                    overrides.append(table)
                }
                ops[at] = .partial(template: templateIndex[name] ?? -1, indentStart: indent.lowerBound,
                                   indentEnd: indent.upperBound, overrides: overridesIndex, next: ops.count)
            case .contentType(let type):
                ops.append(.contentType(type))
            case .blockDefinition:
                // swift-mustache stops the process if it ever renders one; never seen outside `{{<…}}`.
                throw BlockDefinitionOutsideParent()
            }
        }
    }

    private mutating func pool(_ text: String) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        return start..<bytes.count
    }

    private mutating func intern(_ name: String) -> Int {
        if let index = nameIndex[name] { return index }
        let parsed = TemplateName(name)
        names.append(parsed)
        isSingleClimbing.append(parsed.scope == .climbing && parsed.parts.count == 1)
        sectionFields.append(parsed.parts.first.flatMap(SectionView.field(for:)))
        firstKeys.append(parsed.parts.first ?? TemplateKey(""))
        entryFields.append(parsed.parts.first.flatMap(TableOfContentsEntry.field(for:)))
        placeFields.append(parsed.parts.first.flatMap(PlaceView.field(for:)))
        timelineFields.append(parsed.parts.first.flatMap(TimelineView.field(for:)))
        nameIndex[name] = names.count - 1
        return names.count - 1
    }

    private mutating func block(_ name: String) -> Int {
        if let index = blockIndex[name] { return index }
        blockIndex[name] = blockIndex.count
        return blockIndex.count - 1
    }
}
