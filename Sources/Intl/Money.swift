/// An amount of money in integer minor units of its currency; never floating point.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// The amount in minor units: 1999 for 19.99 EUR, 1800 for 1800 JPY.
    public var minorUnits: Int
    public var currency: Currency

    public init(minorUnits: Int, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Why a decimal string is not an amount of a currency.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case notADecimal(String)
        case tooManyDecimals(String, Currency)
        case outOfRange(String)

        public var description: String {
            switch self {
            case .notADecimal(let text):
                return "\"\(text)\" is not a decimal amount"
            case .tooManyDecimals(let text, let currency):
                let digits = currency.exponent
                return "\"\(text)\" has more decimals than \(currency.code) allows (\(digits))"
            case .outOfRange(let text):
                return "\"\(text)\" is too large"
            }
        }
    }

    /// Parses a decimal string in major units (`"19.99"`, `"1800"`, `"-2.5"`) exactly.
    public static func parse(_ text: String, currency: Currency) -> Result<Money, ParseError> {
        // One pass over the bytes, without copies: a catalog has a price per product and currency. A number too
        // large is reported only once the text is known to be a decimal with the currency's digits.
        var units = 0, whole = 0, fraction = 0
        var negative = false, hasPoint = false, tooLarge = false
        func shift(in digit: Int) {
            guard !tooLarge else { return }
            let (times, overflow1) = units.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(digit)
            if overflow1 || overflow2 || sum >= 1 << 53 { tooLarge = true } else { units = sum }
        }
        for (offset, byte) in text.utf8.enumerated() {
            if offset == 0, byte == UInt8(ascii: "-") {
                negative = true
            } else if byte == UInt8(ascii: "."), !hasPoint {
                hasPoint = true
            } else if isDigit(byte) {
                if hasPoint { fraction += 1 } else { whole += 1 }
                shift(in: Int(byte - UInt8(ascii: "0")))
            } else {
                return .failure(.notADecimal(text))
            }
        }
        guard whole > 0, !hasPoint || fraction > 0 else { return .failure(.notADecimal(text)) }
        guard fraction <= currency.exponent else { return .failure(.tooManyDecimals(text, currency)) }
        for _ in fraction..<currency.exponent { shift(in: 0) }
        if tooLarge { return .failure(.outOfRange(text)) }
        return .success(Money(minorUnits: negative ? -units : units, currency: currency))
    }

    /// The amount in major units with exactly the currency's digits: `"24.00"`, `"74850"`, `"1.543"`.
    public var amountText: String {
        let factor = currency.minorUnitsPerMajor
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard currency.exponent > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % UInt(factor))
        let padded = String(repeating: "0", count: currency.exponent - fraction.count) + fraction
        return "\(sign)\(magnitude / UInt(factor)).\(padded)"
    }

    public var description: String { "\(amountText) \(currency.code)" }

    /// This amount reduced by `percent` percent, the saving rounded half away from zero to the minor unit.
    public func discounted(byPercent percent: Int) -> Money {
        Money(minorUnits: minorUnits - Money.roundedShare(minorUnits, percent: percent), currency: currency)
    }

    /// `percent`% of `units`, rounded half away from zero, in integer arithmetic.
    public static func roundedShare(_ units: Int, percent: Int) -> Int {
        let product = units * percent
        let quotient = product / 100
        let remainder = product % 100
        if remainder.magnitude * 2 >= 100 { return quotient + (product < 0 ? -1 : 1) }
        return quotient
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
