/// An ISO 4217 currency: its code and the number of digits of its minor unit.
public struct Currency: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The three-letter code, `EUR`.
    public let code: String
    /// Digits after the decimal point: JPY 0, USD 2, KWD 3.
    public let exponent: Int

    /// The currency with this ISO 4217 code, or nil when the code is not an active currency.
    public init?(code: String) {
        guard let exponent = Currency.exponents[code] else { return nil }
        self.code = code
        self.exponent = exponent
    }

    /// How many minor units make one major unit: 100 for EUR, 1 for JPY.
    public var minorUnitsPerMajor: Int {
        var factor = 1
        for _ in 0..<exponent { factor *= 10 }
        return factor
    }

    public var description: String { code }

    public static func < (a: Currency, b: Currency) -> Bool { a.code < b.code }

    /// Every active ISO 4217 code with its minor-unit exponent.
    static let exponents: [String: Int] = {
        let twoDigits = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP \
            BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD \
            FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD \
            KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD \
            NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP \
            SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED \
            VES WST XCD XCG YER ZAR ZMW ZWG
            """
        let zeroDigits = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
        let threeDigits = "BHD IQD JOD KWD LYD OMR TND"
        let fourDigits = "CLF UYW"
        var table: [String: Int] = [:]
        for (codes, exponent) in [(twoDigits, 2), (zeroDigits, 0), (threeDigits, 3), (fourDigits, 4)] {
            for code in codes.split(separator: " ") { table[String(code)] = exponent }
        }
        return table
    }()
}

extension Currency {
    /// Every active ISO 4217 code, sorted.
    public static var allCodes: [String] { exponents.keys.sorted() }
}
