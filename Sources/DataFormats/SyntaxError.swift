/// Why a JSON or CSV text could not be parsed, and where.
public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var position: TextPosition
    /// What is wrong, e.g. "unterminated string" or "row has 5 cells, header has 6".
    public var message: String

    /// Creates an error at a position.
    public init(position: TextPosition, message: String) {
        self.position = position
        self.message = message
    }

    /// The error as `line:column: message`.
    public var description: String { "\(position.line):\(position.column): \(message)" }
}

/// Why a JSON text could not be parsed, and where.
public typealias JSONSyntaxError = SyntaxError

/// Why a CSV file could not be parsed, and where.
public typealias CSVSyntaxError = SyntaxError
