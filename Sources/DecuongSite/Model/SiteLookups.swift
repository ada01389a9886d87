/// Indexes into a `Site`'s arrays, by the keys pages ask for.
public struct SiteLookups: Sendable, Hashable {
    var isBuilt = false
    var themesByDocument: [String: [Int]] = [:]
    var citedByKey: [String: Int] = [:]
    var citedByID: [String: [Int]] = [:]
    /// Document slug → section anchor → cited-document indices.
    var citedByPlace: [String: [String: [Int]]] = [:]
    /// Document slug → section anchor → organization indices.
    var organizationsByPlace: [String: [String: [Int]]] = [:]

    public init() {}
}
