/// An exact decimal number as a magnitude scaled by a power of ten: `1.50` is 150 with scale 2.
///
/// Plural selection and `#` need the number exactly as written (`1.50` has two visible
/// fraction digits), so decimals are never converted to floating point.
struct ScaledDecimal: Sendable, Hashable {
    /// At most 18 digits in all, so every magnitude and power of ten fits in UInt64.
    static let maxDigits = 18

    var isNegative: Bool
    var magnitude: UInt64
    var scale: Int

    init(isNegative: Bool, magnitude: UInt64, scale: Int) {
        self.isNegative = isNegative && magnitude != 0
        self.magnitude = magnitude
        self.scale = scale
    }

    init(_ value: Int) {
        self.init(isNegative: value < 0, magnitude: UInt64(value.magnitude), scale: 0)
    }

    /// Parses `-?[0-9]+(\.[0-9]+)?` with at most 18 digits; nil for anything else.
    init?(_ text: some StringProtocol) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var magnitude: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawPoint = false
        var digitsBeforePoint = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !sawPoint, digits > 0 else { return nil }
                sawPoint = true
                digitsBeforePoint = digits
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            digits += 1
            guard digits <= ScaledDecimal.maxDigits else { return nil }
            magnitude = magnitude * 10 + UInt64(byte - UInt8(ascii: "0"))
            if sawPoint { scale += 1 }
        }
        guard digits > 0, !sawPoint || digits > digitsBeforePoint else { return nil }
        self.init(isNegative: negative, magnitude: magnitude, scale: scale)
    }

    static func powerOfTen(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// The integer part of the magnitude.
    var integerPart: UInt64 { magnitude / ScaledDecimal.powerOfTen(scale) }

    /// The visible fraction digits as an integer (`1.50` gives 50).
    var fractionPart: UInt64 { magnitude % ScaledDecimal.powerOfTen(scale) }

    /// The same value without trailing fraction zeros, so that `1.0` and `1` compare equal.
    var normalized: ScaledDecimal {
        var copy = self
        while copy.scale > 0, copy.magnitude % 10 == 0 {
            copy.magnitude /= 10
            copy.scale -= 1
        }
        return copy
    }

    /// This value minus an integer, keeping the scale; nil when the result has too many digits.
    func subtracting(_ offset: Int) -> ScaledDecimal? {
        guard offset != 0 else { return self }
        let factor = ScaledDecimal.powerOfTen(scale)
        let (scaledOffset, overflow) = UInt64(offset.magnitude).multipliedReportingOverflow(by: factor)
        guard !overflow, scaledOffset < ScaledDecimal.powerOfTen(ScaledDecimal.maxDigits),
            magnitude < ScaledDecimal.powerOfTen(ScaledDecimal.maxDigits)
        else { return nil }
        // Signed arithmetic on values below 10^18 cannot overflow Int64.
        let value = (isNegative ? -Int64(magnitude) : Int64(magnitude)) - (offset < 0 ? -Int64(scaledOffset) : Int64(scaledOffset))
        guard value.magnitude < ScaledDecimal.powerOfTen(ScaledDecimal.maxDigits) else { return nil }
        return ScaledDecimal(isNegative: value < 0, magnitude: value.magnitude, scale: scale)
    }

    /// Plain text with a `.` separator and exactly `scale` fraction digits: `-1.50`.
    var plainText: String {
        let sign = isNegative ? "-" : ""
        guard scale > 0 else { return sign + String(magnitude) }
        let fraction = String(fractionPart)
        return sign + String(integerPart) + "." + String(repeating: "0", count: scale - fraction.count) + fraction
    }
}
