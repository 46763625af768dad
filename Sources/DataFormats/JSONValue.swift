/// A JSON value together with the position of its first character in the source.
public struct JSONNode: Sendable, Hashable {
    /// The value.
    public var value: JSONValue
    /// Where the value starts; `TextPosition.none` for values built in code.
    public var position: TextPosition

    /// Creates a node; positions default to `TextPosition.none` for values built in code.
    public init(_ value: JSONValue, position: TextPosition = .none) {
        self.value = value
        self.position = position
    }
}

/// A JSON value whose children carry their positions.
public indirect enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as its exact literal text (`"0.85"`, `"-12"`, `"1e3"`).
    case number(String)
    /// A string, escapes decoded.
    case string(String)
    /// An array of nodes.
    case array([JSONNode])
    /// An object's members in source order, duplicate keys kept.
    case object([JSONMember])
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Hashable {
    /// The decoded key.
    public var key: String
    /// Where the key's opening quote is.
    public var keyPosition: TextPosition
    /// The member's value, with its own position.
    public var value: JSONNode

    /// Creates a member; positions default to `TextPosition.none` for values built in code.
    public init(key: String, keyPosition: TextPosition = .none, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

extension JSONValue {
    /// An object built in code from plain key–value pairs, in the order given.
    public static func object(pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { JSONMember(key: $0.0, value: JSONNode($0.1)) })
    }

    /// An array built in code from plain values.
    public static func array(values: [JSONValue]) -> JSONValue {
        .array(values.map { JSONNode($0) })
    }

    /// A number built from an integer.
    public static func integer(_ value: Int) -> JSONValue {
        .number(String(value))
    }
}
