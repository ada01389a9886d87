import DecuongCore

/// An organization named in the text (`Ban Tổ chức Thành ủy`).
public struct OrganizationMention: Sendable, Hashable {
    /// The name with its first letter capitalized and whitespace collapsed.
    public var name: String
    public var sectionAnchor: String?
    public var location: SourceLocation

    public init(name: String, sectionAnchor: String? = nil, location: SourceLocation) {
        self.name = name
        self.sectionAnchor = sectionAnchor
        self.location = location
    }
}

/// Who does what, from the items of a "TỔ CHỨC THỰC HIỆN" section.
public struct Assignment: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, Codable {
        /// *chủ trì*: leads the task.
        case lead
        /// *phối hợp*: takes part.
        case support
        /// Named as the subject of the item without either word.
        case responsible
    }

    public var organization: String
    public var role: Role
    public var sectionAnchor: String
    /// The item's short title, for the organization index.
    public var task: String

    public init(organization: String, role: Role, sectionAnchor: String, task: String) {
        self.organization = organization
        self.role = role
        self.sectionAnchor = sectionAnchor
        self.task = task
    }
}
