import DecuongCore
import Foundation
import Yams

/// `content/site.yml`: what the site is called, where it is published, and organization
/// names the recognizer should know.
public struct SiteConfig: Sendable, Hashable {
    public enum Language: String, Sendable, Hashable {
        case vi, en
    }

    public var title: String
    public var language: Language
    /// With a trailing slash; nil when not published at a known address.
    public var baseURL: String?
    public var description: String?
    public var organizations: [String]

    public init(title: String = "Kế hoạch", language: Language = .vi, baseURL: String? = nil,
                description: String? = nil, organizations: [String] = []) {
        self.title = title
        self.language = language
        self.baseURL = baseURL
        self.description = description
        self.organizations = organizations
    }

    public static let knownKeys: Set<String> = ["title", "language", "base_url", "description", "organizations"]

    /// Reads `site.yml`; unknown keys are warnings, wrong values are errors.
    public static func parse(_ yaml: String, file: String) throws(DiagnosticError) -> (SiteConfig, [Diagnostic]) {
        let block = try YAMLBlock(yaml: VietnameseText.normalize(yaml), file: file, firstLine: 1)
        var config = SiteConfig()
        var warnings: [Diagnostic] = []
        var sawTitle = false
        for (key, value, location) in block.values {
            switch key {
            case "title":
                guard let title = value.string, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw DiagnosticError(.error("site.bad-title", "`title` must be text", file: file, at: location,
                                                 hint: "e.g. `title: Kế hoạch tuyên truyền năm 2023`"))
                }
                config.title = title.trimmingCharacters(in: .whitespaces)
                sawTitle = true
            case "language":
                guard let raw = value.string, let language = Language(rawValue: raw.lowercased()) else {
                    throw DiagnosticError(.error("site.bad-language", "`language` must be `vi` or `en`", file: file,
                                                 at: location, hint: "write `language: vi`"))
                }
                config.language = language
            case "base_url":
                guard let raw = value.string, let url = URL(string: raw), let scheme = url.scheme,
                      ["http", "https"].contains(scheme), url.host != nil else {
                    throw DiagnosticError(.error("site.bad-base-url", "`base_url` must be an http(s) address", file: file,
                                                 at: location, hint: "e.g. `base_url: https://example.org/ke-hoach/`"))
                }
                config.baseURL = raw.hasSuffix("/") ? raw : raw + "/"
            case "description":
                config.description = value.string
            case "organizations":
                guard let list = value.sequence else {
                    throw DiagnosticError(.error("site.bad-organizations", "`organizations` must be a list", file: file,
                                                 at: location, hint: "one name per line, each starting with `- `"))
                }
                config.organizations = list.compactMap(\.string).map { $0.trimmingCharacters(in: .whitespaces) }
            default:
                warnings.append(.warning("site.unknown-key", "unknown key `\(key)` in site.yml is ignored", file: file,
                                         at: location, hint: "known keys: \(knownKeys.sorted().joined(separator: ", "))"))
            }
        }
        if !sawTitle {
            warnings.append(.warning("site.no-title", "site.yml has no `title`; using “\(config.title)”", file: file,
                                     at: SourceLocation(line: 1, column: 1), hint: "add `title: …`"))
        }
        return (config, warnings)
    }
}
