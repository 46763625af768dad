/// A position in a text file: 1-based line and column, the column counting Unicode scalars (a tab counts 1).
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line; `\n`, `\r\n` and a lone `\r` each end a line.
    public var line: Int
    /// The 1-based column in Unicode scalars, as a text editor shows it.
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The placeholder position of values that were built in code rather than parsed.
    public static let none = TextPosition(line: 0, column: 0)

    /// Orders positions by line, then column.
    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The position as `line:column`.
    public var description: String { "\(line):\(column)" }
}
