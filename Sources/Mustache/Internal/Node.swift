/// A parsed template before linking: text with indentation points, tags and their bodies.
indirect enum Node {
    /// Literal bytes, never containing a line start except at their end, with where each source piece of them starts.
    case text([UInt8], [TextPiece])
    /// A point where a line begins: the current indentation is written here.
    case lineStart
    case variable(Name, escaped: Bool, SourcePosition)
    case section(Name, inverted: Bool, body: [Node], SourcePosition)
    /// `indent` is nil unless the tag stands alone on its line.
    case partial(TemplateName, indent: [UInt8]?, SourcePosition)
    case parent(TemplateName, indent: [UInt8]?, blocks: [BlockDefinition], SourcePosition)
    case block(String, indent: [UInt8]?, body: [Node], SourcePosition)
}

/// Where a run of literal bytes came from: its offset in the node's bytes and its source line and column.
struct TextPiece: Hashable {
    var offset: Int
    var position: SourcePosition
}

/// 1-based line and column of a tag.
struct SourcePosition: Hashable {
    var line: Int
    var column: Int
}

/// A dotted name split once at parse time; empty `parts` is the implicit iterator `.`.
struct Name: Hashable {
    var parts: [String]
    var text: String

    init(_ text: String) {
        self.text = text
        self.parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// How a partial or parent tag names its template: fixed in the source, or looked up in the context.
enum TemplateName {
    case fixed(String)
    case dynamic(Name)
}

/// The content a parent tag passes for one of its parent's blocks.
struct BlockDefinition {
    var name: String
    var body: [Node]
    var position: SourcePosition
}
