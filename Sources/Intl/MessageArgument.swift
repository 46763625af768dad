/// A value passed to a `MessageFormat`: text, an integer, or an exact decimal string such as `"1.50"`.
public enum MessageArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)
    case decimal(String)

    /// A string literal is a `.string` argument.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// An integer literal is an `.int` argument.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }

    /// The argument as an exact number: `.int`, `.decimal`, and `.string` when it is a plain decimal.
    var number: ScaledDecimal? {
        switch self {
        case .int(let value): return ScaledDecimal(value)
        case .decimal(let text), .string(let text): return ScaledDecimal(text)
        }
    }

    /// The text a `select` compares with its case keywords.
    var selectKey: String {
        switch self {
        case .int(let value): return String(value)
        case .decimal(let text), .string(let text): return text
        }
    }
}
