/// One parsed piece of a MessageFormat pattern.
indirect enum MessagePiece: Sendable, Hashable {
    /// Literal text, with quoting already resolved.
    case text(String)
    /// `{name}`: the argument's value, numbers formatted for the locale.
    case argument(String)
    /// `{name, number}`: the argument as a locale-formatted number.
    case number(String)
    /// `#` inside a plural case: the plural's number minus its offset, formatted for the locale.
    case pound
    case plural(PluralChoice)
    case select(SelectChoice)
}

/// `{name, plural, offset:k =0 {…} one {…} other {…}}`.
struct PluralChoice: Sendable, Hashable {
    struct ExactCase: Sendable, Hashable {
        /// Normalized (no trailing fraction zeros), so `=1` matches `1.0`.
        var value: ScaledDecimal
        var pieces: [MessagePiece]
    }

    var name: String
    var offset: Int
    var exact: [ExactCase]
    /// Always holds `.other`; the parser rejects a plural without it.
    var categories: [PluralCategory: [MessagePiece]]
}

/// `{name, select, a {…} other {…}}`.
struct SelectChoice: Sendable, Hashable {
    var name: String
    var cases: [String: [MessagePiece]]
    var other: [MessagePiece]
}
