import DecuongCore

/// The official header block: who issues the document, its number, place and date, its
/// kind and its summary (*trích yếu*).
public struct DocumentHeader: Sendable, Hashable {
    /// The issuing body as written, e.g. `THÀNH ỦY CẦN THƠ` or
    /// `ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ` (a superior body line above it is joined in front).
    public var issuer: String?
    /// `ĐẢNG CỘNG SẢN VIỆT NAM`, or the state motto lines.
    public var nationalTitle: [String]
    /// `114-KH/BTCTW`, `160/KH-UBND` (spaces removed, as the label files write them).
    public var number: String?
    public var place: String?
    /// ISO `YYYY-MM-DD`.
    public var date: String?
    /// Sentence case: "Kế hoạch", "Hướng dẫn", "Đề cương".
    public var kind: String?
    /// The summary after the kind line, whitespace collapsed, Markdown markers removed.
    public var title: String?
    /// "(Kèm theo Kế hoạch số 114-KH/TU …)": the number of the document this one belongs to.
    public var attachedToNumber: String?
    /// A re-poster's credit in front of the title, "( Ban thanh niên )": not part of the
    /// title, but kept so that no word of the source is lost.
    public var byline: String?
    /// Where the header block is in the source (nil when the document has none).
    public var range: SourceRange?

    public init(issuer: String? = nil, nationalTitle: [String] = [], number: String? = nil, place: String? = nil,
                date: String? = nil, kind: String? = nil, title: String? = nil, attachedToNumber: String? = nil,
                range: SourceRange? = nil) {
        self.issuer = issuer
        self.nationalTitle = nationalTitle
        self.number = number
        self.place = place
        self.date = date
        self.kind = kind
        self.title = title
        self.attachedToNumber = attachedToNumber
        self.range = range
    }

    /// Party documents write `Số 114-KH/BTCTW`; state documents `Số: 160/KH-UBND`.
    public var isPartyDocument: Bool {
        if nationalTitle.contains(where: { $0.uppercased().contains("ĐẢNG CỘNG SẢN") }) { return true }
        guard let number, let hyphen = number.firstIndex(of: "-") else { return false }
        return number.firstIndex(of: "/").map { hyphen < $0 } ?? true
    }
}
