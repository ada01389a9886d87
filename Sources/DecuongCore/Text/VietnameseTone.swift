/// The six tones (thanh) of Vietnamese, declared in dictionary order: ngang, huyền, hỏi,
/// ngã, sắc, nặng. That order is the secondary level of `VietnameseCollation`, which is why
/// `Comparable` follows `rawValue` rather than, say, the order of the Unicode code points.
public enum VietnameseTone: Int, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// ngang: no mark.
    case level = 0
    /// huyền: grave accent, U+0300.
    case grave
    /// hỏi: hook above, U+0309.
    case hook
    /// ngã: tilde, U+0303.
    case tilde
    /// sắc: acute accent, U+0301.
    case acute
    /// nặng: dot below, U+0323.
    case dotBelow

    /// The combining mark that writes this tone after canonical decomposition (NFD).
    public var combiningMark: Unicode.Scalar? {
        switch self {
        case .level: nil
        case .grave: "\u{0300}"
        case .hook: "\u{0309}"
        case .tilde: "\u{0303}"
        case .acute: "\u{0301}"
        case .dotBelow: "\u{0323}"
        }
    }

    /// The tone a combining mark writes, or nil when the mark is not a tone mark (vowel marks
    /// such as the circumflex of `â` are not tones).
    public init?(combiningMark scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0300: self = .grave
        case 0x0309: self = .hook
        case 0x0303: self = .tilde
        case 0x0301: self = .acute
        case 0x0323: self = .dotBelow
        default: return nil
        }
    }

    public static func < (lhs: VietnameseTone, rhs: VietnameseTone) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
