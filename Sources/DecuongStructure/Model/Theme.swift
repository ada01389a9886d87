/// A theme of a plan: a numbered item of its content part (`1.1` … `2.9` in the seed),
/// pointing at the section that holds its text.
public struct Theme: Sendable, Hashable {
    /// The item's label: `1.1`.
    public var number: String
    public var title: String
    public var sectionAnchor: String

    public init(number: String, title: String, sectionAnchor: String) {
        self.number = number
        self.title = title
        self.sectionAnchor = sectionAnchor
    }
}
