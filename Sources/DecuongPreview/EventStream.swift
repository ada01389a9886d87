import FlyingSocks
import Foundation

/// The body of a Server-Sent Events response: whatever the hub sends, as it is sent. FlyingFox
/// writes a body without a length as chunked transfer encoding, one chunk per buffer this
/// returns, so every event reaches the browser at once.
struct EventStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.AsyncIterator

        mutating func next() async -> UInt8? {
            // FlyingFox reads bodies only through `nextBuffer`; a byte at a time would split events.
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            await base.next()
        }
    }
}
