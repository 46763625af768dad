import Foundation

extension NumberFormatter {
    /// Formats `magnitude / 10^scale` (negated if asked) with exactly `scale` fraction digits,
    /// exactly: swift-corelibs-foundation hands NSDecimalNumber to ICU as a Double, which loses
    /// digits beyond 15 or so, so the formatter only lays out a template with the same number
    /// of digits (`10…0.00`, exact in Double) and the real digits are written into it.
    /// Call only from the thread that owns the formatter.
    func exactString(isNegative: Bool, magnitude: UInt64, scale: Int) -> String? {
        let padded = Self.paddedDigits(magnitude, scale: scale)
        guard let laidOut = layout(isNegative: isNegative, integerDigits: padded.count - scale, scale: scale) else { return nil }
        return Self.fill(laidOut, with: padded)
    }

    /// The digits of `magnitude` with leading zeros so that at least one integer digit precedes `scale` fraction digits.
    static func paddedDigits(_ magnitude: UInt64, scale: Int) -> [UInt8] {
        let digits = Array(String(magnitude).utf8).map { $0 - UInt8(ascii: "0") }
        return [UInt8](repeating: 0, count: max(0, scale + 1 - digits.count)) + digits
    }

    /// The formatted template `10…0.00` with `integerDigits` integer and `scale` fraction digits; it depends on
    /// nothing else, so callers may keep it and `fill` it for every amount of that length.
    func layout(isNegative: Bool, integerDigits: Int, scale: Int) -> String? {
        // Setting a property drops the formatter's ICU formatter, which costs a millisecond to make again: only a
        // change of scale sets them.
        if minimumFractionDigits != scale { minimumFractionDigits = scale }
        if maximumFractionDigits != scale { maximumFractionDigits = scale }
        let template = Decimal(
            sign: isNegative ? .minus : .plus, exponent: integerDigits - 1, significand: Decimal(1))
        return string(from: template as NSDecimalNumber)
    }

    /// Writes `padded` into a template from `layout` digit by digit, in the template's own digits.
    static func fill(_ laidOut: String, with padded: [UInt8]) -> String? {
        var result = String.UnicodeScalarView()
        var next = 0
        var zero: UInt32?
        for scalar in laidOut.unicodeScalars {
            guard scalar.properties.generalCategory == .decimalNumber else {
                result.append(scalar)
                continue
            }
            // The template's first digit is a 1, so the locale's zero is just below it.
            let base = zero ?? scalar.value - 1
            zero = base
            guard next < padded.count, let digit = Unicode.Scalar(base + UInt32(padded[next])) else { return nil }
            result.append(digit)
            next += 1
        }
        return next == padded.count ? String(result) : nil
    }
}
