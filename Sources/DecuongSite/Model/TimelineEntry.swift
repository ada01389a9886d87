/// A point (or span) on the timeline: a date named in a document, or a document's own date.
public struct TimelineEntry: Sendable, Hashable {
    /// ISO `YYYY-MM-DD`.
    public var date: String
    public var endDate: String?
    /// As written (`01/01/2004 - 01/01/2024`) or the document's title for its own date.
    public var text: String
    /// The sentence around the date: its place's context, kept once (a timeline entry per
    /// date mention, a hundred thousand on a large site, held to the end of the build).
    public var context: String {
        get { place.context }
        set { place.context = newValue }
    }
    public var place: DocumentPlace
    /// True for a document's date of issue rather than a date its text names.
    public var isDocumentDate: Bool

    public init(date: String, endDate: String? = nil, text: String, context: String, place: DocumentPlace,
                isDocumentDate: Bool = false) {
        self.date = date
        self.endDate = endDate
        self.text = text
        self.place = place
        self.place.context = context
        self.isDocumentDate = isDocumentDate
    }

    /// An entry whose context is its place's.
    public init(date: String, endDate: String? = nil, text: String, place: DocumentPlace, isDocumentDate: Bool = false) {
        self.date = date
        self.endDate = endDate
        self.text = text
        self.place = place
        self.isDocumentDate = isDocumentDate
    }

    /// `YYYY-MM-DD` as the number YYYYMMDD, nil for anything else. Larger than 0, which
    /// stands for no end date, as the empty string sorts first among strings.
    static func dayKey(_ iso: String) -> Int? {
        iso.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            var value = 0
            for index in 0..<10 where index != 4 && index != 7 {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value > 0 ? value : nil
        } ?? nil
    }
}
