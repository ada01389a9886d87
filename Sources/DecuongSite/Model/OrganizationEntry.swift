import DecuongStructure

/// An entry of the organizations index: a name, the tasks assigned to it, and the other
/// places that name it.
public struct OrganizationEntry: Sendable, Hashable {
    public var name: String
    public var anchor: String
    /// Which page of the index shows it (see `IndexPaging`); set when the site is linked.
    public var indexPage: Int = 0
    public var assignments: [AssignedTask]
    public var mentions: [DocumentPlace]

    public init(name: String, anchor: String, assignments: [AssignedTask] = [], mentions: [DocumentPlace] = []) {
        self.name = name
        self.anchor = anchor
        self.assignments = assignments
        self.mentions = mentions
    }

    public struct AssignedTask: Sendable, Hashable {
        public var documentSlug: String
        public var assignment: Assignment

        public init(documentSlug: String, assignment: Assignment) {
            self.documentSlug = documentSlug
            self.assignment = assignment
        }
    }
}
