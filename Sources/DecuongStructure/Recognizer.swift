import DecuongContent
import DecuongCore
import DecuongMarkdown

/// The recognize stage: a loaded file (or its Markdown tree) in, a `StructuredDocument`
/// out. Total: any input gives a document plus diagnostics, never a crash.
public struct Recognizer: Sendable {
    /// Organization names from site.yml, found in the text as given.
    public var organizations: [String]

    public init(organizations: [String] = []) {
        self.organizations = organizations
    }

    public func recognize(_ source: SourceFile) -> StructuredDocument {
        recognize(MarkdownParser().parse(source.body), source: source)
    }

    public func recognize(_ markdown: MarkdownDocument, source: SourceFile) -> StructuredDocument {
        let lines = LineExtractor.lines(of: markdown)
        let count = lines.count
        // Handed over, not shared: the section builder edits the lines, and a second owner
        // made it copy the whole array (every line retained) once per document.
        var document = recognize(lines: consume lines, range: 0..<count, file: source.path)
        apply(source.frontMatter, to: &document)
        if let place = markdown.nestingFlattenedAt {
            document.diagnostics.append(.warning("markdown.too-deep",
                                                 "lists or quotes are nested more than \(MarkdownLimits.maxNesting) levels deep; deeper levels are shown flattened",
                                                 file: source.path, at: place,
                                                 hint: "check for stray '>' or indentation; no document needs this many levels"))
        }
        document.diagnostics = source.diagnostics + document.diagnostics
        return document
    }

    // MARK: One document (and the ones attached after it)

    private func recognize(lines: consuming [TextLine], range: Range<Int>, file: String) -> StructuredDocument {
        var document = StructuredDocument(path: file)
        guard !range.isEmpty else { return document }
        let offset = range.lowerBound
        // The whole file's lines are passed as they are (a copy retained every line).
        var header = HeaderRecognizer.recognize(range == lines.indices ? lines : Array(lines[range]))
        header.bodyStart += offset
        header.leftovers = header.leftovers.map { $0 + offset }
        document.header = header.header

        // Where the body ends: the closing, then any attached document.
        let closingStart = ClosingRecognizer.start(in: lines, from: header.bodyStart, to: range.upperBound)
        let attachmentStart = findAttachment(lines, after: closingStart ?? header.bodyStart, end: range.upperBound,
                                             requireIntroduction: closingStart == nil)
        var bodyEnd = closingStart ?? attachmentStart ?? range.upperBound
        // Numbered notes under a rule at the end ("___" then "1. Hồ Chí Minh: Toàn tập …")
        // are references, not sections.
        let notesStart = Self.notesStart(lines, body: header.bodyStart..<bodyEnd)
        if let notesStart { bodyEnd = notesStart }
        let closingEnd = attachmentStart ?? range.upperBound

        let firstStart = lines[range.lowerBound].start
        // Only an attached document needs the lines as they were before the builder edited them.
        let attachmentLines: [TextLine]? = attachmentStart == nil ? nil : copy lines
        var builder = SectionBuilder(lines: consume lines, file: file)
        builder.build(range: header.bodyStart..<max(header.bodyStart, bodyEnd))
        var assembler = SectionAssembler(builder: builder, file: file)
        let (sections, lineAnchors) = assembler.assemble()
        document.sections = sections
        document.preamble = assembler.rebuilder.blocks(header.leftovers + builder.preamble)

        var epilogue: [Block] = []
        Self.extractEpilogue(from: &document.sections, into: &epilogue)
        if let notesStart {
            let end = closingStart ?? attachmentStart ?? range.upperBound
            epilogue += assembler.rebuilder.blocks(Array(notesStart..<end))
        }
        if let closingStart {
            let closing = ClosingRecognizer.recognize(builder.lines, range: closingStart..<closingEnd)
            document.closing = closing.closing
            epilogue += assembler.rebuilder.blocks(closing.leftovers)
        }
        document.epilogue = epilogue

        var mentions = MentionScanner(lines: builder.lines, lineAnchors: lineAnchors, organizationNames: organizations,
                                      file: file)
        mentions.scan(header.leftovers + Array(header.bodyStart..<bodyEnd))
        document.citations = ArrayFitting.fitted(mentions.citations)
        document.dates = ArrayFitting.fitted(mentions.dates)
        document.organizations = ArrayFitting.fitted(mentions.organizations)
        document.diagnostics = builder.diagnostics + assembler.diagnostics + mentions.diagnostics
        if document.header.number == nil {
            fillNumberFromProse(&document, lines: builder.lines, indices: header.leftovers + builder.preamble)
        }
        document.themes = ThemeFinder.themes(in: document.sections)
        document.assignments = AssignmentFinder.assignments(in: document.sections, organizations: organizations)
        if let attachmentStart, let attachmentLines {
            var attachment = recognize(lines: attachmentLines, range: attachmentStart..<range.upperBound, file: file)
            document.attachments = [attachment] + attachment.attachments
            attachment.attachments = []
            document.attachments[0] = attachment
        }
        document.sectionTable = SectionAnchorTable(document.sections)
        if document.sections.isEmpty, !range.isEmpty, document.header.kind != nil {
            document.diagnostics.append(.warning("structure.no-sections", "no numbered sections were found", file: file,
                                                 at: firstStart,
                                                 hint: "number the parts of the text (I-, 1., 1.1., a)) so that readers can navigate it"))
        }
        return document
    }

    /// The rule that starts a block of numbered notes at the end of the body, if any.
    static func notesStart(_ lines: [TextLine], body: Range<Int>) -> Int? {
        guard let rule = body.last(where: { index in
            if let block = lines[index].atomic, case .thematicBreak = block.kind { return true }
            return false
        }), rule > body.lowerBound else { return nil }
        let after = (rule + 1)..<body.upperBound
        let starts = after.filter { lines[$0].isFirstInParagraph || lines[$0].startsListItem }
        guard !starts.isEmpty else { return nil }
        let noteLike = starts.allSatisfy { index in
            lines[index].listNumber != nil || lines[index].text.first?.isASCIIDigit == true
        }
        return noteLike ? rule : nil
    }

    /// A document attached in the same file: a kind line (`ĐỀ CƯƠNG`, `PHỤ LỤC`) after the
    /// closing, with the header lines just above it.
    private func findAttachment(_ lines: [TextLine], after start: Int, end: Int, requireIntroduction: Bool) -> Int? {
        guard start + 1 < end else { return nil }
        for index in (start + 1)..<end {
            guard let (kind, _) = DocumentKinds.kindLine(lines[index].text), lines[index].isFirstInParagraph else { continue }
            if requireIntroduction {
                // Without a closing, only an attachment kind announced by "(Kèm theo …)".
                guard DocumentKinds.attachmentKinds.contains(kind),
                      lines[index...].prefix(5).contains(where: { HeaderRecognizer.attachedNumber($0.text) != nil }) else { continue }
            }
            var first = index
            while first - 1 > start, Self.isAttachmentHeaderLine(lines[first - 1].text) { first -= 1 }
            return first
        }
        return nil
    }

    private static func isAttachmentHeaderLine(_ text: String) -> Bool {
        guard !ClosingRecognizer.isAuthority(text), !ClosingRecognizer.isPosition(text), !TextShape.looksLikeName(text) else {
            return false
        }
        return HeaderRecognizer.numberLine(text) != nil || HeaderRecognizer.placeAndDate(text) != nil
            || (TextShape.isMostlyUppercase(text) && ScalarText.hasAtMostCharacters(text, 80))
    }

    /// Document-level sentences at the end of the last section ("Trên đây là …",
    /// "(Đính kèm …)") belong to the document, not to its last item.
    static func extractEpilogue(from sections: inout [Section], into epilogue: inout [Block]) {
        // In place: rebuilding the array copied every section (and retained all it holds)
        // at each level.
        guard let lastIndex = sections.indices.last else { return }
        var moved: [Block] = []
        if sections[lastIndex].children.isEmpty {
            while let block = sections[lastIndex].body.last, isDocumentLevel(block) {
                moved.insert(block, at: 0)
                sections[lastIndex].body.removeLast()
            }
        } else {
            extractEpilogue(from: &sections[lastIndex].children, into: &moved)
        }
        epilogue = moved + epilogue
    }

    static func isDocumentLevel(_ block: Block) -> Bool {
        guard case .paragraph = block.kind else { return false }
        let text = UTF8Scalars.trimmed(block.plainText)
        if let answer = simpleIsDocumentLevel(text) { return answer }
        // The longest opener checked below has 22 characters: lowercasing the first 64
        // answers the same as lowercasing a whole paragraph.
        let lower = ScalarText.lowercased(String(text.prefix(64)))
        if text.hasPrefix("("), text.hasSuffix(")") || text.hasSuffix(").") { return true }
        return documentLevelOpeners.contains { lower.hasPrefix($0) }
    }

    /// `isDocumentLevel` for the trimmed text of a paragraph, read from its scalars when
    /// the ones it looks at each stand alone as a character (`ScalarText.isSimple`), or nil
    /// otherwise. Then characters are scalars, the openers' scalars (NFC, simple) are what
    /// `hasPrefix` compares, and lowercasing is `simpleLowercase`: `prefix`, `lowercased`
    /// and `hasPrefix` on characters cost some forty thousand instructions a paragraph.
    static func simpleIsDocumentLevel(_ text: String) -> Bool? {
        guard let openers = documentLevelOpenerScalars else { return nil }
        var head: [Unicode.Scalar] = []
        head.reserveCapacity(65)
        // The first 64 characters, and the scalar after them, which must not join them.
        for scalar in text.unicodeScalars {
            guard ScalarText.isSimple(scalar), scalar.value != 0x0D else { return nil }
            head.append(scalar)
            if head.count == 65 { break }
        }
        // The last three scalars decide the suffixes (and the one before a ")" must not join it).
        var tail: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars.reversed() {
            guard ScalarText.isSimple(scalar), scalar.value != 0x0D else { return nil }
            tail.append(scalar)
            if tail.count == 3 { break }
        }
        if head.first == "(", tail.first == ")" || (tail.first == "." && tail.count > 1 && tail[1] == ")") { return true }
        var lower: [Unicode.Scalar] = []
        lower.reserveCapacity(64)
        for scalar in head.prefix(64) {
            guard let scalarLower = ScalarText.simpleLowercase(scalar) else { return nil }
            lower.append(scalarLower)
        }
        return openers.contains { lower.starts(with: $0) }
    }

    /// The openers as scalars, or nil when one has a scalar that is not a character of its own.
    private static let documentLevelOpenerScalars: [[Unicode.Scalar]]? = {
        let scalars = documentLevelOpeners.map { Array($0.unicodeScalars) }
        return scalars.allSatisfy { ScalarText.isSimple(scalars: $0) } ? scalars : nil
    }()

    /// The openers of document-level sentences, made once (they were joined again for
    /// every block asked).
    private static let documentLevelOpeners = ["trên đây", "trong quá trình", "nhận được"]
        + CitationKinds.words.map { $0 + " này" }

    /// A document without a number line may state its own number in its first lines:
    /// "Hướng dẫn số 12-HD/BTGTW, ngày 7 tháng 12 năm 2011 của …" or "… ban hành Hướng dẫn số …".
    private func fillNumberFromProse(_ document: inout StructuredDocument, lines: [TextLine], indices: [Int]) {
        for index in indices.prefix(12) {
            let text = lines[index].text
            let scalars = Array(text.unicodeScalars)
            guard let match = DocumentNumberScanner.scan(scalars).first else { continue }
            let before = ScalarText.lowercased(ScalarText.string(scalars[..<match.range.lowerBound]))
            // A paragraph of its own that opens with the number ("Hướng dẫn số 12-HD/BTGTW,
            // ngày … của …."), not a line of a longer "Căn cứ …" paragraph.
            let alone = lines[index].isFirstInParagraph && scalars.count <= 300
                && (index + 1 >= lines.count || lines[index + 1].paragraph != lines[index].paragraph)
            let startsWithKind = alone && before.count <= 20
                && CitationKinds.words.contains { before.hasPrefix($0 + " số") || before.hasPrefix($0 + " ") }
            let issued = before.contains("ban hành ")
            guard startsWithKind || issued else { continue }
            document.header.number = match.id
            if document.header.date == nil {
                let tail = Array(scalars[match.range.upperBound...].prefix(40))
                if let date = DateScanner.scan(tail).first, date.range.lowerBound <= 8, !date.isImpossible {
                    document.header.date = date.date
                }
            }
            // The document's own number is not a citation of another document.
            if let own = document.citations.firstIndex(where: { $0.id == match.id && $0.location.line == lines[index].start.line }) {
                document.citations.remove(at: own)
            }
            return
        }
    }

    private func apply(_ front: FrontMatter, to document: inout StructuredDocument) {
        if let kind = front.kind { document.header.kind = kind }
        if let number = front.number { document.header.number = number }
        if let date = front.date { document.header.date = date }
        if let place = front.place { document.header.place = place }
        if let issuer = front.issuer { document.header.issuer = issuer }
        if let title = front.title { document.header.title = title }
    }
}
