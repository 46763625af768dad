import Intl

/// A customizable product's options (`configurators.json`): groups of values, the rules between them and limits.
public struct Configurator: Sendable, Hashable {
    /// The catalog product this configures.
    public var product: Reference
    /// The index in `groups` of the merchandised axis, which gets one static page per value.
    public var merchandised: Int
    public var groups: [OptionGroup]
    public var rules: [OptionRule]
    /// Above this many valid combinations in a region the build warns.
    public var combinationLimit: Int
    public var location: SourceLocation
}

/// One group of options: a choice among values, a personal text, or a quantity.
public struct OptionGroup: Sendable, Hashable {
    /// What the shopper sets in the group.
    public enum Kind: Sendable, Hashable {
        /// One value of a list (or none, when the group is not required).
        case choice([OptionValue])
        /// A personal text, priced by `delta` when it is not empty.
        case text(TextLimits)
        /// A whole number in a range, priced by `delta` per unit.
        case quantity(ClosedRange<Int>, default: Int)
    }

    public var id: String
    public var label: LocalizedText
    public var kind: Kind
    public var required: Bool
    /// The price of a filled text or of one unit of a quantity (choice values carry their own).
    public var delta: PriceDelta
    public var location: SourceLocation

    /// The values of a choice group; empty for the other kinds.
    public var values: [OptionValue] {
        if case .choice(let values) = kind { return values }
        return []
    }
}

/// One value of a choice group.
public struct OptionValue: Sendable, Hashable {
    public var id: String
    public var label: LocalizedText
    /// A picture of the product with this value, under `site-templates/assets/` or an `https:` URL.
    public var image: ProductImage?
    /// A CSS colour for a swatch (`#1f4e79`).
    public var swatch: String?
    public var delta: PriceDelta
    /// Region → units; nil means available wherever the product is sold, a region absent or at zero means not there.
    public var stock: [String: Int]?
    public var isDefault: Bool
    public var location: SourceLocation
    /// Where each region key of `stock` was written (`regionDelta` keys are checked as they are decoded).
    public var regionReferences: [Reference]

    /// Whether the value can be chosen in a region.
    public func isAvailable(in region: String) -> Bool {
        guard let stock else { return true }
        return (stock[region] ?? 0) > 0
    }
}

/// How a personal text may be written.
public struct TextLimits: Sendable, Hashable {
    public var maxLength: Int
    /// The characters allowed, as inclusive ranges of Unicode scalars.
    public var allowed: [ClosedRange<UInt32>]
}

/// What an option adds to the product's price: per currency, or per region where a region's price differs.
public struct PriceDelta: Sendable, Hashable {
    public var byCurrency: [String: Money]
    public var byRegion: [String: Money]
    /// Where each currency key of `byCurrency` was written.
    public var currencyLocations: [String: SourceLocation]

    public static let zero = PriceDelta(byCurrency: [:], byRegion: [:], currencyLocations: [:])

    /// Whether the delta adds nothing anywhere (it was not given).
    public var isZero: Bool { byCurrency.isEmpty && byRegion.isEmpty }

    /// The delta in a region's currency: the region's own, else the currency's, else zero when none is given at all.
    public func amount(in region: Region) -> Money? {
        if let own = byRegion[region.id] { return own }
        if let money = byCurrency[region.currency.code] { return money }
        return isZero ? Money(minorUnits: 0, currency: region.currency) : nil
    }
}

/// A constraint between values: selecting `when` requires, excludes, or allows only certain other values.
public struct OptionRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Every listed value must be selected too.
        case requires
        /// None of the listed values may be selected with it (and it with none of them).
        case excludes
        /// It may be selected only together with one of the listed values (all of one group).
        case onlyWith
    }

    public var kind: Kind
    public var when: OptionRef
    public var targets: [OptionRef]
    public var location: SourceLocation
}

/// A value a rule names: `group:value` for a choice, `group` for a text group being filled.
public struct OptionRef: Sendable, Hashable {
    public var group: Int
    /// The value's index in a choice group; 0 for a filled text.
    public var value: Int
    public var text: String
    public var location: SourceLocation
}
