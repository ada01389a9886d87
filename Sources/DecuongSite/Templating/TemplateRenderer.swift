import Mustache

/// Renders compiled templates into one byte buffer with swift-mustache 2.1.1's semantics
/// (Template+Render.swift, Context.swift, Sequence.swift): lookups climb the context stack,
/// sections iterate arrays, test booleans and `isNull`, and push anything else; partials and
/// blocks indent at token boundaries; `{{<parent}}` overrides are inherited outermost first.
/// What it meets that only swift-mustache can render (a lambda, a template as a value, a
/// nesting too deep) makes `render` return nil.
struct TemplateRenderer {
    private let program: CompiledTemplates
    /// Allocated with the renderer, freed by `render` (the renderer's only use).
    private var out = TemplateOutput(capacity: 64 * 1024)
    /// The context stack, innermost last. Records and rows that a section iterates are
    /// levels of their own, pointers into the array being iterated (which the section holds
    /// for its run): a lookup reads the one field it asks for in place, where a value level
    /// was copied through the runtime's generic witness and its array retained every time.
    private var levels: [Level] = []
    /// The values of the `.value` levels, in the same order.
    private var stack: [TemplateValue]
    /// The context's indentation: partials and blocks add theirs for their own run.
    private var indentation: [UInt8] = []
    /// Block overrides in force, outermost `{{<parent}}` first: an outer one wins.
    private var inherited: [TemplateOverride] = []
    private var depth = 0
    private var failed = false
    /// The start of links to documents from the page the last place link was from: every
    /// place of a page links from that page.
    private var documentLinks: DocumentLinkStart?

    /// Nested runs (sections, partials, blocks) before giving up to swift-mustache: far
    /// deeper than any page, and well inside a worker thread's stack.
    private static let maximumDepth = 400

    /// The page `run` renders from `root`, or nil when only swift-mustache can render it.
    static func render(_ run: Range<Int>, of program: CompiledTemplates, root: TemplateValue) -> [UInt8]? {
        render(run, of: program, root: root) { Array($0) }
    }

    /// `render`, the page's bytes made into the result by `finish` from the renderer's own
    /// buffer (a page tidied from there is not first copied into an array of its own).
    static func render(_ run: Range<Int>, of program: CompiledTemplates, root: TemplateValue,
                       finish: (UnsafeBufferPointer<UInt8>) -> [UInt8]) -> [UInt8]? {
        var renderer = TemplateRenderer(program: program, root: root)
        return renderer.render(run, finish: finish)
    }

    private init(program: CompiledTemplates, root: TemplateValue) {
        self.program = program
        stack = [root]
        stack.reserveCapacity(16)
        levels = [.value]
        levels.reserveCapacity(32)
    }

    private enum Level {
        /// The next of `stack`'s values, counting from the top.
        case value
        case section(UnsafePointer<SectionView>)
        case entry(UnsafePointer<TableOfContentsEntry>)
        case place(UnsafePointer<PlaceView>)
        case timeline(UnsafePointer<TimelineView>)
        case row(UnsafePointer<TemplateRow>)
    }

    /// Where a lookup found its value: a field of a record or row level, read where it is
    /// when rendered, or a value handed out beside it (representation applied). Nothing to
    /// copy or destroy: a payload that was a `TemplateValue` went through generic witnesses.
    private enum Found {
        case missing
        case value
        case section(UnsafePointer<SectionView>, SectionView.Field)
        case entry(UnsafePointer<TableOfContentsEntry>, TableOfContentsEntry.Field)
        case place(UnsafePointer<PlaceView>, PlaceView.Field)
        case timeline(UnsafePointer<TimelineView>, TimelineView.Field)
        /// The row and the index of the value in its `values`.
        case row(UnsafePointer<TemplateRow>, Int)
    }

    private mutating func render(_ run: Range<Int>, finish: (UnsafeBufferPointer<UInt8>) -> [UInt8]) -> [UInt8]? {
        defer { out.free() }
        // A render starts with swift-mustache's HTML content type; decuong's pragma follows.
        renderRun(run.lowerBound, run.upperBound, .htmlCharacters)
        return failed ? nil : out.withBytes(finish)
    }

    /// One `MustacheTemplate.render(context:)`: the ops of a template, section body, block or
    /// override, in order. With an indentation, a token that renders something after a line
    /// break of this run gets the indentation first.
    private mutating func renderRun(_ start: Int, _ end: Int, _ initialType: TemplateContentType) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            failed = true
            return
        }
        var contentType = initialType
        let runStart = out.count
        let indentCount = indentation.count
        var index = start
        while index < end, !failed {
            // Added before the token, taken back if the token renders nothing.
            var indentedAt = -1
            if indentCount > 0, endsWithLineBreak(since: runStart) {
                out.append(indentation)
                indentedAt = out.count
            }
            var next = index + 1
            switch program.ops[index] {
            case .text(let textStart, let textEnd):
                program.bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[textStart..<textEnd])) }
            case .variable(let name, let escaped):
                var value = TemplateValue.bool(false)
                let found = lookup(name, &value)
                renderVariable(found, value, escaped: escaped, contentType)
            case .section(let name, let inverted, let bodyEnd):
                next = bodyEnd
                var value = TemplateValue.bool(false)
                let found = lookup(name, &value)
                if case .missing = found {
                    // Nothing found: an inverted section renders its body.
                    if inverted { renderRun(index + 1, bodyEnd, contentType) }
                } else if inverted {
                    renderInvertedSection(found, value, index + 1, bodyEnd, contentType)
                } else {
                    renderSection(found, value, index + 1, bodyEnd, contentType)
                }
            case .block(let block, let indentStart, let indentEnd, let bodyEnd):
                next = bodyEnd
                var body = (index + 1, bodyEnd)
                if let override = inherited.first(where: { $0.block == block }) {
                    body = (override.start, override.end)
                }
                indentation.append(contentsOf: program.bytes[indentStart..<indentEnd])
                renderRun(body.0, body.1, contentType)
                indentation.removeLast(indentEnd - indentStart)
            case .partial(let template, let indentStart, let indentEnd, let overrides, let partialEnd):
                next = partialEnd
                guard template >= 0 else { break }
                let inheritedCount = inherited.count
                if overrides >= 0 { inherited.append(contentsOf: program.overrides[overrides]) }
                // Most partials stand alone without indentation: nothing to add or take back
                // (an empty append still cost a hundred instructions).
                if indentEnd > indentStart { indentation.append(contentsOf: program.bytes[indentStart..<indentEnd]) }
                let run = program.templateRuns[template]
                // A partial starts again with swift-mustache's own HTML content type.
                renderRun(run.lowerBound, run.upperBound, .htmlCharacters)
                if indentEnd > indentStart { indentation.removeLast(indentEnd - indentStart) }
                if inherited.count > inheritedCount { inherited.removeLast(inherited.count - inheritedCount) }
            case .contentType(let type):
                contentType = type
            }
            if indentedAt >= 0, out.count == indentedAt {
                out.removeLast(indentCount)
            }
            index = next
        }
    }

    /// swift-mustache tests `string.last == "\n"` on the run's own text: a `\r\n` at the end
    /// is one Character, not a line feed.
    private func endsWithLineBreak(since runStart: Int) -> Bool {
        let count = out.count
        guard count > runStart, out[count - 1] == 0x0A else { return false }
        return count - 2 < runStart || out[count - 2] != 0x0D
    }

    // MARK: Lookup

    /// swift-mustache's `getChild` without transforms: where the value is, `.missing` when
    /// nothing is found. A value that is not a record's or row's is handed out in `value`
    /// (`.value`). Nothing here copies a `TemplateValue` out of the stack: each copy went
    /// through the runtime's generic enum witness, on every lookup.
    private mutating func lookup(_ nameIndex: Int, _ value: inout TemplateValue) -> Found {
        if program.isSingleClimbing[nameIndex] { return climb(nameIndex, represented: true, &value) }
        let name = program.names[nameIndex]
        let found: TemplateValue?
        switch name.scope {
        case .current:
            found = topValue()
        case .anchored:
            guard let top = topValue() else { return .missing }
            found = walk(name.parts[...], from: top)
        case .climbing:
            // A dotted name (one part went through `climb` above): its first part as
            // `climb` finds it, the rest from there.
            var first = TemplateValue.bool(false)
            let located = climb(nameIndex, represented: false, &first)
            if case .missing = located { return .missing }
            found = walk(name.parts.dropFirst(), from: self.value(of: located, first))
        }
        guard let found else { return .missing }
        return Self.found(found, represented: true, &value)
    }

    /// The top of the stack as a value: a record or row level as the one-element value it
    /// stands for. (Mutating only to be called with `self` in place: called as a borrow from
    /// the mutating `lookup`, the whole renderer was copied to the stack first.)
    private mutating func topValue() -> TemplateValue? {
        switch levels.last {
        case .value?: stack.last
        case .section(let section)?: .record(.sections([section.pointee]), 0)
        case .entry(let entry)?: .record(.tableOfContents([entry.pointee]), 0)
        case .place(let place)?: .record(.places([place.pointee]), 0)
        case .timeline(let entry)?: .record(.timeline([entry.pointee]), 0)
        case .row(let row)?: .row(row.pointee)
        case nil: nil
        }
    }

    /// The value found, as a value (`value` for `.value`). Mutating: see `topValue`.
    private mutating func value(of found: Found, _ value: TemplateValue) -> TemplateValue {
        switch found {
        case .section(let section, let field): SectionView.value(of: section, field: field)
        case .entry(let entry, let field): TableOfContentsEntry.value(of: entry, field: field)
        case .place(let place, let field): PlaceView.value(of: place, field: field)
        case .timeline(let entry, let field): TimelineView.value(of: entry, field: field)
        case .row(let row, let index): row.pointee.values[index]
        case .value, .missing: value
        }
    }

    /// Where the first part of name `nameIndex` is, at the innermost level that has it. Record
    /// levels answer by the field found for the name once. With `represented`, a value is
    /// handed out as swift-mustache uses it (a custom representation in place of an `.other`
    /// value: missing when that is nothing); without, as it is (the start of a dotted name's
    /// walk). Mutating: see `topValue`.
    @inline(__always)
    private mutating func climb(_ nameIndex: Int, represented: Bool, _ value: inout TemplateValue) -> Found {
        // Most lookups are a record's own fields, found on top without a climb: inlined in
        // the lookup, apart from the climb's frame.
        switch levels.last {
        case .section(let section)?:
            if let field = program.sectionFields[nameIndex] { return .section(section, field) }
        case .entry(let entry)?:
            if let field = program.entryFields[nameIndex] { return .entry(entry, field) }
        case .place(let place)?:
            if let field = program.placeFields[nameIndex] { return .place(place, field) }
        case .timeline(let entry)?:
            if let field = program.timelineFields[nameIndex] { return .timeline(entry, field) }
        default:
            break
        }
        return climbLevels(nameIndex, represented: represented, &value)
    }

    @inline(never)
    private mutating func climbLevels(_ nameIndex: Int, represented: Bool, _ value: inout TemplateValue) -> Found {
        let sectionField = program.sectionFields[nameIndex]
        let entryField = program.entryFields[nameIndex]
        let placeField = program.placeFields[nameIndex]
        let timelineField = program.timelineFields[nameIndex]
        return program.firstKeys.withUnsafeBufferPointer { keys in
            guard let key = keys.baseAddress.map({ $0 + nameIndex }), nameIndex < keys.count else { return .missing }
            return levels.withUnsafeBufferPointer { levels in
                stack.withUnsafeBufferPointer { values in
                    Self.climb(levels, values, to: key, (sectionField, entryField, placeField, timelineField), represented: represented, &value)
                }
            }
        }
    }

    private static func climb(_ levels: UnsafeBufferPointer<Level>, _ values: UnsafeBufferPointer<TemplateValue>,
                              to key: UnsafePointer<TemplateKey>,
                              _ fields: (section: SectionView.Field?, entry: TableOfContentsEntry.Field?, place: PlaceView.Field?,
                                         timeline: TimelineView.Field?),
                              represented: Bool,
                              _ value: inout TemplateValue) -> Found {
        var level = levels.count - 1
        var valueIndex = values.count - 1
        while level >= 0 {
            switch levels[level] {
            case .section(let section):
                if let field = fields.section { return .section(section, field) }
            case .entry(let entry):
                if let field = fields.entry { return .entry(entry, field) }
            case .place(let place):
                if let field = fields.place { return .place(place, field) }
            case .timeline(let entry):
                if let field = fields.timeline { return .timeline(entry, field) }
            case .row(let row):
                if let index = row.pointee.index(of: key.pointee) {
                    // A custom representation is used in place of the value. Asked of the
                    // value in place: a pattern on it copied it.
                    if represented, row.pointee.values.withUnsafeBufferPointer({ $0.baseAddress.map { ($0 + index).pointee.isOther } ?? false }) {
                        return found(row.pointee.values[index], represented: true, &value)
                    }
                    return .row(row, index)
                }
            case .value:
                // A method of the level, which reads it in place through its pointer: a switch
                // on it here, or a subscript, copied it.
                if let base = values.baseAddress, let child = (base + valueIndex).pointee.child(named: key.pointee) {
                    return found(child, represented: represented, &value)
                }
                valueIndex -= 1
            }
            level -= 1
        }
        return .missing
    }

    /// `child` handed out in `value`; with `represented`, an `.other` value as swift-mustache
    /// uses it, its custom representation (missing when that is nothing).
    @inline(__always)
    private static func found(_ child: consuming TemplateValue, represented: Bool, _ value: inout TemplateValue) -> Found {
        if represented, child.isOther {
            guard let representation = child.represented else { return .missing }
            value = representation
        } else {
            value = child
        }
        return .value
    }

    /// swift-mustache's `_getChild`: the rest of a dotted name, with no climbing.
    private mutating func walk(_ parts: ArraySlice<TemplateKey>, from start: TemplateValue) -> TemplateValue? {
        var value = start
        for part in parts {
            if case .other(let object) = value, object is MustacheLambda {
                failed = true
                return nil
            }
            guard let child = value.child(named: part) else { return nil }
            value = child
        }
        return value
    }

    // MARK: Tokens

    /// A field's text and HTML are written from where they are; the other fields, and values
    /// in rows, go through the value's rendering (a row's borrowed in place).
    private mutating func renderVariable(_ found: Found, _ value: TemplateValue, escaped: Bool,
                                         _ contentType: TemplateContentType) {
        switch found {
        case .missing:
            return
        case .section(let section, let field):
            switch field {
            case .level: appendText(section.pointee.level, escaped: escaped, contentType)
            case .marker: appendText(section.pointee.marker, escaped: escaped, contentType)
            case .themeNumber: appendText(section.pointee.themeNumber, escaped: escaped, contentType)
            case .leadHtml: appendHTML(section.pointee.leadHtml, escaped: escaped, contentType)
            case .bodyHtml: appendHTML(section.pointee.bodyHtml, escaped: escaped, contentType)
            case .headingLevel: appendInt(section.pointee.headingLevel)
            default: renderVariable(SectionView.value(of: section, field: field), escaped: escaped, contentType)
            }
        case .entry(let entry, let field):
            switch field {
            case .href where !escaped || contentType == .htmlBytes:
                // `#` and the anchor, one after the other, where text is escaped a byte at a time
                // (or not at all): `#` escapes to itself, and joining them made a String per entry.
                out.append(Self.hash)
                appendText(entry.pointee.anchor, escaped: escaped, contentType)
            case .number: appendText(entry.pointee.number, escaped: escaped, contentType)
            case .title: appendText(entry.pointee.title, escaped: escaped, contentType)
            default: renderVariable(TableOfContentsEntry.value(of: entry, field: field), escaped: escaped, contentType)
            }
        case .place(let place, let field):
            switch field {
            case .href: appendHref(place, escaped: escaped, contentType)
            case .label: appendLabel(place, escaped: escaped, contentType)
            case .context: renderVariable(PlaceView.value(of: place, field: field), escaped: escaped, contentType)
            }
        case .timeline(let entry, let field):
            switch field {
            case .id:
                // `moc-` and digits: nothing to escape.
                out.append(Self.idPrefix)
                append(String(entry.pointee.number))
            case .datetime: appendText(entry.pointee.datetime, escaped: escaped, contentType)
            case .display: appendText(entry.pointee.display, escaped: escaped, contentType)
            case .href:
                if let place = entry.pointer(to: \.place) { appendHref(place, escaped: escaped, contentType) }
            case .label:
                // The place read where it is, inside the entry.
                if let place = entry.pointer(to: \.place) { appendLabel(place, escaped: escaped, contentType) }
            case .text, .context: renderVariable(TimelineView.value(of: entry, field: field), escaped: escaped, contentType)
            }
        case .row(let row, let index):
            row.pointee.values.withUnsafeBufferPointer { renderVariable($0[index], escaped: escaped, contentType) }
        case .value:
            renderVariable(value, escaped: escaped, contentType)
        }
    }

    /// A place's label. Escaped a byte at a time (or not at all), its parts one after the
    /// other are the label; escaping by Characters looks at the label whole.
    private mutating func appendLabel(_ place: UnsafePointer<PlaceView>, escaped: Bool, _ contentType: TemplateContentType) {
        guard let number = place.pointee.sectionNumber else {
            // The label is the title: read where it is (`label` copied the whole place).
            return appendText(place.pointee.title, escaped: escaped, contentType)
        }
        if !escaped || contentType == .htmlBytes {
            appendText(place.pointee.title, escaped: escaped, contentType)
            // `, ` and ` ` escape to themselves: written as they are, a byte at a time (a
            // static array cost a `swift_once` check, a retain and a release each time).
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: " "))
            appendText(place.pointee.sectionWord, escaped: escaped, contentType)
            out.append(UInt8(ascii: " "))
            appendText(number, escaped: escaped, contentType)
        } else {
            appendText(place.pointee.label, escaped: escaped, contentType)
        }
    }

    /// A place's href, written from its parts: where the page's links to documents are the
    /// target after the `../`s (`DocumentLinkStart`), part by part into the page; otherwise
    /// put together on the stack and written from there. Escaped a byte at a time (or not at
    /// all), the parts escaped one after the other are the link escaped.
    private mutating func appendHref(_ place: UnsafePointer<PlaceView>, escaped: Bool, _ contentType: TemplateContentType) {
        switch place.pointee.link {
        case .text(let href):
            appendText(href, escaped: escaped, contentType)
        case .document(let page, let slug, let anchor):
            if !escaped || contentType == .htmlBytes {
                let links = documentLinks.flatMap { $0.page == page ? $0 : nil } ?? DocumentLinkStart(page: page)
                documentLinks = links
                let written = links.write(toDocument: slug, anchor: anchor) { bytes, isText in
                    if isText, escaped { _ = appendEscaped(bytes, contentType) } else { out.append(bytes) }
                }
                if written { return }
            }
            RelativeURL.withLink(from: page, toDocument: slug, anchor: anchor) { bytes in
                if !escaped {
                    out.append(bytes)
                } else if !appendEscaped(bytes, contentType) {
                    appendCharactersEscaped(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
    }

    private static let idPrefix = Array("moc-".utf8)
    private static let hash = Array("#".utf8)

    private mutating func appendText(_ string: String, escaped: Bool, _ contentType: TemplateContentType) {
        if escaped { appendEscaped(string, contentType) } else { append(string) }
    }

    private mutating func appendHTML(_ html: SafeHTML, escaped: Bool, _ contentType: TemplateContentType) {
        if !escaped {
            out.append(html.bytes)
        } else if !html.bytes.withUnsafeBufferPointer({ appendEscaped($0, contentType) }) {
            appendCharactersEscaped(html.renderText)
        }
    }

    /// A section's lead or body: its Markdown rendered here, into the page, unless escaped.
    private mutating func appendHTML(_ html: SectionHTML, escaped: Bool, _ contentType: TemplateContentType) {
        if !escaped {
            html.write(into: &out.buffer)
        } else {
            appendHTML(html.safeHTML, escaped: escaped, contentType)
        }
    }

    private mutating func renderVariable(_ value: TemplateValue, escaped: Bool, _ contentType: TemplateContentType) {
        switch value {
        case .string(let string):
            appendText(string, escaped: escaped, contentType)
        case .html(let html):
            appendHTML(html, escaped: escaped, contentType)
        case .bool(let bool):
            append(bool ? "true" : "false")
        case .int(let int):
            appendInt(int)
        case .other(let object):
            if escaped, object is MustacheTemplate {
                failed = true
            } else if let renderable = object as? MustacheCustomRenderable {
                if escaped { appendEscaped(renderable.renderText, contentType) } else { append(renderable.renderText) }
            } else if object is MustacheLambda {
                failed = true
            } else if escaped {
                appendEscaped(value.described, contentType)
            } else {
                append(value.described)
            }
        case .list(let items) where items.isEmpty:
            append("[]")
        case .dictionary(let dictionary) where dictionary.isEmpty:
            append("[:]")
        case .records(let records) where records.isEmpty:
            append("[]")
        case .rows(let rows) where rows.isEmpty:
            append("[]")
        case .row(let row) where row.keys.isEmpty:
            append("[:]")
        case .dictionary, .list, .records, .record, .rows, .row:
            // Printed as swift-mustache prints the `[String: Any]` it is given, whose order is
            // that dictionary instance's own: only swift-mustache can print it, so it renders
            // the page. No theme prints a whole dictionary; a test's `{{person}}` does.
            failed = true
        case .stringDictionary, .stringList:
            if escaped { appendEscaped(value.described, contentType) } else { append(value.described) }
        }
    }

    /// A section's flags and children are read from where they are; other fields, and values
    /// in rows, go through the value's rendering.
    private mutating func renderSection(_ found: Found, _ value: TemplateValue, _ start: Int, _ end: Int,
                                        _ contentType: TemplateContentType) {
        switch found {
        case .missing:
            return
        case .section(let section, let field):
            switch field {
            case .isHeading:
                if section.pointee.isHeading { renderRun(start, end, contentType) }
            case .id where section.pointee.id == nil, .themeHref where section.pointee.themeHref == nil:
                // `false`.
                return
            case .children:
                section.pointee.children.withUnsafeBufferPointer { renderEach($0, as: Level.section, start, end, contentType) }
            default:
                renderSection(SectionView.value(of: section, field: field), start, end, contentType)
            }
        case .entry(let entry, let field):
            switch field {
            case .hasChildren:
                if !entry.pointee.children.isEmpty { renderRun(start, end, contentType) }
            case .children:
                entry.pointee.children.withUnsafeBufferPointer { renderEach($0, as: Level.entry, start, end, contentType) }
            default:
                renderSection(TableOfContentsEntry.value(of: entry, field: field), start, end, contentType)
            }
        case .place(let place, let field):
            // No context is `false`.
            if field == .context, place.pointee.context == nil { return }
            renderSection(PlaceView.value(of: place, field: field), start, end, contentType)
        case .timeline(let entry, let field):
            // No text or context is `false`.
            if field == .text, entry.pointee.text == nil { return }
            if field == .context, entry.pointee.context == nil { return }
            renderSection(TimelineView.value(of: entry, field: field), start, end, contentType)
        case .row(let row, let index):
            row.pointee.values.withUnsafeBufferPointer { renderSection($0[index], start, end, contentType) }
        case .value:
            renderSection(value, start, end, contentType)
        }
    }

    private mutating func renderInvertedSection(_ found: Found, _ value: TemplateValue, _ start: Int, _ end: Int,
                                                _ contentType: TemplateContentType) {
        switch found {
        case .missing:
            renderRun(start, end, contentType)
        case .section(let section, .isHeading):
            if !section.pointee.isHeading { renderRun(start, end, contentType) }
        case .row(let row, let index):
            row.pointee.values.withUnsafeBufferPointer { renderInvertedSection($0[index], start, end, contentType) }
        case .value:
            renderInvertedSection(value, start, end, contentType)
        default:
            renderInvertedSection(self.value(of: found, value), start, end, contentType)
        }
    }

    /// The body once per record, with the record as a level of the stack (`level` makes the
    /// level from the record's address: `Level.section`, `Level.entry` …).
    private mutating func renderEach<Record>(_ records: UnsafeBufferPointer<Record>, as level: (UnsafePointer<Record>) -> Level,
                                             _ start: Int, _ end: Int, _ contentType: TemplateContentType) {
        guard let base = records.baseAddress else { return }
        for index in 0..<records.count where !failed {
            levels.append(level(base + index))
            renderRun(start, end, contentType)
            levels.removeLast()
        }
    }

    private mutating func renderSection(_ value: TemplateValue, _ start: Int, _ end: Int, _ contentType: TemplateContentType) {
        switch value {
        case .bool(let bool):
            if bool { renderRun(start, end, contentType) }
        case .list(let items):
            for item in items where !failed {
                renderPushed(.dictionary(item), start, end, contentType)
            }
        case .stringList(let items):
            for item in items where !failed {
                renderPushed(.string(item), start, end, contentType)
            }
        case .records(.sections(let items)):
            items.withUnsafeBufferPointer { renderEach($0, as: Level.section, start, end, contentType) }
        case .records(.tableOfContents(let items)):
            items.withUnsafeBufferPointer { renderEach($0, as: Level.entry, start, end, contentType) }
        case .records(.places(let items)):
            items.withUnsafeBufferPointer { renderEach($0, as: Level.place, start, end, contentType) }
        case .records(.timeline(let items)):
            items.withUnsafeBufferPointer { renderEach($0, as: Level.timeline, start, end, contentType) }
        case .rows(let rows):
            rows.withUnsafeBufferPointer { renderEach($0, as: Level.row, start, end, contentType) }
        case .html(let html):
            if !html.isNull { renderPushed(value, start, end, contentType) }
        case .string, .int, .dictionary, .stringDictionary, .record, .row:
            renderPushed(value, start, end, contentType)
        case .other(let object):
            if object is MustacheLambda {
                failed = true
            } else if let elements = TemplateValue.elements(of: object) {
                for element in elements where !failed {
                    renderPushed(TemplateValue(element), start, end, contentType)
                }
            } else if let bool = object as? Bool {
                if bool { renderRun(start, end, contentType) }
            } else if let renderable = object as? MustacheCustomRenderable, renderable.isNull {
                return
            } else {
                renderPushed(value, start, end, contentType)
            }
        }
    }

    private mutating func renderInvertedSection(_ value: TemplateValue, _ start: Int, _ end: Int,
                                                _ contentType: TemplateContentType) {
        switch value {
        case .bool(let bool):
            if !bool { renderRun(start, end, contentType) }
        case .list(let items):
            // An empty sequence is pushed: `{{.}}` inside prints `[]`.
            if items.isEmpty { renderPushed(value, start, end, contentType) }
        case .stringList(let items):
            if items.isEmpty { renderPushed(value, start, end, contentType) }
        case .records(let records):
            if records.isEmpty { renderPushed(value, start, end, contentType) }
        case .rows(let rows):
            if rows.isEmpty { renderPushed(value, start, end, contentType) }
        case .html(let html):
            if html.isNull { renderRun(start, end, contentType) }
        case .string, .int, .dictionary, .stringDictionary, .record, .row:
            return
        case .other(let object):
            if let elements = TemplateValue.elements(of: object) {
                if elements.isEmpty { renderPushed(value, start, end, contentType) }
            } else if let bool = object as? Bool {
                if !bool { renderRun(start, end, contentType) }
            } else if let renderable = object as? MustacheCustomRenderable, renderable.isNull {
                renderRun(start, end, contentType)
            }
        }
    }

    private mutating func renderPushed(_ value: TemplateValue, _ start: Int, _ end: Int, _ contentType: TemplateContentType) {
        stack.append(value)
        levels.append(.value)
        renderRun(start, end, contentType)
        levels.removeLast()
        stack.removeLast()
    }

    // MARK: Output

    private mutating func append(_ string: String) {
        if let done: Void = string.utf8.withContiguousStorageIfAvailable({ out.append($0) }) {
            return done
        }
        out.append(contentsOf: string.utf8)
    }

    /// `String(int)`, a digit written without making the String: heading levels, twice a section.
    private mutating func appendInt(_ int: Int) {
        if int >= 0, int < 10 {
            out.append(Self.digits[int])
        } else {
            append(String(int))
        }
    }

    private static let digits: [[UInt8]] = (0..<10).map { [UInt8(0x30 + $0)] }

    private mutating func appendEscaped(_ string: String, _ contentType: TemplateContentType) {
        let escapedBytes: Bool? = string.utf8.withContiguousStorageIfAvailable { bytes in
            appendEscaped(bytes, contentType)
        }
        if let escapedBytes {
            if !escapedBytes { appendCharactersEscaped(string) }
            return
        }
        var copy = string
        let done = copy.withUTF8 { appendEscaped($0, contentType) }
        if !done { appendCharactersEscaped(string) }
    }

    /// Appends text escaped on bytes, or as it is when nothing needs escaping. Returns false,
    /// having appended nothing, when the text needs escaping by Characters.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ contentType: TemplateContentType) -> Bool {
        var plainStart = 0
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        while index < count {
            // Sixteen bytes at a time while none of them is one of the five; a pair of words
            // that has one is gone through byte by byte (rescanning from each next byte tested
            // the same word again up to eight times).
            var stop = count
            if index + 16 <= count {
                let raw = UnsafeRawPointer(base + index)
                if Self.escapeBits(raw.loadUnaligned(as: UInt64.self))
                    | Self.escapeBits(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) == 0 {
                    index += 16
                    continue
                }
                stop = index + 16
            } else if index + 8 <= count {
                if Self.escapeBits(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) == 0 {
                    index += 8
                    continue
                }
                stop = index + 8
            }
            while index < stop {
                let byte = bytes[index]
                if Self.needsEscape[Int(byte)] {
                    guard contentType == .htmlBytes else { return false }
                    out.append(UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                    switch byte {
                    case UInt8(ascii: "<"): out.append(Self.lt)
                    case UInt8(ascii: ">"): out.append(Self.gt)
                    case UInt8(ascii: "&"): out.append(Self.amp)
                    case UInt8(ascii: "\""): out.append(Self.quot)
                    default: out.append(Self.apos)
                    }
                    plainStart = index + 1
                }
                index += 1
            }
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[plainStart..<count]))
        return true
    }

    /// Whether some byte of `word` is `<`, `>`, `&`, `"` or `'`.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool { escapeBits(word) != 0 }

    /// The high bit of a byte set where `word` may have one of the five (none set: it has
    /// none). Three zero tests, not five: `&` and `'` (26, 27) are the bytes that are 26 with
    /// bit 0 cleared, `<` and `>` (3C, 3E) those that are 3C with bit 1 cleared. A byte equal
    /// to the pattern is a zero byte of the xor, which the borrow test finds exactly.
    @inline(__always)
    static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let found = zeroBytes(word ^ (0x22 &* ones)) | zeroBytes((word & (0xFE &* ones)) ^ (0x26 &* ones))
            | zeroBytes((word & (0xFD &* ones)) ^ (0x3C &* ones))
        return found & highs
    }

    /// The five-test form of `mayNeedEscape`, kept as its reference.
    static func referenceMayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let found = zeroBytes(word ^ (0x3C &* ones)) | zeroBytes(word ^ (0x3E &* ones)) | zeroBytes(word ^ (0x26 &* ones))
            | zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x27 &* ones))
        return found & highs != 0
    }

    /// swift-mustache's `htmlEscape`: only a Character that is exactly one of the five.
    private mutating func appendCharactersEscaped(_ string: String) {
        for character in string {
            switch character {
            case "<": out.append(Self.lt)
            case ">": out.append(Self.gt)
            case "&": out.append(Self.amp)
            case "\"": out.append(Self.quot)
            case "'": out.append(Self.apos)
            default: out.append(contentsOf: character.utf8)
            }
        }
    }

    private static let needsEscape: [Bool] = (0..<256).map {
        $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27
    }
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)
}
