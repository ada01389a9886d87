import Foundation
import Mustache

/// The compiled theme pages are rendered with: swift-mustache's library, which parsed and
/// checked every template, and the fast renderer's compilation of the same texts when it
/// reproduces all of them. `DECUONG_MUSTACHE=reference` leaves the fast one out, to compare
/// against swift-mustache or rule it out while debugging.
struct TemplateLibrary: Sendable {
    let mustache: MustacheLibrary
    let compiled: CompiledTemplates?

    /// `texts`: template name → the text swift-mustache parsed (with decuong's pragma).
    init(mustache: MustacheLibrary, texts: [String: String],
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.mustache = mustache
        compiled = environment["DECUONG_MUSTACHE"] == "reference"
            ? nil
            : CompiledTemplates(templates: texts, contentTypes: Self.contentTypes)
    }

    /// The same library rendering everything with swift-mustache (what
    /// `DECUONG_MUSTACHE=reference` gives).
    var referenceOnly: TemplateLibrary {
        TemplateLibrary(mustache: mustache, compiled: nil)
    }

    private init(mustache: MustacheLibrary, compiled: CompiledTemplates?) {
        self.mustache = mustache
        self.compiled = compiled
    }

    /// The content types a template may name, as the fast renderer escapes them (`TEXT` is not
    /// among them: such a theme renders with swift-mustache).
    static let contentTypes: [String: TemplateContentType] = [
        FastHTMLContentType.name: .htmlBytes,
        "HTML": .htmlCharacters,
    ]

    /// The page's bytes; swift-mustache renders what the fast renderer declines. A template
    /// that does not exist renders nothing.
    func render(_ data: TemplateData, withTemplate name: String) -> [UInt8] {
        if let compiled, let bytes = compiled.render(data, template: name) { return bytes }
        return Array((mustache.render(TemplateValue.mustacheValue(data), withTemplate: name) ?? "").utf8)
    }

    /// `finish(render(data, withTemplate: name))`, with `finish` reading the fast renderer's
    /// bytes where it wrote them: a page is tidied from there instead of from a copy.
    func render(_ data: TemplateData, withTemplate name: String, finish: (UnsafeBufferPointer<UInt8>) -> [UInt8]) -> [UInt8] {
        if let compiled, let bytes = compiled.render(data, template: name, finish: finish) { return bytes }
        return render(data, withTemplate: name).withUnsafeBufferPointer(finish)
    }
}
