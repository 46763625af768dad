/// A number seen through CLDR's plural operands (n, i, v, w, f, t, e), as written: `1.50` keeps v = 2.
public struct PluralOperand: Sendable, Hashable, CustomStringConvertible {
    let value: ScaledDecimal

    /// The operands of an integer.
    public init(_ value: Int) {
        self.value = ScaledDecimal(value)
    }

    /// The operands of a decimal string such as `"1.50"` or `"-3"`; nil unless it matches
    /// `-?[0-9]+(\.[0-9]+)?` with at most 18 digits (no exponent, no grouping).
    public init?(_ decimal: String) {
        guard let value = ScaledDecimal(decimal) else { return nil }
        self.value = value
    }

    init(_ value: ScaledDecimal) {
        self.value = value
    }

    /// i: the integer digits of the absolute value.
    public var i: UInt64 { value.integerPart }
    /// v: the number of visible fraction digits, with trailing zeros.
    public var v: Int { value.scale }
    /// w: the number of visible fraction digits, without trailing zeros.
    public var w: Int { value.fractionPart == 0 ? 0 : value.normalized.scale }
    /// f: the visible fraction digits as an integer, with trailing zeros.
    public var f: UInt64 { value.fractionPart }
    /// t: the visible fraction digits as an integer, without trailing zeros.
    public var t: UInt64 { value.fractionPart == 0 ? 0 : value.normalized.fractionPart }
    /// e: the compact decimal exponent, always 0 because compact notation is not used.
    public var e: Int { 0 }
    /// Whether n, the absolute value, is a whole number (true for `2.0`).
    public var isInteger: Bool { value.fractionPart == 0 }

    /// The number as written, `"1.50"`.
    public var description: String { value.plainText }
}
