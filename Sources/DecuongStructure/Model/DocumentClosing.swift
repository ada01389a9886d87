import DecuongCore

/// The end of a document: *Nơi nhận* and the signature block.
public struct DocumentClosing: Sendable, Hashable {
    /// One entry per recipient, without the leading `-` and trailing `,` `;` `.`.
    public var recipients: [String]
    public var signature: Signature?
    public var range: SourceRange?

    public init(recipients: [String] = [], signature: Signature? = nil, range: SourceRange? = nil) {
        self.recipients = recipients
        self.signature = signature
        self.range = range
    }
}

public struct Signature: Sendable, Hashable, Codable {
    /// `T/M BAN THƯỜNG VỤ`, `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH` (delegation lines joined).
    public var authority: String?
    /// `PHÓ BÍ THƯ`.
    public var position: String?
    public var name: String?

    public init(authority: String? = nil, position: String? = nil, name: String? = nil) {
        self.authority = authority
        self.position = position
        self.name = name
    }
}
