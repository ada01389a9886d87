/// ASCII slugs for file names and anchors: `II- NỘI DUNG TUYÊN TRUYỀN` →
/// `ii-noi-dung-tuyen-truyen`. ASCII only because the site is opened from disk and from
/// zip files on old machines, where non-ASCII file names are not reliably preserved.
public enum Slug {
    public static let defaultMaxLength = 80

    /// Folds `s` (diacritics off, đ → d, lowercase), turns every run of characters outside
    /// `[a-z0-9]` into one `-`, and trims hyphens at both ends. Text with no letter or digit
    /// gives "". Longer results are cut to `maxLength` (at least 1) at the last hyphen that
    /// fits, so words stay whole; a single word longer than the limit is cut inside.
    public static func make(_ s: String, maxLength: Int = defaultMaxLength) -> String {
        var bytes: [UInt8] = []
        var pendingHyphen = false
        for unit in VietnameseText.fold(s).utf8 {
            if isSlugCharacter(unit) {
                if pendingHyphen { bytes.append(hyphen) }
                pendingHyphen = false
                bytes.append(unit)
            } else if !bytes.isEmpty {
                pendingHyphen = true
            }
        }
        let limit = max(1, maxLength)
        if bytes.count > limit {
            if bytes[limit] == hyphen {
                bytes.removeSubrange(limit...)
            } else if let lastHyphen = bytes[..<limit].lastIndex(of: hyphen) {
                bytes.removeSubrange(lastHyphen...)
            } else {
                bytes.removeSubrange(limit...)
            }
            while bytes.last == hyphen { bytes.removeLast() }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a slug given by the user (front matter `slug:`) is one `make` could produce:
    /// non-empty, only `[a-z0-9-]`, no hyphen at either end or twice in a row. Length is not
    /// checked; that is a separate, softer rule.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty else { return false }
        var afterHyphen = true
        for unit in slug.utf8 {
            if isSlugCharacter(unit) {
                afterHyphen = false
            } else if unit == hyphen, !afterHyphen {
                afterHyphen = true
            } else {
                return false
            }
        }
        return !afterHyphen
    }

    private static let hyphen = UInt8(ascii: "-")

    private static func isSlugCharacter(_ unit: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(unit) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(unit)
    }
}
