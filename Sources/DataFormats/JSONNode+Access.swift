extension JSONNode {
    /// The first member's value with that key, for objects; nil otherwise.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, for `.string`.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The boolean, for `.bool`.
    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    /// The number as the nearest `Double`, for `.number`.
    public var double: Double? {
        if case .number(let text) = value { return Double(text) }
        return nil
    }

    /// The number as an `Int`, for a `.number` whose value is exactly an integer that fits (`3`, `3.0`, `3e2`).
    public var int: Int? {
        if case .number(let text) = value { return JSONNumber.exactInteger(text) }
        return nil
    }

    /// The elements, for `.array`.
    public var array: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The members in source order, for `.object`.
    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The kind of value with its article, for messages such as "expected a string, found a number".
    public var typeName: String { value.typeName }
}

extension JSONValue {
    /// The kind of value with its article: "null", "a boolean", "a number", "a string", "an array", "an object".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
