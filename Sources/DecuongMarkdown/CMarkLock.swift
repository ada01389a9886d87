import CCmarkGFM
import DecuongCore

/// cmark-gfm keeps a process-wide table of special inline characters that extensions
/// add to and remove from while a parser finishes, so two parses at once corrupt each
/// other (autolinks silently vanish). Every use of a cmark parser goes through here.
enum CMarkLock {
    /// Whether the extensions are registered; a pthread lock (see `SharedValue`).
    private static let registered = SharedValue(false)

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        try registered.withLock { registered in
            if !registered {
                cmark_gfm_core_extensions_ensure_registered()
                registered = true
            }
            return try body()
        }
    }
}
