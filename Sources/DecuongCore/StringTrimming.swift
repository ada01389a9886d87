extension StringProtocol {
    /// The text without leading and trailing white space (ASCII white space and no-break
    /// spaces). Foundation's `trimmingCharacters(in:)` goes through NSString on Linux and
    /// was a fifth of the recognizer's time.
    public func trimmed() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(self[start..<end])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2007, 0x202F, 0x3000: true
        default: false
        }
    }
}
