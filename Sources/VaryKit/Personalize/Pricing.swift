import Intl

/// A product's price on a page: its regular price, what it costs after promotions and which promotions took what off.
public struct PricedProduct: Sendable, Hashable {
    /// The regular price in the region's currency, before promotions.
    public var regular: Money
    /// The price after every applied promotion; never below zero.
    public var final: Money
    /// The promotions that took something off, in the order they were applied (the non-stackable one first).
    public var applied: [AppliedPromotion]

    /// A price from its parts.
    public init(regular: Money, final: Money, applied: [AppliedPromotion]) {
        self.regular = regular
        self.final = final
        self.applied = applied
    }

    /// Whether promotions lowered the price.
    public var isDiscounted: Bool { final.minorUnits < regular.minorUnits }

    /// The total saving, `regular − final`.
    public var saving: Money { Money(minorUnits: regular.minorUnits - final.minorUnits, currency: regular.currency) }

    /// The saving as a whole percent of the regular price, rounded half away from zero in integer arithmetic (0 when the regular price is zero).
    public var percentOff: Int {
        let regularUnits = regular.minorUnits
        guard regularUnits > 0 else { return 0 }
        let scaled = saving.minorUnits * 100
        // Both operands are non-negative in practice; round half away from zero either way.
        let doubled = 2 * scaled.magnitude + UInt(regularUnits)
        let magnitude = Int(doubled / (2 * UInt(regularUnits)))
        return scaled < 0 ? -magnitude : magnitude
    }
}

/// One promotion's share of a product's discount.
public struct AppliedPromotion: Sendable, Hashable {
    /// The promotion's id.
    public var promotion: String
    /// What this promotion took off the running price.
    public var saving: Money

    /// An applied promotion from its id and saving.
    public init(promotion: String, saving: Money) {
        self.promotion = promotion
        self.saving = saving
    }
}

/// The product's price for the audience after the active promotions, or nil when it has no price in the region's currency.
///
/// Of the active promotions that select the product and can price in the region's currency (an amount discount
/// needs an amount in that currency), the best non-stackable one applies first — highest priority, then largest
/// saving, then smallest id — then every stackable one in priority order (ties by id), each to the running price.
/// A percent is rounded half away from zero once per discount; an amount takes at most the running price.
/// A promotion that would save nothing is not listed as applied. `active` is expected to come from
/// `activePromotions(_:for:at:)`: targeting and dates are not checked again here.
public func price(_ product: Product, audience: PageAudience, promotions active: [Promotion]) -> PricedProduct? {
    let currency = audience.region.currency
    guard let regular = product.price(in: audience.region), regular.currency == currency else { return nil }
    let eligible = active.filter { $0.appliesTo.contains(product) && $0.canPrice(in: currency) }

    var running = regular.minorUnits
    var applied: [AppliedPromotion] = []
    func apply(_ promotion: Promotion) {
        let saving = promotion.saving(on: running, currency: currency)
        guard saving > 0 else { return }
        running -= saving
        applied.append(AppliedPromotion(promotion: promotion.id, saving: Money(minorUnits: saving, currency: currency)))
    }

    let best = eligible.filter { !$0.stackable }.min { a, b in
        if a.priority != b.priority { return a.priority > b.priority }
        let savingA = a.saving(on: running, currency: currency)
        let savingB = b.saving(on: running, currency: currency)
        if savingA != savingB { return savingA > savingB }
        return a.id < b.id
    }
    if let best { apply(best) }
    let stackable = eligible.filter(\.stackable).sorted { a, b in
        a.priority != b.priority ? a.priority > b.priority : a.id < b.id
    }
    for promotion in stackable { apply(promotion) }

    return PricedProduct(regular: regular, final: Money(minorUnits: running, currency: currency), applied: applied)
}

extension Promotion {
    /// Whether the discount can be expressed in a currency: percents always, amounts only when one is given for it.
    func canPrice(in currency: Currency) -> Bool {
        switch discount {
        case .percent: return true
        case .amount(let amounts): return amounts[currency.code] != nil
        }
    }

    /// What the discount takes off a price of `units` minor units: between zero and the price itself.
    func saving(on units: Int, currency: Currency) -> Int {
        let raw: Int
        switch discount {
        case .percent(let percent): raw = Money.roundedShare(units, percent: percent)
        case .amount(let amounts): raw = amounts[currency.code]?.minorUnits ?? 0
        }
        return min(max(raw, 0), max(units, 0))
    }
}
