import DecuongMarkdown

/// The timeline drawn as an inline SVG time axis: one tick per year (or per 5 or 10 years on
/// long spans), a dot per date and a bar per date range, each drawn once per position. Scales
/// with its container, so it fits a phone screen; the list under it carries the same facts for
/// screen readers.
enum TimelineChart {
    static let width = 640.0
    static let height = 96.0
    static let margin = 24.0

    /// `svg` as it was written, marks deduplicated by their formatted text: kept as its reference.
    static func referenceSVG(_ entries: [TimelineEntry], title: String) -> SafeHTML {
        svg(entries, title: title, byText: true)
    }

    static func svg(_ entries: [TimelineEntry], title: String, byText: Bool = false) -> SafeHTML {
        // Each date read once: a large site's timeline has a hundred thousand entries. Read
        // where they are, with the flags: mapping over the entries copied each one.
        var starts: [Int] = []
        var ends: [Int?] = []
        var isDocumentDate: [Bool] = []
        starts.reserveCapacity(entries.count)
        ends.reserveCapacity(entries.count)
        isDocumentDate.reserveCapacity(entries.count)
        entries.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                starts.append(dayNumber(buffer[index].date))
                ends.append(buffer[index].endDate.map(dayNumber))
                isDocumentDate.append(buffer[index].isDocumentDate)
            }
        }
        let days = starts + ends.compactMap { $0 }
        guard let first = days.min(), let last = days.max(), let firstYear = year(entries.map(\.date).min()),
              let lastYear = year((entries.compactMap(\.endDate) + entries.map(\.date)).max()) else {
            return SafeHTML(rendered: "")
        }
        let startYear = firstYear
        let endYear = max(lastYear + 1, startYear + 1)
        let start = Double(min(first, dayNumber(year: startYear, month: 1, day: 1)))
        let end = Double(max(last, dayNumber(year: endYear, month: 1, day: 1)))
        func position(_ day: Int) -> Double { margin + (Double(day) - start) / max(1, end - start) * (width - 2 * margin) }
        func x(_ day: Int) -> String { format(position(day)) }
        let span = endYear - startYear
        let step = span <= 12 ? 1 : span <= 40 ? 5 : 10
        let escapedTitle = HTMLEscaping.escapeHTML(title)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(format(width)) \(format(height))\" role=\"img\" aria-labelledby=\"truc-thoi-gian\">\n"
        out += "<title id=\"truc-thoi-gian\">\(escapedTitle) \(startYear)–\(endYear)</title>\n"
        out += "<line x1=\"\(format(margin))\" y1=\"60\" x2=\"\(format(width - margin))\" y2=\"60\" stroke=\"#333\" stroke-width=\"2\"/>\n"
        var tickYear = startYear - startYear % step
        while tickYear <= endYear {
            if tickYear >= startYear {
                let position = x(dayNumber(year: tickYear, month: 1, day: 1))
                out += "<line x1=\"\(position)\" y1=\"55\" x2=\"\(position)\" y2=\"65\" stroke=\"#333\"/>"
                out += "<text x=\"\(position)\" y=\"82\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">\(tickYear)</text>\n"
            }
            tickYear += step
        }
        // One mark per distinct position: a pixel of this axis is weeks and a dot is ten pixels
        // wide, so dots are placed on whole pixels and drawn once each. A big site would
        // otherwise stack a hundred thousand circles (5 MB of SVG) on a few hundred places.
        // A mark is known by the tenths its text is written in (`format` writes each number of
        // tenths one way): formatting and joining a String per entry, a hundred thousand of
        // them, only to find most already drawn, was most of the chart.
        var drawnPoints = Set<String>()
        var drawnRanges = Set<String>()
        var drawnPointTenths = Set<Int>()
        var drawnRangeTenths = Set<RangeMark>()
        var row = 0
        for index in entries.indices {
            let isDocumentDate = isDocumentDate[index]
            let from = starts[index]
            if let to = ends[index] {
                if !byText {
                    let mark = RangeMark(start: tenths(position(from)), width: tenths(max(2, position(to) - position(from))))
                    guard drawnRangeTenths.insert(mark).inserted else { continue }
                }
                let width = format(max(2, position(to) - position(from)))
                let start = x(from)
                if byText { guard drawnRanges.insert(start + " " + width).inserted else { continue } }
                let y = 20 + (row % 3) * 9
                row += 1
                out += "<rect x=\"\(start)\" y=\"\(y)\" width=\"\(width)\" height=\"6\" fill=\"#b35c00\"/>\n"
            } else {
                if !byText {
                    guard drawnPointTenths.insert(tenths(position(from).rounded()) * 2 + (isDocumentDate ? 1 : 0)).inserted else { continue }
                }
                let fill = isDocumentDate ? "#0b4f9c" : "#8b1a1a"
                let center = format(position(from).rounded())
                if byText { guard drawnPoints.insert(center + " " + fill).inserted else { continue } }
                out += "<circle cx=\"\(center)\" cy=\"60\" r=\"5\" fill=\"\(fill)\"/>\n"
            }
        }
        out += "</svg>"
        return SafeHTML(rendered: out)
    }

    /// A bar by the tenths of its start and width.
    private struct RangeMark: Hashable {
        let start: Int
        let width: Int
    }

    private static func year(_ iso: String?) -> Int? { iso.flatMap { Int($0.prefix(4)) } }

    static func dayNumber(_ iso: String) -> Int {
        if let key = TimelineEntry.dayKey(iso) { return dayNumber(year: key / 10_000, month: key / 100 % 100, day: key % 100) }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        return dayNumber(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Days since 1970-01-01 (proleptic Gregorian), without Foundation's calendars.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The tenths `format` writes `value` in.
    static func tenths(_ value: Double) -> Int { Int((value * 10).rounded()) }

    /// One decimal, no locale: the same bytes on every machine.
    static func format(_ value: Double) -> String {
        let tenths = Self.tenths(value)
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
