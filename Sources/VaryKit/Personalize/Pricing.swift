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
/// A promotion that would save nothing is not listed as applied. A compare-at price above the product's price
/// (`Product.compareAtPrice(in:)`) is the regular price, and promotions start from the product's price.
/// `active` is expected to come from `activePromotions(_:for:at:)`: targeting and dates are not checked again here.
public func price(_ product: Product, audience: PageAudience, promotions active: [Promotion]) -> PricedProduct? {
    price(product, ancestry: product.categoryAncestry, audience: audience, promotions: active)
}

/// `price(_:audience:promotions:)` with the product's category ancestry computed once by the caller.
func price(
    _ product: Product, ancestry: [String], audience: PageAudience, promotions active: [Promotion]
) -> PricedProduct? {
    let currency = audience.region.currency
    guard let selling = product.price(in: audience.region), selling.currency == currency else { return nil }
    // A compare-at price is the regular price shown; promotions take off the selling price.
    return applyPromotions(
        to: selling, of: product, ancestry: ancestry, promotions: active,
        regular: product.compareAtPrice(in: audience.region, above: selling) ?? selling)
}

/// The promotions of `price(_:audience:promotions:)` applied to a selling price the caller worked out (a configured
/// product's price with its options), so that every price on the site follows the same rules and rounding.
/// `regular` is the price shown as the original one (a compare-at price), the selling price when absent.
func applyPromotions(
    to selling: Money, of product: Product, ancestry: [String], promotions active: [Promotion], regular: Money? = nil
) -> PricedProduct {
    let currency = selling.currency
    // Indices rather than filtered copies: this runs for every product on every page.
    var best: (index: Int, saving: Int)?
    var stackable: [Int] = []
    for index in active.indices where active[index].appliesTo.contains(product, ancestry: ancestry) {
        guard active[index].canPrice(in: currency) else { continue }
        if active[index].stackable {
            stackable.append(index)
            continue
        }
        let saving = active[index].saving(on: selling.minorUnits, currency: currency)
        if let current = best, !isBetter(active[index], saving, than: active[current.index], current.saving) { continue }
        best = (index, saving)
    }
    stackable.sort { a, b in
        active[a].priority != active[b].priority ? active[a].priority > active[b].priority : active[a].id < active[b].id
    }

    var running = selling.minorUnits
    var applied: [AppliedPromotion] = []
    for index in (best.map { [$0.index] } ?? []) + stackable {
        let saving = active[index].saving(on: running, currency: currency)
        guard saving > 0 else { continue }
        running -= saving
        applied.append(AppliedPromotion(promotion: active[index].id, saving: Money(minorUnits: saving, currency: currency)))
    }

    return PricedProduct(regular: regular ?? selling, final: Money(minorUnits: running, currency: currency), applied: applied)
}

/// Whether a non-stackable promotion beats another: higher priority, then larger saving, then smaller id.
private func isBetter(_ a: Promotion, _ savingA: Int, than b: Promotion, _ savingB: Int) -> Bool {
    if a.priority != b.priority { return a.priority > b.priority }
    if savingA != savingB { return savingA > savingB }
    return a.id < b.id
}

extension ProductSelection {
    /// `contains(_:)` with the product's category ancestry computed once by the caller, as ranking prices every
    /// product against every promotion on every page.
    func contains(_ product: Product, ancestry: [String]) -> Bool {
        if isEverything { return true }
        if products.contains(where: { $0.id == product.id }) { return true }
        if !categories.isEmpty, ancestry.contains(where: categories.contains) { return true }
        return product.tags.contains(where: tags.contains)
    }
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
