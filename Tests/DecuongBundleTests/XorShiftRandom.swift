/// A small seeded generator (xorshift64) for the randomized equivalence tests of this
/// target: the same seed gives the same cases on every run and machine.
struct XorShiftRandom {
    var state: UInt64

    /// `state` 0 would stay 0: it starts from a fixed odd number instead.
    init(state: UInt64) {
        self.state = state == 0 ? 0x9E37_79B9_7F4A_7C15 : state
    }

    /// A number in `0..<below` (0 when `below` is at most 1).
    mutating func next(_ below: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(max(1, below)))
    }
}
