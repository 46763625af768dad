/// Why a JSON text could not be parsed, and where.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var position: TextPosition
    /// What is wrong, e.g. "unterminated string".
    public var message: String

    /// Creates an error at a position.
    public init(position: TextPosition, message: String) {
        self.position = position
        self.message = message
    }

    /// The error as `line:column: message`.
    public var description: String { "\(position.line):\(position.column): \(message)" }
}
