import DecuongCore
import DecuongMarkdown

/// Who is assigned what in a "TỔ CHỨC THỰC HIỆN" section: organizations named before
/// "chủ trì" lead, those after "phối hợp" take part, others named as the subject of the
/// item are responsible.
enum AssignmentFinder {
    static func assignments(in sections: [Section], organizations: [String]) -> [Assignment] {
        var out: [Assignment] = []
        for section in sections {
            if isImplementationTitle(section.title) {
                for item in section.children { collect(item, organizations: organizations, into: &out) }
            } else {
                out += assignments(in: section.children, organizations: organizations)
            }
        }
        return out
    }

    private static func collect(_ section: Section, organizations: [String], into out: inout [Assignment]) {
        // The lead " " the body: `clean` collapses the spaces the joins would add.
        let text = TextShape.clean(joining: [section.lead.plainText] + section.body.map(\.plainText))
        let found = OrganizationScanner.scan(UTF8Scalars.array(text), known: organizations)
        // The marks place the names found; an item that names no one needs none.
        let scalars = found.isEmpty ? [] : ScalarText.lowercasedScalars(text)
        let leadMark = found.isEmpty ? nil : firstOffset(of: "chủ trì", in: scalars)
        let supportMark = found.isEmpty ? nil : firstOffset(of: "phối hợp", in: scalars)
        var seen = Set<String>()
        for (name, range) in found {
            let role: Assignment.Role
            if let supportMark, range.lowerBound > supportMark {
                role = .support
            } else if let leadMark, range.lowerBound < leadMark {
                role = .lead
            } else if range.lowerBound < 40 {
                role = .responsible
            } else {
                continue
            }
            let key = "\(name)|\(role.rawValue)"
            guard seen.insert(key).inserted else { continue }
            out.append(Assignment(organization: name, role: role, sectionAnchor: section.anchor, task: section.title))
        }
        for child in section.children { collect(child, organizations: organizations, into: &out) }
    }

    /// Whether a title names the section on carrying out the plan ("Tổ chức thực hiện").
    private static func isImplementationTitle(_ title: String) -> Bool {
        VietnameseText.foldedText(title, contains: "to chuc thuc hien")
    }

    /// Scalar offset of `needle` in `haystack` (offsets must match the scanner's).
    private static func firstOffset(of needle: String, in haystack: [Unicode.Scalar]) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard haystack.count >= pattern.count else { return nil }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
        }
        return nil
    }
}
