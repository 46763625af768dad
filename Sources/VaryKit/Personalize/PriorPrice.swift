import Foundation
import Intl

/// What a region's price reduction rule makes of a discounted price: the price to announce the reduction against,
/// or why no reduction may be announced.
public enum PriorPrice: Sendable, Hashable {
    /// The lowest price applied in the window is above today's price: the reduction is announced against it.
    case lowest(Money, reductionStart: Date)
    /// The lowest price applied in the window is at or below today's price (a price raised, then cut): no reduction
    /// may be announced.
    case notLower(Money, reductionStart: Date)
    /// The history does not reach back to the window's start, so the prior price is unknown and no reduction is announced.
    case unknown(windowStart: Date, reductionStart: Date)

    /// The price the reduction is announced against, when one may be announced.
    public var announced: Money? {
        if case .lowest(let money, _) = self { return money }
        return nil
    }
}

/// The prior price of a discounted product under a region's rule: the lowest price applied to the audience in the
/// rule's days before the reduction started; nil when the product is not discounted.
///
/// The reduction started when today's price level began: the latest `starts` of the promotions applied today (for
/// stacked promotions, the one added last; what applied before it counts as an earlier price). The price applied at
/// an instant is the history's regular price then, after the promotions running then that target the audience and
/// select the product, by the same rules as today's price, so an earlier promotion's price counts. Between two
/// changes (a history row, a promotion's start or end) the price stays, so the lowest is the least of the prices at
/// the window's start and at each change inside it. `all` is every promotion of the store, not only today's.
public func priorPrice(
    _ product: Product, ancestry: [String], priced: PricedProduct, audience: PageAudience, promotions all: [Promotion],
    history: PriceHistory, rule: PriceReductionRule
) -> PriorPrice? {
    guard priced.isDiscounted else { return nil }
    let applied = Set(priced.applied.map(\.promotion))
    guard let start = all.filter({ applied.contains($0.id) }).map(\.starts).max() else { return nil }
    let windowStart = daysBefore(start, rule.days, timeZone: audience.region.timeZone)
    let region = audience.region.id, currency = audience.region.currency
    let changes = history.changes(of: product.id, in: region)
    guard let first = changes.first, first.from <= windowStart else {
        return .unknown(windowStart: windowStart, reductionStart: start)
    }
    let candidates = all.filter {
        $0.starts < start && $0.ends > windowStart && $0.targets(audience)
            && $0.appliesTo.contains(product, ancestry: ancestry) && $0.canPrice(in: currency)
    }
    var instants: Set<Date> = [windowStart]
    for change in changes where change.from > windowStart && change.from < start { instants.insert(change.from) }
    for promotion in candidates {
        for instant in [promotion.starts, promotion.ends] where instant > windowStart && instant < start {
            instants.insert(instant)
        }
    }
    var lowest: Money?
    for instant in instants {
        guard let regular = history.price(of: product.id, in: region, at: instant)?.price else { continue }
        let running = candidates.filter { $0.isActive(at: instant) }
        let price = applyPromotions(to: regular, of: product, ancestry: ancestry, promotions: running).final
        if lowest == nil || price.minorUnits < lowest!.minorUnits { lowest = price }
    }
    guard let lowest else { return .unknown(windowStart: windowStart, reductionStart: start) }
    return lowest.minorUnits > priced.final.minorUnits
        ? .lowest(lowest, reductionStart: start) : .notLower(lowest, reductionStart: start)
}

/// The instant `days` calendar days before `instant` in a time zone, so that a daylight-saving change inside the
/// window does not move it by an hour.
func daysBefore(_ instant: Date, _ days: Int, timeZone: String) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
    return calendar.date(byAdding: .day, value: -days, to: instant) ?? instant.addingTimeInterval(Double(-days) * 86_400)
}
