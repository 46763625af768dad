/// A failure while rendering, located at the tag that caused it (`pages/landing:12:7: 'product.titel' is not defined`).
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the template holding the tag, or the requested name when the template itself is unknown.
    public var name: String
    /// 1-based line of the tag, or 0 when the failure concerns the whole template.
    public var line: Int
    /// 1-based column of the tag, or 0 when the failure concerns the whole template.
    public var column: Int
    /// What went wrong, in a sentence without the location.
    public var message: String

    /// Creates an error at a position in a named template.
    public init(name: String, line: Int, column: Int, message: String) {
        self.name = name
        self.line = line
        self.column = column
        self.message = message
    }

    /// `name:line:column: message`, or `name: message` when there is no position.
    public var description: String {
        line > 0 ? "\(name):\(line):\(column): \(message)" : "\(name): \(message)"
    }
}
