import Foundation

/// A value that threads share under a lock, on the heap, for closures run by
/// `DispatchQueue.concurrentPerform`. The lock is `NSLock` (a pthread mutex) rather than
/// `Synchronization.Mutex`: ThreadSanitizer sees pthread locks, but not the futex inside the
/// uninstrumented standard library, and reported every `Mutex` shared this way as a race.
public final class SharedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) {
        stored = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }

    public var value: Value { withLock { $0 } }
}
