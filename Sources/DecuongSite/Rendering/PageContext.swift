import DecuongCore
import DecuongStructure

/// What a template gets: string keys to strings, booleans, `SafeHTML`, arrays and nested
/// dictionaries, or records and rows that stand for dictionaries (`TemplateRecords`,
/// `TemplateRow`). Every key a template tests is always present (`false` when empty), because
/// a Mustache lookup that misses climbs to the enclosing context and would find a parent's value.
typealias TemplateData = [TemplateKey: Any]

/// Everything a page needs to link to the rest of the site from where it stands.
struct PageContext {
    let site: Site
    let strings: UIStrings
    /// The page's path from the site root: `ke-hoach-2023/index.html`.
    let page: String
    let baseURL: String?
    /// "mục" in place labels, looked up once a page: index pages label tens of thousands of places.
    private let sectionWord: String
    /// Linkers the pages of a render share; nil: each page makes its own.
    private let linkers: SharedLinkers?

    init(site: Site, strings: UIStrings, page: String, baseURL: String?, linkers: SharedLinkers? = nil) {
        self.site = site
        self.strings = strings
        self.page = page
        self.baseURL = baseURL
        self.linkers = linkers
        sectionWord = strings["section"]
    }

    /// The citation linker of `document`'s text on this page, shared with the other pages of
    /// its folder where a render shares them (see `SharedLinkers`).
    func citationLinker(for document: SiteDocument) -> CitationLinker {
        linkers?.linker(for: document, in: self) ?? DocumentPage.citationLinker(for: document, in: self)
    }

    /// A relative link from this page to a path from the site root.
    func href(_ target: String) -> String { RelativeURL.from(page, to: target) }

    /// `placeLink` as a record: index pages show tens of thousands of places, and the record
    /// keeps the label in its parts (see `PlaceView`).
    func placeView(_ place: DocumentPlace) -> PlaceView {
        withUnsafePointer(to: place) { placeView(at: $0) }
    }

    /// `placeView` of the place where it is: a place passed by value was copied, its three
    /// Strings retained and released, and index pages show tens of thousands.
    func placeView(at place: UnsafePointer<DocumentPlace>) -> PlaceView {
        let slug = place.pointee.documentSlug
        let document = site.document(slug)
        let title = document?.displayTitle ?? slug
        // Kept as the mention keeps it, and made a string only as the page is written.
        let context = place.pointee.sentence.isEmpty ? nil : place.pointee.sentence
        // The link's parts, as `placeParts` puts them together (see `PlaceView.Link`).
        guard let anchor = place.pointee.sectionAnchor, let number = document?.sectionNumber(anchor: anchor) else {
            return PlaceView(link: .document(page: page, slug: slug, anchor: nil), title: title, sectionWord: sectionWord,
                             sectionNumber: nil, sentence: context)
        }
        return PlaceView(link: .document(page: page, slug: slug, anchor: anchor), title: title, sectionWord: sectionWord,
                         sectionNumber: number, sentence: context)
    }

    /// `placeView` of each place `isIncluded` lets through, in order, read where they are.
    func placeViews(_ places: [DocumentPlace], where isIncluded: (UnsafePointer<DocumentPlace>) -> Bool = { _ in true })
        -> [PlaceView] {
        places.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var views: [PlaceView] = []
            views.reserveCapacity(buffer.count)
            for index in buffer.indices where isIncluded(base + index) { views.append(placeView(at: base + index)) }
            return views
        }
    }

    /// `placeLink` as a row, as index pages had it before `placeView`.
    func placeRow(_ place: DocumentPlace) -> TemplateRow {
        let (href, label) = placeTarget(documentSlug: place.documentSlug, sectionAnchor: place.sectionAnchor)
        return TemplateRow(keys: Self.placeKeys, values: [.string(href), .string(label), Self.textValue(place.context)])
    }

    private static let placeKeys: [TemplateKey] = ["href", "label", "context"]

    /// The link to a place in a document: its section, or the document itself. The dictionary
    /// form of `placeRow`, kept as its reference.
    func placeLink(_ place: DocumentPlace) -> TemplateData {
        let (href, label) = placeTarget(documentSlug: place.documentSlug, sectionAnchor: place.sectionAnchor)
        return ["href": href, "label": label, "context": Self.text(place.context)]
    }

    /// The href and label of a place: "Kế hoạch …, mục II.1.3". Index pages make one per place,
    /// tens of thousands per build, so without a dictionary in between.
    func placeTarget(documentSlug: String, sectionAnchor: String?) -> (href: String, label: String) {
        let (href, title, number) = placeParts(documentSlug: documentSlug, sectionAnchor: sectionAnchor)
        return (href, number.map { Self.joined(title, ", ", sectionWord, " ", $0) } ?? title)
    }

    /// The href of a place, its document's title and its section's number (nil: the document itself).
    private func placeParts(documentSlug: String, sectionAnchor: String?) -> (href: String, title: String, number: String?) {
        let document = site.document(documentSlug)
        let title = document?.displayTitle ?? documentSlug
        guard let anchor = sectionAnchor, let number = document?.sectionNumber(anchor: anchor) else {
            return (RelativeURL.from(page, toDocument: documentSlug, anchor: nil), title, nil)
        }
        return (RelativeURL.from(page, toDocument: documentSlug, anchor: anchor), title, number)
    }

    /// The strings one after the other, copied as bytes into one allocation: `+=` on the stored
    /// title copied and grew it, interpolation grew its buffer part by part, and even into
    /// reserved capacity each `append` cost hundreds of instructions.
    static func joined(_ first: String, _ second: String, _ third: String = "", _ fourth: String = "",
                       _ fifth: String = "") -> String {
        let total = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count
        return String(unsafeUninitializedCapacity: total) { buffer in
            var written = 0
            UTF8Copy.copy(first, to: buffer, at: &written)
            UTF8Copy.copy(second, to: buffer, at: &written)
            UTF8Copy.copy(third, to: buffer, at: &written)
            UTF8Copy.copy(fourth, to: buffer, at: &written)
            UTF8Copy.copy(fifth, to: buffer, at: &written)
            return written
        }
    }

    /// The layout's keys: titles, navigation, breadcrumbs, canonical URL; with room for
    /// `extraKeys` more, which the page adds (a table that grows is hashed again each time).
    /// The frame's keys, made once: a key literal made its name from a `StaticString`, ~170
    /// instructions, for each of the twelve a page.
    private struct FrameKeys {
        let lang: TemplateKey = "lang"
        let siteTitle: TemplateKey = "siteTitle"
        let pageTitle: TemplateKey = "pageTitle"
        let pageKind: TemplateKey = "pageKind"
        let description: TemplateKey = "description"
        let root: TemplateKey = "root"
        let canonicalURL: TemplateKey = "canonicalURL"
        let feedHref: TemplateKey = "feedHref"
        let t: TemplateKey = "t"
        let nav: TemplateKey = "nav"
        let hasBreadcrumbs: TemplateKey = "hasBreadcrumbs"
        let breadcrumbs: TemplateKey = "breadcrumbs"
    }

    private static let frameKeys = FrameKeys()

    func frame(title: String?, kind: String, current: String?, breadcrumbs: [(label: String, target: String?)],
               extraKeys: Int = 0) -> TemplateData {
        let siteTitle = site.config.title
        let keys = Self.frameKeys
        let navigation: [(String, String)] = [
            ("index.html", strings["home"]), ("chu-de/index.html", strings["themes"]),
            ("van-ban/index.html", strings["citedDocuments"]), ("co-quan/index.html", strings["organizations"]),
            ("moc-thoi-gian/index.html", strings["timeline"]),
        ]
        // Rows: every page has these.
        let crumbs: [TemplateRow] = breadcrumbs.map { crumb in
            TemplateRow(keys: Self.crumbKeys, values: [.string(crumb.label), crumb.target.map { .string(href($0)) } ?? .bool(false)])
        }
        var data = TemplateData(minimumCapacity: 12 + extraKeys)
        data[keys.lang] = site.config.language.rawValue
        data[keys.siteTitle] = siteTitle
        data[keys.pageTitle] = title.map { "\($0) – \(siteTitle)" } ?? siteTitle
        data[keys.pageKind] = kind
        data[keys.description] = Self.text(site.config.description)
        data[keys.root] = RelativeURL.rootPrefix(of: page)
        data[keys.canonicalURL] = baseURL.map { $0 + page } ?? false
        data[keys.feedHref] = baseURL == nil ? false : href("feed.xml")
        data[keys.t] = strings.values
        data[keys.nav] = navigation.map { target, label -> TemplateRow in
            TemplateRow(keys: Self.navigationKeys, values: [.string(href(target)), .string(label), .bool(target == current)])
        }
        data[keys.hasBreadcrumbs] = !crumbs.isEmpty
        data[keys.breadcrumbs] = crumbs
        return data
    }

    private static let crumbKeys: [TemplateKey] = ["label", "href"]
    private static let navigationKeys: [TemplateKey] = ["href", "label", "current"]

    /// A date for readers: `01/01/2004` in Vietnamese, ISO in English.
    func displayDate(_ iso: String) -> String {
        guard site.config.language == .vi else { return iso }
        return Self.asciiDisplayDate(iso) ?? Self.referenceDisplayDate(iso)
    }

    /// `referenceDisplayDate` on bytes, or nil when it has to decide (the text is not ASCII,
    /// or not three parts). In ASCII every `-` is a Character of its own (the one ASCII
    /// Character of two bytes is CR LF), so splitting at `-` bytes splits at `-` Characters;
    /// `split(separator:)` on Characters cost thousands of instructions a date, and the
    /// timeline shows one or two per entry.
    static func asciiDisplayDate(_ iso: String) -> String? {
        iso.withUTF8Bytes { bytes -> String? in
            // The non-empty runs between `-`s, as bounds on the stack (an array of ranges and
            // an array of bytes were two allocations a date); a fourth means the reference's answer.
            var starts = (0, 0, 0)
            var ends = (0, 0, 0)
            var count = 0
            var start = 0
            for index in 0...bytes.count {
                if index < bytes.count {
                    guard bytes[index] < 0x80 else { return nil }
                    guard bytes[index] == UInt8(ascii: "-") else { continue }
                }
                if start < index {
                    switch count {
                    case 0: (starts.0, ends.0) = (start, index)
                    case 1: (starts.1, ends.1) = (start, index)
                    case 2: (starts.2, ends.2) = (start, index)
                    default: return nil
                    }
                    count += 1
                }
                start = index + 1
            }
            guard count == 3, let base = bytes.baseAddress else { return nil }
            let total = ends.0 - starts.0 + ends.1 - starts.1 + ends.2 - starts.2 + 2
            return String(unsafeUninitializedCapacity: total) { out in
                guard let to = out.baseAddress else { return 0 }
                var written = 0
                func copy(_ partStart: Int, _ partEnd: Int) {
                    (to + written).initialize(from: base + partStart, count: partEnd - partStart)
                    written += partEnd - partStart
                }
                copy(starts.2, ends.2)
                to[written] = UInt8(ascii: "/")
                written += 1
                copy(starts.1, ends.1)
                to[written] = UInt8(ascii: "/")
                written += 1
                copy(starts.0, ends.0)
                return written
            }
        }
    }

    /// The Vietnamese display of a date by Characters, kept as the reference of `asciiDisplayDate`.
    static func referenceDisplayDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// "Cần Thơ, ngày 10 tháng 5 năm 2023".
    func placeAndDate(place: String?, date: String?) -> String? {
        guard let date else { return place }
        if site.config.language == .vi, let parts = Self.isoDateParts(date) { return Self.vietnamesePlaceAndDate(place: place, parts) }
        return referencePlaceAndDate(place: place, date: date)
    }

    /// `placeAndDate` in Vietnamese of an ISO date's parts, written in one buffer: the
    /// reference's interpolations (day, month, the line, the place, the capital) were six
    /// Strings a page. An ISO date's day and month are below 100 and its year below 10,000.
    static func vietnamesePlaceAndDate(place: String?, _ parts: [Int]) -> String {
        guard parts.count == 3, (0..<100).contains(parts[2]), (0..<100).contains(parts[1]), (0..<10_000).contains(parts[0]) else {
            // Not an ISO date's parts: the reference's interpolations.
            let day = parts[2] < 10 ? "0\(parts[2])" : "\(parts[2])"
            let written = "ngày \(day) tháng \(parts[1] < 3 ? "0\(parts[1])" : "\(parts[1])") năm \(parts[0])"
            return place.map { "\($0), \(written)" } ?? written.prefix(1).uppercased() + written.dropFirst()
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((place?.utf8.count ?? 0) + 40)
        if let place {
            bytes.append(contentsOf: place.utf8)
            bytes.append(contentsOf: ", ngày ".utf8)
        } else {
            bytes.append(contentsOf: "Ngày ".utf8)
        }
        func digits(_ value: Int, atLeast width: Int) {
            var divisor = 1
            var length = 1
            while divisor * 10 <= value { divisor *= 10; length += 1 }
            for _ in length..<max(length, width) { bytes.append(UInt8(ascii: "0")) }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(parts[2], atLeast: 2)
        bytes.append(contentsOf: " tháng ".utf8)
        // Months before March are written with a zero (`tháng 01`, `tháng 02`), later ones without.
        digits(parts[1], atLeast: parts[1] < 3 ? 2 : 1)
        bytes.append(contentsOf: " năm ".utf8)
        digits(parts[0], atLeast: 1)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `placeAndDate` through interpolations, kept as the reference of the Vietnamese form.
    func referencePlaceAndDate(place: String?, date: String?) -> String? {
        guard let date else { return place }
        guard let parts = Self.isoDateParts(date) ?? Self.referenceDateParts(date) else { return place }
        let day = parts[2] < 10 ? "0\(parts[2])" : "\(parts[2])"
        let written = site.config.language == .vi
            ? "ngày \(day) tháng \(parts[1] < 3 ? "0\(parts[1])" : "\(parts[1])") năm \(parts[0])"
            : date
        return place.map { "\($0), \(written)" } ?? written.prefix(1).uppercased() + written.dropFirst()
    }

    /// `referenceDateParts` of a date that is `YYYY-MM-DD` in ASCII digits, read on its bytes
    /// (nil for any other text, which the reference then reads): splitting the date's
    /// Characters cost thousands of instructions a page. Such a date splits into exactly its
    /// three runs of digits, and `Int` of a run of digits is its value.
    static func isoDateParts(_ date: String) -> [Int]? {
        date.utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            var parts = [0, 0, 0]
            for index in 0..<10 where index != 4 && index != 7 {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                let part = index < 4 ? 0 : index < 7 ? 1 : 2
                parts[part] = parts[part] * 10 + Int(digit)
            }
            return parts
        } ?? nil
    }

    /// The numbers of a date's `-`-separated parts as `placeAndDate` had them, nil unless three:
    /// the reference of `isoDateParts`.
    static func referenceDateParts(_ date: String) -> [Int]? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? parts : nil
    }

    /// A string for a template, or `false` when there is nothing to show.
    static func text(_ value: String?) -> Any {
        guard let value, !value.isEmpty else { return false }
        return value
    }

    /// `text` for a row.
    static func textValue(_ value: String?) -> TemplateValue {
        guard let value, !value.isEmpty else { return .bool(false) }
        return .string(value)
    }
}
