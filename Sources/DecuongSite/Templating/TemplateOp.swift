/// One step of a compiled template. A template, a section's body, a block and an override
/// are runs of consecutive ops; an op that holds a body is followed by it and says where
/// the run continues (`next`), so rendering walks one flat array with no reference counting
/// per node. Texts and indentations are ranges of `CompiledTemplates.bytes`.
enum TemplateOp: Sendable {
    case text(start: Int, end: Int)
    case variable(name: Int, escaped: Bool)
    /// The body is `index + 1 ..< next`.
    case section(name: Int, inverted: Bool, next: Int)
    /// `{{$name}}default{{/name}}` outside an inheriting partial: the default is
    /// `index + 1 ..< next`; the indentation is a byte range (empty when none).
    case block(block: Int, indentStart: Int, indentEnd: Int, next: Int)
    /// `{{>name}}` or `{{<name}}`: `template` is -1 when no template has the name (renders
    /// nothing); the indentation is empty for an inline tag (swift-mustache's nil and "" both
    /// add nothing); `overrides` indexes `CompiledTemplates.overrides`, -1 for `{{>name}}`.
    /// Override bodies sit between this op and `next`.
    case partial(template: Int, indentStart: Int, indentEnd: Int, overrides: Int, next: Int)
    case contentType(TemplateContentType)
}

/// A block definition inside `{{<parent}}…{{/parent}}`: the block's id and its body's ops.
struct TemplateOverride: Sendable {
    let block: Int
    let start: Int
    let end: Int
}
