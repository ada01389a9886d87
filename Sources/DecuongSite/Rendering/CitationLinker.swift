import DecuongCore
import DecuongMarkdown

/// Turns the document numbers in a Markdown tree into links: to the cited document when it
/// is in the site, else to its entry on the cited-documents page. Text already inside a link
/// is left alone (no nested links).
struct CitationLinker {
    /// Document number (`35-NQ/TW`) → href relative to the page being rendered.
    let hrefByID: [String: String]
    /// Longest first, so `5047-CV/BTCTW` is tried before a shorter number it contains.
    private let ids: [[Character]]

    init(hrefByID: [String: String]) {
        self.hrefByID = hrefByID
        ids = hrefByID.keys.sorted { ($0.count, $0) > ($1.count, $1) }.map(Array.init)
    }

    func link(_ blocks: [Block]) -> [Block] {
        guard !ids.isEmpty else { return blocks }
        return blocks.rewritten(by: ClosureRewriter(block: { block in
            var block = block
            switch block.kind {
            case .paragraph(let inlines): block.kind = .paragraph(link(inlines))
            case .heading(let level, let inlines): block.kind = .heading(level: level, link(inlines))
            case .table(var table):
                table.header = table.header.map { cell in
                    var cell = cell
                    cell.inlines = link(cell.inlines)
                    return cell
                }
                table.rows = table.rows.map { row in
                    row.map { cell in
                        var cell = cell
                        cell.inlines = link(cell.inlines)
                        return cell
                    }
                }
                block.kind = .table(table)
            default: break
            }
            return [block]
        }))
    }

    func link(_ inlines: [Inline]) -> [Inline] {
        guard !ids.isEmpty else { return inlines }
        return inlines.flatMap { inline -> [Inline] in
            var inline = inline
            switch inline.kind {
            case .text(let text): return split(text, range: inline.range)
            case .emphasis(let children): inline.kind = .emphasis(link(children))
            case .strong(let children): inline.kind = .strong(link(children))
            case .strikethrough(let children): inline.kind = .strikethrough(link(children))
            default: break
            }
            return [inline]
        }
    }

    private func split(_ text: String, range: SourceRange) -> [Inline] {
        // Every number starts with a digit; most text runs have none, so skip them cheaply.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [Inline(.text(text), range: range)] }
        let characters = Array(text)
        var out: [Inline] = []
        var plainStart = 0
        var index = 0
        while index < characters.count {
            let startsWord = index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
            if startsWord, characters[index].isNumber,
               let (end, id) = matchID(characters, at: index), let href = hrefByID[id] {
                if plainStart < index { out.append(Inline(.text(String(characters[plainStart..<index])), range: range)) }
                let label = Inline(.text(String(characters[index..<end])), range: range)
                out.append(Inline(.link(Link(destination: href, children: [label])), range: range))
                index = end
                plainStart = end
            } else {
                index += 1
            }
        }
        if plainStart == 0 { return [Inline(.text(text), range: range)] }
        if plainStart < characters.count { out.append(Inline(.text(String(characters[plainStart...])), range: range)) }
        return out
    }

    /// Matches a known number at `start`, allowing the spaces around `-` and `/` that
    /// converted text has (`14 - KH/ĐU.KBT`) and dashes other than the hyphen.
    private func matchID(_ text: [Character], at start: Int) -> (Int, String)? {
        for id in ids {
            var position = start
            var matched = true
            for character in id {
                if character == "-" || character == "/" {
                    while position < text.count, text[position] == " " { position += 1 }
                    guard position < text.count,
                          text[position] == character || (character == "-" && "–‑‐".contains(text[position])) else {
                        matched = false
                        break
                    }
                    position += 1
                    while position < text.count, text[position] == " " { position += 1 }
                } else {
                    guard position < text.count, text[position] == character else {
                        matched = false
                        break
                    }
                    position += 1
                }
            }
            if matched, position == text.count || !(text[position].isLetter || text[position].isNumber) {
                return (position, String(id))
            }
        }
        return nil
    }
}
