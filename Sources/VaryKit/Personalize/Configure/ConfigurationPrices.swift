import Intl

/// The price of every valid combination of a configurator for one audience, worked out by Vary — the page's script
/// only looks them up.
public struct ConfigurationPrices: Sendable {
    /// One combination with its price.
    public struct Priced: Sendable, Hashable {
        public var states: [UInt8]
        public var price: PricedProduct
    }

    public let space: ConfigurationSpace
    /// In `ConfigurationSpace.forEach` order.
    public let combinations: [Priced]

    /// Prices every valid combination in the audience's region: the product's regular price there plus each chosen
    /// option's delta in its currency, then the active promotions exactly as for any product (the best
    /// non-stackable one, then the stackable ones, each rounded half away from zero to the minor unit). Nil when
    /// the product has no price in the region's currency.
    public init?(_ space: ConfigurationSpace, product: Product, audience: PageAudience, promotions: [Promotion]) {
        guard let base = product.price(in: audience.region), base.currency == audience.region.currency else { return nil }
        let deltas = ConfigurationPrices.deltas(space.configurator, region: audience.region)
        let ancestry = product.categoryAncestry
        let active = promotions.filter { $0.appliesTo.contains(product, ancestry: ancestry) && $0.canPrice(in: base.currency) }
        var result: [Priced] = []
        space.forEach { states in
            var units = base.minorUnits
            for (group, state) in states.enumerated() { units += deltas[group][Int(state)] }
            let regular = Money(minorUnits: units, currency: base.currency)
            result.append(Priced(states: states, price: applyPromotions(to: regular, of: product, ancestry: ancestry, promotions: active)))
            return true
        }
        self.space = space
        combinations = result
    }

    /// Each group's states' deltas in minor units of the region's currency (validation proves every delta exists there).
    static func deltas(_ configurator: Configurator, region: Region) -> [[Int]] {
        configurator.groups.map { group in
            let unit = group.delta.amount(in: region)?.minorUnits ?? 0
            switch group.kind {
            case .choice(let values):
                return values.map { $0.delta.amount(in: region)?.minorUnits ?? 0 } + (group.required ? [] : [0])
            case .text: return group.required ? [unit] : [unit, 0]
            case .quantity(let range, _): return range.map { $0 * unit }
            }
        }
    }
}
