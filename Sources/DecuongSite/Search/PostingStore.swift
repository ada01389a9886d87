#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an index's posting lists, in blocks of a mebibyte carved into slices (see
/// `PostingList`). A list as an array of its own cost a header, its size class's spare room
/// and, above 14 KiB, a padding page of jemalloc's: at 10,000 documents 46 MB of allocations
/// for 31 MB of postings in each of the two runs, held side by side at the build's peak.
///
/// A place in the store is a number of 4-byte units: block `address >> 18`, byte
/// `(address & 0x3FFFF) * 4` in it. Slices are carved in order and never given back; the
/// blocks are zeroed, so a slice's data ends at its first zero byte.
///
/// A store belongs to one run (one thread) while it is filled, then to the index that joins
/// the runs (`adopt`), hence `@unchecked Sendable`: it is handed over, never shared.
final class PostingStore: @unchecked Sendable {
    static let blockUnits = 1 << 18
    static let blockBytes = blockUnits * 4

    private var blocks: [UnsafeMutableRawPointer] = []
    /// Where the next slice goes, and where the current block ends (units).
    private var next = 0
    private var end = 0

    init() {}

    deinit {
        for block in blocks { free(block) }
    }

    /// Bytes the store has taken from the allocator (its blocks).
    var reservedBytes: Int { blocks.count * Self.blockBytes }

    /// A new zeroed slice of `bytes` (a multiple of 4, at most a block): its address.
    func slice(bytes: Int) -> UInt32 {
        let units = bytes / 4
        if next + units > end { addBlock() }
        let address = next
        next += units
        return UInt32(truncatingIfNeeded: address)
    }

    @inline(__always)
    func pointer(_ address: UInt32) -> UnsafeMutablePointer<UInt8> {
        let block = Int(address >> 18)
        let offset = Int(address & 0x3FFFF) << 2
        return (blocks[block] + offset).assumingMemoryBound(to: UInt8.self)
    }

    /// Takes over `other`'s blocks (which it then no longer frees): the addresses of its
    /// slices grow by the number returned. A slice's links are relative, so they stay right.
    func adopt(_ other: PostingStore) -> UInt32 {
        let shift = blocks.count * Self.blockUnits
        precondition(shift + other.blocks.count * Self.blockUnits <= Int(UInt32.max), "the search index's postings exceed 16 GiB")
        blocks += other.blocks
        other.blocks = []
        (other.next, other.end) = (0, 0)
        return UInt32(truncatingIfNeeded: shift)
    }

    private func addBlock() {
        // Above 16 GiB of postings addresses would not fit 32 bits; the model of a site that
        // large would have taken far more memory first.
        precondition((blocks.count + 1) * Self.blockUnits <= Int(UInt32.max), "the search index's postings exceed 16 GiB")
        // calloc: fresh pages are zero already, and untouched ones are not resident.
        guard let block = calloc(1, Self.blockBytes) else { fatalError("out of memory for the search index") }
        next = blocks.count * Self.blockUnits
        end = next + Self.blockUnits
        blocks.append(block)
    }
}
