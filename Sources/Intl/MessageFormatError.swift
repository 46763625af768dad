/// Why a MessageFormat pattern is malformed, with the position in the pattern.
public struct MessageFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, counted in Characters from 0.
    public let offset: Int
    /// The 1-based line of `offset` within the pattern.
    public let line: Int
    /// The 1-based column of `offset` within its line, in Characters.
    public let column: Int
    /// What is wrong, such as `expected '}' to close argument 'n'`.
    public let message: String

    /// An error at a known position.
    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// An error at `offset` in `pattern`, whose line and column are computed from the pattern.
    init(offset: Int, in pattern: [Character], message: String) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, pattern.count) where pattern[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        self.offset = offset
        self.line = line
        self.column = offset - lineStart + 1
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
