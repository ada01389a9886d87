/// Indexes into a `Site`'s arrays, by the keys pages ask for.
public struct SiteLookups: Sendable, Hashable {
    var isBuilt = false
    var themesByDocument = GroupedIndices<String>()
    var citedByKey: [String: Int] = [:]
    var citedByID = GroupedIndices<String>()
    /// (document slug, section anchor) → cited-document indices.
    var citedByPlace = SectionGroups()
    /// (document slug, section anchor) → organization indices.
    var organizationsByPlace = SectionGroups()

    public init() {}
}
