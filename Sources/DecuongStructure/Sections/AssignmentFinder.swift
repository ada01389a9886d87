import DecuongCore
import DecuongMarkdown

/// Who is assigned what in a "TỔ CHỨC THỰC HIỆN" section: organizations named before
/// "chủ trì" lead, those after "phối hợp" take part, others named as the subject of the
/// item are responsible.
enum AssignmentFinder {
    static func assignments(in sections: [Section], organizations: [String]) -> [Assignment] {
        var out: [Assignment] = []
        for section in sections {
            if VietnameseText.fold(section.title).contains("to chuc thuc hien") {
                for item in section.children { collect(item, organizations: organizations, into: &out) }
            } else {
                out += assignments(in: section.children, organizations: organizations)
            }
        }
        return out
    }

    private static func collect(_ section: Section, organizations: [String], into out: inout [Assignment]) {
        let text = TextShape.clean(section.lead.plainText + " " + section.body.map(\.plainText).joined(separator: " "))
        let lower = text.lowercased()
        let leadMark = lower.range(of: "chủ trì").map { lower.distance(from: lower.startIndex, to: $0.lowerBound) }
        let supportMark = lower.range(of: "phối hợp").map { lower.distance(from: lower.startIndex, to: $0.lowerBound) }
        var seen = Set<String>()
        for (name, range) in OrganizationScanner.scan(text, known: organizations) {
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
}
