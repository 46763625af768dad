import Intl

/// A market: the countries it serves, its currency, locales, seasons, shops and events (`regions.json`).
public struct Region: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    /// ISO 3166-1 alpha-2 codes, upper case.
    public var countries: [String]
    public var currency: Currency
    /// Locale tags; the first is the region's default.
    public var locales: [String]
    public var seasons: [String]
    public var taxNote: LocalizedText?
    /// IANA time zone for local dates, `UTC` when not given.
    public var timeZone: String
    /// The CLDR numbering system every number on the region's pages uses (`latn`), instead of each locale's default.
    public var numbers: String? = nil
    /// The law the region's price reductions follow (the EU's 30-day prior price), nil when none.
    public var priceReductionRule: PriceReductionRule? = nil
    public var stores: [RegionStore]
    public var events: [RegionEvent]
    public var location: SourceLocation
}

/// A physical shop in a region.
public struct RegionStore: Sendable, Hashable {
    public var name: String
    public var city: String
    public var address: String
    public var url: String?
}

/// A dated event in a region.
public struct RegionEvent: Sendable, Hashable {
    public var title: LocalizedText
    /// `YYYY-MM-DD`.
    public var date: String
    public var url: String?
}
