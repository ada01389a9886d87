#if canImport(Glibc)
import Glibc
#endif
import DecuongMarkdown
import DecuongSite
import DecuongStructure
import Foundation

/// What a loaded site holds, counted: the arrays of the document model (their elements,
/// unused room and headers) and its strings (those with storage of their own, their bytes
/// and headers), by the field that holds them. Massif names the code that allocated; this
/// names the field, and tells which strings share storage. Measurement only.
/// Usage: decuong-bench census PROJECT
struct ModelCensus {
    private struct Arrays {
        var arrays = 0
        var elements = 0
        var capacity = 0
        var stride = 0

        var line: String {
            String(format: "%9d arrays %10d elements  used %7.1f MiB  unused %6.1f MiB  headers %6.1f MiB",
                   arrays, elements, Self.mebibytes(elements * stride), Self.mebibytes((capacity - elements) * stride),
                   Self.mebibytes(arrays * 32))
        }

        static func mebibytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }
    }

    private struct Strings {
        /// Strings of more than 15 bytes: the ones with storage of their own.
        var stored = 0
        var bytes = 0
        var inline = 0
        /// What the allocator gave the stored strings (their storage objects, headers included).
        var allocated = 0

        var line: String {
            String(format: "%9d stored strings %8.1f MiB text (+%6.1f MiB headers; %6.1f MiB allocated); %9d inline",
                   stored, Arrays.mebibytes(bytes), Arrays.mebibytes(stored * 32), Arrays.mebibytes(allocated), inline)
        }
    }

    private var arrays: [String: Arrays] = [:]
    private var strings: [String: Strings] = [:]
    private var sections = 0
    private var headings = 0
    private var singleTextLeads = 0
    private var titleIsLead = 0
    /// Text runs that are a part of a text shared with others, and those texts.
    private var slices = 0
    private var sliceBytes = 0
    private var sharedTexts = Set<ObjectIdentifier>()
    private var sharedBytes = 0
    private var sharedAllocated = 0
    private var titleIsPrefixOfLead = 0
    private var titleInLead = 0

    static func run(project: String) {
        let loaded = ContentLoader(root: URL(fileURLWithPath: project), recognize: SiteBuilder.defaultRecognize).load()
        var census = ModelCensus()
        for file in loaded.files { census.document(file.structure) }
        print(String(format: "text runs cut from their document's text: %d runs, %.1f MiB of it; the texts: %d, %.1f MiB, %.1f MiB allocated",
                     census.slices, Arrays.mebibytes(census.sliceBytes), census.sharedTexts.count,
                     Arrays.mebibytes(census.sharedBytes), Arrays.mebibytes(census.sharedAllocated)))
        for (name, tally) in census.arrays.sorted(by: { $0.key < $1.key }) { print(name.padding(18), tally.line) }
        for (name, tally) in census.strings.sorted(by: { $0.key < $1.key }) { print(name.padding(18), tally.line) }
        print("sections \(census.sections), headings \(census.headings), leads of one text \(census.singleTextLeads): "
              + "title equal to it \(census.titleIsLead), "
              + "title a byte prefix of it \(census.titleIsPrefixOfLead) (kept as a length into it \(census.titleInLead))")
    }

    private mutating func count<T>(_ name: String, _ array: [T]) {
        guard array.capacity > 0 else { return }
        arrays[name, default: Arrays()].stride = MemoryLayout<T>.stride
        arrays[name, default: Arrays()].arrays += 1
        arrays[name, default: Arrays()].elements += array.count
        arrays[name, default: Arrays()].capacity += array.capacity
    }

    private mutating func count(_ name: String, _ string: String) {
        let length = string.utf8.count
        if length > 15 {
            strings[name, default: Strings()].stored += 1
            strings[name, default: Strings()].bytes += length
            if let storage = Self.storage(string), let object = UnsafeRawPointer(bitPattern: storage - 32) {
                strings[name, default: Strings()].allocated += malloc_usable_size(UnsafeMutableRawPointer(mutating: object))
            }
        } else {
            strings[name, default: Strings()].inline += 1
        }
    }

    private static func storage(_ string: String) -> UInt? {
        guard string.utf8.count > 15 else { return nil }
        return string.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
    }

    private mutating func document(_ document: StructuredDocument) {
        count("preamble", document.preamble)
        count("epilogue", document.epilogue)
        count("sections", document.sections)
        count("citations", document.citations)
        count("dates", document.dates)
        count("organizations", document.organizations)
        count("assignments", document.assignments)
        blocks(document.preamble)
        blocks(document.epilogue)
        for section in document.sections { self.section(section) }
        // Context sentences: a sentence holding several mentions is one string; one that is
        // a line's text run, or a part of one, holds none of its own.
        var contexts = Set<UInt>()
        for sentence in document.citations.map(\.sentence) + document.dates.map(\.sentence) {
            if sentence.sharesText {
                strings["context.shared", default: Strings()].inline += 1
                continue
            }
            let context = sentence.text
            guard let storage = Self.storage(context) else { count("context", context); continue }
            count(contexts.insert(storage).inserted ? "context" : "context.again", context)
        }
        for mention in document.organizations { count("organization", mention.name) }
        for attachment in document.attachments { self.document(attachment) }
    }

    private mutating func section(_ section: Section) {
        sections += 1
        if section.isHeading { headings += 1 }
        for (name, string) in [("label", section.label), ("marker", section.marker),
                               ("anchor", section.anchor), ("displayNumber", section.displayNumber)] {
            count(name, string)
        }
        // A title kept as a length into its lead has no string of its own.
        if section.titleIsInLead { titleInLead += 1 } else { count("title", section.title) }
        if section.lead.count == 1, case .text(let text) = section.lead[0].kind {
            singleTextLeads += 1
            let lead = text.string
            if lead == section.title { titleIsLead += 1 }
            if section.title.utf8.count > 15, lead.utf8.starts(with: section.title.utf8) { titleIsPrefixOfLead += 1 }
        }
        count("lead", section.lead)
        inlines(section.lead, text: "lead text")
        count("body", section.body)
        blocks(section.body)
        count("children", section.children)
        for child in section.children { self.section(child) }
    }

    private mutating func blocks(_ blocks: [Block]) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let inlines), .heading(_, let inlines):
                count("paragraph", inlines)
                self.inlines(inlines, text: "text")
            case .blockQuote(let children):
                count("quote", children)
                self.blocks(children)
            case .list(let list):
                count("list items", list.items)
                for item in list.items {
                    count("item blocks", item.blocks)
                    self.blocks(item.blocks)
                }
            case .table(let table):
                count("table rows", table.rows)
                for row in [table.header] + table.rows {
                    count("table cells", row)
                    for cell in row {
                        count("cell", cell.inlines)
                        inlines(cell.inlines, text: "text")
                    }
                }
            default:
                break
            }
        }
    }

    private mutating func inlines(_ inlines: [Inline], text name: String) {
        for inline in inlines {
            if case .text(let text) = inline.kind { run(name, text) }
            let children = inline.children
            if !children.isEmpty {
                count("inline children", children)
                self.inlines(children, text: name)
            }
        }
    }

    /// A text run: its own string, or a part of a shared text, counted once with its allocation.
    private mutating func run(_ name: String, _ text: InlineText) {
        if text.isWholeBase { return count(name, text.string) }
        slices += 1
        sliceBytes += text.utf8Count
        let shared = text.sharedText
        guard sharedTexts.insert(ObjectIdentifier(shared)).inserted else { return }
        sharedBytes += shared.text.utf8.count
        sharedAllocated += nallocx(32, 0)
        if let storage = Self.storage(shared.text), let object = UnsafeRawPointer(bitPattern: storage - 32) {
            sharedAllocated += malloc_usable_size(UnsafeMutableRawPointer(mutating: object))
        }
    }
}

@_silgen_name("nallocx") private func nallocx(_ size: Int, _ flags: Int32) -> Int
@_silgen_name("malloc_usable_size") private func malloc_usable_size(_ pointer: UnsafeMutableRawPointer?) -> Int

private extension String {
    func padding(_ width: Int) -> String { padding(toLength: width, withPad: " ", startingAt: 0) }
}
