/// A numbering label found at the start of a line.
struct SectionLabel: Sendable, Hashable {
    enum Form: Sendable, Hashable {
        case part, chapter, roman, article
        /// `1.`, `1-`, `1)`, `1.1.`, `1.1.1.`
        case arabic
        /// `a)` … following the Vietnamese alphabet.
        case point
    }

    var form: Form
    /// The bare label: `I`, `1`, `1.1`, `a`, `Điều 5`, `Phần thứ nhất`.
    var label: String
    /// The label as written, delimiter included: `I-`, `1.`, `a)`.
    var marker: String
    /// Numeric value(s) for sequence checks: roman value, arabic components, letter index.
    var numbers: [Int]
    /// Characters of the line's visible text taken by the label and the spaces after it.
    var length: Int
    /// What follows the label on the line.
    var title: String
    /// Set for labels CommonMark took as an ordered-list marker.
    var fromListMarker = false
}
