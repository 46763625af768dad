/// A value a template renders: the context of a render, built by the caller without Foundation.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([Value])
    case object([String: Value])
    /// An object made of its own fields over fields shared with other values: a name is looked up in the own
    /// fields first, then in the shared ones. It renders exactly as the `.object` of both would (`merged`), but
    /// many values can extend one `SharedFields` without copying it.
    case extended([String: Value], SharedFields)

    /// Whether a section over this value renders: null, false, 0, 0.0, "" and [] are falsey; everything else, even an empty object, is truthy.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0 && !number.isNaN
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .object, .extended: return true
        }
    }

    /// The value stored under `key` when this is an object, else nil.
    public subscript(key: String) -> Value? {
        switch self {
        case .object(let fields): return fields[key]
        case .extended(let own, let shared):
            // Own fields are few (a card's rank, pin and reasons): compared in turn, which is cheaper than hashing
            // the name for a lookup that mostly misses.
            if own.count <= 4 {
                for (name, value) in own where name == key { return value }
                return shared.fields[key]
            }
            return own[key] ?? shared.fields[key]
        default: return nil
        }
    }

    /// The fields of an object, an extended one's own and shared ones merged (its own win), else nil.
    public var fields: [String: Value]? {
        switch self {
        case .object(let fields): return fields
        case .extended(let own, let shared): return shared.fields.merging(own) { _, mine in mine }
        default: return nil
        }
    }

    /// The value with every extended object, at any depth, made the plain object it renders as.
    public var merged: Value {
        switch self {
        case .list(let items): return .list(items.map(\.merged))
        case .object(let fields): return .object(fields.mapValues(\.merged))
        case .extended: return .object(fields!.mapValues(\.merged))
        default: return self
        }
    }
}

/// Fields many values share (`Value.extended`), made once: a final class, so that extending it copies nothing.
public final class SharedFields: Sendable, Hashable {
    public let fields: [String: Value]
    /// What the caller computed from `fields` when it made them, such as a digest, so that it is computed once
    /// (the engine never reads it; empty when not given).
    public let summary: [UInt64]

    public init(_ fields: [String: Value], summary: [UInt64] = []) {
        self.fields = fields
        self.summary = summary
    }

    public static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
        lhs === rhs || lhs.fields == rhs.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }
}

extension Value: ExpressibleByNilLiteral {
    /// Creates `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension Value: ExpressibleByBooleanLiteral {
    /// Creates `.bool` from `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByIntegerLiteral {
    /// Creates `.int` from an integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension Value: ExpressibleByFloatLiteral {
    /// Creates `.double` from a decimal literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension Value: ExpressibleByStringLiteral {
    /// Creates `.string` from a string literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension Value: ExpressibleByArrayLiteral {
    /// Creates `.list` from an array literal.
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

extension Value: ExpressibleByDictionaryLiteral {
    /// Creates `.object` from a dictionary literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, Value)...) {
        var fields: [String: Value] = [:]
        fields.reserveCapacity(elements.count)
        for (key, value) in elements { fields[key] = value }
        self = .object(fields)
    }
}
