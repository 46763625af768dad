import Intl

/// A unit of measure as Google Merchant Center's `unit_pricing_measure` and `unit_pricing_base_measure` name them.
public enum MeasureUnit: String, Sendable, Hashable, CaseIterable {
    case oz, lb, mg, g, kg
    case floz, pt, qt, gal, ml, cl, l, cbm
    case `in`, ft, yd, cm, m
    case sqft, sqm
    case ct, sheet, item

    /// What a unit measures; a unit price divides quantities of one dimension only.
    public enum Dimension: String, Sendable, Hashable {
        case weight, volume, length, area, count, sheets, items
    }

    public var dimension: Dimension {
        switch self {
        case .oz, .lb, .mg, .g, .kg: return .weight
        case .floz, .pt, .qt, .gal, .ml, .cl, .l, .cbm: return .volume
        case .in, .ft, .yd, .cm, .m: return .length
        case .sqft, .sqm: return .area
        case .ct: return .count
        case .sheet: return .sheets
        case .item: return .items
        }
    }

    /// The unit in the dimension's smallest unit (mg, ml, mm, cm², one), as an exact fraction: US customary units
    /// by their exact definitions (1 lb = 453.59237 g, 1 US fl oz = 29.5735295625 ml, 1 in = 25.4 mm).
    var factor: (numerator: Int128, denominator: Int128) {
        switch self {
        case .mg, .ml, .ct, .sheet, .item: return (1, 1)
        case .g: return (1_000, 1)
        case .kg: return (1_000_000, 1)
        case .oz: return (28_349_523_125, 1_000_000)
        case .lb: return (45_359_237, 100)
        case .cl: return (10, 1)
        case .l: return (1_000, 1)
        case .cbm: return (1_000_000, 1)
        case .floz: return (295_735_295_625, 10_000_000_000)
        case .pt: return (473_176_473, 1_000_000)
        case .qt: return (946_352_946, 1_000_000)
        case .gal: return (3_785_411_784, 1_000_000)
        case .cm: return (10, 1)
        case .m: return (1_000, 1)
        case .in: return (254, 10)
        case .ft: return (3_048, 10)
        case .yd: return (9_144, 10)
        case .sqm: return (10_000, 1)
        case .sqft: return (9_290_304, 10_000)
        }
    }

    /// How the unit is written after a number on a page (`m²` for `sqm`, `fl oz` for `floz`).
    public var symbol: String {
        switch self {
        case .floz: return "fl oz"
        case .cbm: return "m³"
        case .sqm: return "m²"
        case .sqft: return "sq ft"
        default: return rawValue
        }
    }

    /// The base measure a unit price is given per when the catalog names none: 1 kg, 1 l, 1 m or 1 m² for metric
    /// units (what EU unit-price law asks for), else one of the unit itself.
    var defaultBase: MeasureUnit {
        switch self {
        case .mg, .g, .kg: return .kg
        case .ml, .cl, .l: return .l
        case .cm, .m: return .m
        default: return self
        }
    }
}

/// A quantity with its unit: `750 ml`, `1.5 kg`, exact (the number as written, never floating point).
public struct Measure: Sendable, Hashable, CustomStringConvertible {
    /// The number's digits without the decimal point: 15 for `1.5`.
    public var digits: Int
    /// How many of `digits` are decimals: 1 for `1.5`.
    public var scale: Int
    public var unit: MeasureUnit

    /// A measure from its parts.
    public init(digits: Int, scale: Int = 0, unit: MeasureUnit) {
        self.digits = digits
        self.scale = scale
        self.unit = unit
    }

    /// Why a text is not a measure.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case notAMeasure(String)
        case unknownUnit(String, unit: String)
        case notPositive(String)

        public var description: String {
            switch self {
            case .notAMeasure(let text): return "\"\(text)\" is not a measure (a positive number and a unit, such as \"750 ml\")"
            case .unknownUnit(let text, let unit): return "\"\(text)\" has an unknown unit '\(unit)'"
            case .notPositive(let text): return "\"\(text)\" is not a positive quantity"
            }
        }
    }

    /// Parses `750ml`, `750 ml` or `1.5 kg` as Merchant Center writes them (the unit in lower case).
    public static func parse(_ text: String) -> Result<Measure, ParseError> {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unitText = text.dropFirst(number.count).drop { $0 == " " }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !number.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }), !unitText.isEmpty,
            number.count <= 15
        else { return .failure(.notAMeasure(text)) }
        guard let unit = MeasureUnit(rawValue: String(unitText)) else {
            return .failure(.unknownUnit(text, unit: String(unitText)))
        }
        let digits = Int(parts.joined())!
        guard digits > 0 else { return .failure(.notPositive(text)) }
        return .success(Measure(digits: digits, scale: parts.count == 2 ? parts[1].count : 0, unit: unit))
    }

    /// The number as written, without trailing noise: `1.5`, `750`.
    public var numberText: String {
        guard scale > 0 else { return String(digits) }
        let padded = String(repeating: "0", count: max(0, scale + 1 - String(digits).count)) + String(digits)
        return padded.dropLast(scale) + "." + padded.suffix(scale)
    }

    public var description: String { "\(numberText) \(unit.rawValue)" }

    /// Whether the number is a whole number.
    public var isWhole: Bool { scale == 0 }
}

/// How a product's price translates into a price per base quantity (`€ 12.40 / kg`): the quantity it is sold in
/// (Merchant Center's `unit_pricing_measure`) and the quantity the unit price is per (`unit_pricing_base_measure`).
public struct UnitPricing: Sendable, Hashable {
    /// What one product holds: `750 ml`.
    public var measure: Measure
    /// What the unit price is per: `1 l`; a whole number, in the measure's dimension.
    public var base: Measure
    /// `base / measure` as a reduced fraction, so each price is multiplied once.
    let ratio: (numerator: Int128, denominator: Int128)

    /// Why a measure and a base cannot make a unit price.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case dimensions(MeasureUnit, MeasureUnit)
        case baseNotWhole(Measure)

        public var description: String {
            switch self {
            case .dimensions(let measure, let base):
                return "base measure in \(base.rawValue) (\(base.dimension.rawValue)) cannot price a measure in \(measure.rawValue) (\(measure.dimension.rawValue))"
            case .baseNotWhole(let base):
                return "base measure \"\(base)\" is not a whole number (Merchant Center takes 1, 2, 4, 8, 10, 100, 75 cl, 750 ml, 50 kg or 1000 kg)"
            }
        }
    }

    /// The unit pricing of a measure per a base (by default 1 kg, 1 l, 1 m, 1 m² or one of the measure's unit).
    public static func make(measure: Measure, base: Measure? = nil) -> Result<UnitPricing, Problem> {
        let base = base ?? Measure(digits: 1, unit: measure.unit.defaultBase)
        guard base.unit.dimension == measure.unit.dimension else { return .failure(.dimensions(measure.unit, base.unit)) }
        guard base.isWhole else { return .failure(.baseNotWhole(base)) }
        // base / measure = (b · fb / 10^0) / (m · fm / 10^s): every part is small, so Int128 cannot overflow.
        var numerator = Int128(base.digits) * base.unit.factor.numerator * measure.unit.factor.denominator
            * power10(measure.scale)
        var denominator = Int128(measure.digits) * measure.unit.factor.numerator * base.unit.factor.denominator
        let divisor = gcd(numerator, denominator)
        numerator /= divisor
        denominator /= divisor
        return .success(UnitPricing(measure: measure, base: base, ratio: (numerator, denominator)))
    }

    private init(measure: Measure, base: Measure, ratio: (numerator: Int128, denominator: Int128)) {
        self.measure = measure
        self.base = base
        self.ratio = ratio
    }

    /// The price per base quantity, rounded half away from zero to the currency's minor unit; nil if it does not fit.
    public func unitPrice(of price: Money) -> Money? {
        let (product, overflow) = Int128(price.minorUnits).multipliedReportingOverflow(by: ratio.numerator)
        guard !overflow else { return nil }
        let quotient = product / ratio.denominator, remainder = product % ratio.denominator
        let rounded = remainder.magnitude * 2 >= ratio.denominator.magnitude ? quotient + (product < 0 ? -1 : 1) : quotient
        guard let units = Int(exactly: rounded) else { return nil }
        return Money(minorUnits: units, currency: price.currency)
    }

    public static func == (a: UnitPricing, b: UnitPricing) -> Bool { a.measure == b.measure && a.base == b.base }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(measure)
        hasher.combine(base)
    }
}

private func power10(_ exponent: Int) -> Int128 { (0..<exponent).reduce(1) { value, _ in value * 10 } }

private func gcd(_ a: Int128, _ b: Int128) -> Int128 {
    var (x, y) = (a.magnitude, b.magnitude)
    while y != 0 { (x, y) = (y, x % y) }
    return Int128(x)
}
