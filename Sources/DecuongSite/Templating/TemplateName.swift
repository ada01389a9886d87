/// A variable or section name split at parse time the way swift-mustache splits it at every
/// lookup (`name.split(separator: ".")`, empty parts dropped).
struct TemplateName: Sendable {
    enum Scope: Sendable {
        /// `{{.}}`, or a name with no parts left: the top of the context stack.
        case current
        /// `{{.a.b}}`: from the top of the stack only, no climbing.
        case anchored
        /// `{{a.b}}`: the first part is looked up from the top of the stack down.
        case climbing
    }

    let scope: Scope
    let parts: [TemplateKey]

    init(_ name: String) {
        let parts = name.split(separator: ".").map { TemplateKey(String($0)) }
        if name == "." {
            scope = .current
            self.parts = []
        } else if name.first == "." {
            scope = parts.isEmpty ? .current : .anchored
            self.parts = parts
        } else {
            scope = parts.isEmpty ? .current : .climbing
            self.parts = parts
        }
    }
}
