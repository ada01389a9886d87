/// Calendar dates as `YYYY-MM-DD`, checked for real days (no 31 April).
public enum ISODate {
    /// Accepts `YYYY-MM-DD` (and `D/M/YYYY`, as the documents write dates); nil if not a real date.
    public static func parse(_ text: String) -> String? {
        // Front matter writes `YYYY-MM-DD`: read as ten bytes, the parts are the ones the
        // split below finds (each a run of digits), without Foundation's search and three arrays.
        if let parts = tenByteParts(text.utf8) { return make(year: parts.year, month: parts.month, day: parts.day) }
        return parseBySplitting(text)
    }

    /// The year, month and day of exactly `DDDD-DD-DD` (ASCII digits), nil for anything else.
    static func tenByteParts(_ utf8: String.UTF8View) -> (year: Int, month: Int, day: Int)? {
        guard utf8.count == 10 else { return nil }
        var values = (0, 0, 0)
        var index = 0
        for byte in utf8 {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                let digit = Int(byte) &- 0x30
                guard digit >= 0, digit < 10 else { return nil }
                switch index {
                case 0..<4: values.0 = values.0 * 10 + digit
                case 5..<7: values.1 = values.1 * 10 + digit
                default: values.2 = values.2 * 10 + digit
                }
            }
            index += 1
        }
        return (values.0, values.1, values.2)
    }

    /// The general reading (and the reference of `tenByteParts`).
    static func parseBySplitting(_ text: String) -> String? {
        let parts: [Int]
        if text.contains("-") {
            parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            return make(year: parts[0], month: parts[1], day: parts[2])
        }
        parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return make(year: parts[2], month: parts[1], day: parts[0])
    }

    public static func make(year: Int, month: Int, day: Int) -> String? {
        guard isValid(year: year, month: month, day: day) else { return nil }
        // Ten ASCII digits and hyphens written in place (a small string: no allocation);
        // interpolating padded parts built four strings per date. A valid year has four
        // digits, a month and a day at most two.
        return String(unsafeUninitializedCapacity: 10) { out in
            func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: 0x30 + value) }
            out[0] = digit(year / 1000)
            out[1] = digit(year / 100 % 10)
            out[2] = digit(year / 10 % 10)
            out[3] = digit(year % 10)
            out[4] = UInt8(ascii: "-")
            out[5] = digit(month / 10)
            out[6] = digit(month % 10)
            out[7] = UInt8(ascii: "-")
            out[8] = digit(day / 10)
            out[9] = digit(day % 10)
            return 10
        }
    }

    /// `make` as it was written first: the reference the tests hold it to.
    static func makeByInterpolation(year: Int, month: Int, day: Int) -> String? {
        guard isValid(year: year, month: month, day: day) else { return nil }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
