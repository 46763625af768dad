/// A template's structure as a reader of its output needs it: literal text and tags, with their positions,
/// after standalone lines and comments are gone. Layers over the engine (such as an HTML-context analysis)
/// walk it to prove properties of every rendering.
public indirect enum TemplateNode: Sendable, Hashable {
    /// Literal bytes written as they are, with the source position where each run of them starts (a run ends
    /// where a tag, comment or standalone line was taken out).
    case text([UInt8], starts: [TextStart])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
    case variable(name: String, escaped: Bool, at: TemplatePosition)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(name: String, inverted: Bool, body: [TemplateNode], at: TemplatePosition)
    /// `{{> name}}`; `name` is nil for a dynamic name (`{{>*name}}`).
    case partial(name: String?, at: TemplatePosition)
    /// `{{< name}}…{{/name}}` with the blocks it passes; `name` is nil for a dynamic name.
    case parent(name: String?, blocks: [TemplateBlock], at: TemplatePosition)
    /// `{{$name}}…{{/name}}` in a parent template: its default content.
    case block(name: String, body: [TemplateNode], at: TemplatePosition)
}

/// Where a run of a text node's bytes begins in the template's source.
public struct TextStart: Sendable, Hashable {
    /// The index in the text node's bytes where the run begins.
    public var offset: Int
    public var position: TemplatePosition
}

/// A block a parent tag passes to its parent template.
public struct TemplateBlock: Sendable, Hashable {
    public var name: String
    public var body: [TemplateNode]
    public var position: TemplatePosition
}

/// The 1-based line and column of a tag in its template (columns in characters).
public struct TemplatePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

extension TemplateLibrary {
    /// The syntax of one template's source, or nil when it does not compile (the library reports why).
    public static func syntax(of source: String) -> [TemplateNode]? {
        let (tree, problems) = parse(Array(source.utf8), named: "")
        guard problems.isEmpty else { return nil }
        return publicNodes(tree)
    }

    private static func publicNodes(_ nodes: [Node]) -> [TemplateNode] {
        var result: [TemplateNode] = []
        for node in nodes {
            switch node {
            case .lineStart:
                continue
            case .text(let bytes, let pieces):
                let starts = pieces.map { TextStart(offset: $0.offset, position: TemplatePosition($0.position)) }
                if case .text(let previous, let known)? = result.last {
                    result[result.count - 1] = .text(
                        previous + bytes, starts: known + starts.map { TextStart(offset: $0.offset + previous.count, position: $0.position) })
                } else {
                    result.append(.text(bytes, starts: starts))
                }
            case .variable(let name, let escaped, let position):
                result.append(.variable(name: name.text, escaped: escaped, at: TemplatePosition(position)))
            case .section(let name, let inverted, let body, let position):
                result.append(.section(name: name.text, inverted: inverted, body: publicNodes(body), at: TemplatePosition(position)))
            case .partial(let name, _, let position):
                result.append(.partial(name: name.fixedName, at: TemplatePosition(position)))
            case .parent(let name, _, let blocks, let position):
                result.append(.parent(
                    name: name.fixedName,
                    blocks: blocks.map { TemplateBlock(name: $0.name, body: publicNodes($0.body), position: TemplatePosition($0.position)) },
                    at: TemplatePosition(position)))
            case .block(let name, _, let body, let position):
                result.append(.block(name: name, body: publicNodes(body), at: TemplatePosition(position)))
            }
        }
        return result
    }
}

extension TemplatePosition {
    init(_ position: SourcePosition) { self.init(line: position.line, column: position.column) }
}

extension TemplateName {
    var fixedName: String? {
        if case .fixed(let name) = self { return name }
        return nil
    }
}
