/// A law on how a price reduction is announced, which a region may be subject to (`regions.json` `priceReductionRule`).
public enum PriceReductionRule: String, Sendable, Hashable, CaseIterable {
    /// Directive 98/6/EC Art. 6a (the "Omnibus" directive): an announced reduction states the lowest price applied in
    /// the 30 days before it started, and its percentage and saving are computed against that price (CJEU C-330/23).
    case eu30Day = "eu-30-day"

    /// How many days before a reduction's start its prior price is looked for.
    public var days: Int {
        switch self {
        case .eu30Day: return 30
        }
    }
}
