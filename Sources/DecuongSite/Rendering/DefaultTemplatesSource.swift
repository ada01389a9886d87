/// Writes `DefaultTemplates.swift`, the default theme compiled into the binary, from the
/// files of `templates/`. The test `DefaultTemplatesTests` fails when the two differ and
/// rewrites the Swift file when run with `DECUONG_REGENERATE_TEMPLATES=1`.
enum DefaultTemplatesSource {
    /// Raw-string delimiter; a template containing it (or a backslash followed by it) cannot
    /// be embedded and is reported by the test.
    static let hashes = "####"

    static func generate(_ files: [String: String]) -> String {
        var out = """
        // Generated from templates/ by DefaultTemplatesTests: do not edit.
        // Regenerate with: DECUONG_REGENERATE_TEMPLATES=1 swift test --filter DefaultTemplatesTests

        /// The default theme, compiled in so that `decuong build` works in any folder.
        enum DefaultTemplates {
            static let files: [String: String] = [

        """
        for path in files.keys.sorted() {
            out += "        \"\(path)\": \(hashes)\"\"\"\n\(files[path] ?? "")\n\"\"\"\(hashes),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    /// Whether a file can go into a raw string literal with our delimiter.
    static func canEmbed(_ text: String) -> Bool {
        !text.contains("\"\"\"\(hashes)") && !text.contains("\\\(hashes)") && !text.contains("\r")
    }
}
