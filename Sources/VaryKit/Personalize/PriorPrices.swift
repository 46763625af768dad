import Foundation
import Intl

/// The prior price of every discounted product for every audience of the regions under a price reduction rule,
/// computed once per build before pages are personalized, with the warnings the rule gives.
///
/// Audiences that the same promotions target (usually every locale and segment of a region) share one computation.
public struct PriorPrices: Sendable {
    /// `region/locale/segment` → index into `outcomes`.
    private var groups: [String: Int] = [:]
    /// Per group: product id → what the rule makes of its discounted price.
    private var outcomes: [[String: PriorPrice]] = []
    /// Products without enough history, reductions not below the prior price, history rows that disagree with the catalog.
    public private(set) var warnings: [Diagnostic] = []

    /// An empty table, for stores with no region under a rule.
    public init() {}

    /// The table for a store at `now`.
    public init(content: StoreContent, now: Date) {
        warnings = Self.historyWarnings(content, now: now)
        var warned: Set<String> = []
        let products = Dictionary(content.products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for region in content.regions {
            guard let rule = region.priceReductionRule else { continue }
            var groupOf: [[String]: Int] = [:]
            for tag in region.locales {
                for segment in content.segments {
                    let audience = PageAudience(region: region, localeTag: tag, segment: segment)
                    let targeting = content.promotions.filter { $0.targets(audience) }.map(\.id)
                    if let known = groupOf[targeting] {
                        groups[Self.key(region.id, tag, segment.id)] = known
                        continue
                    }
                    let outcome = Self.outcomes(content, audience: audience, rule: rule, now: now)
                    groupOf[targeting] = outcomes.count
                    groups[Self.key(region.id, tag, segment.id)] = outcomes.count
                    outcomes.append(outcome)
                    for (id, prior) in outcome.sorted(by: { $0.key < $1.key }) {
                        guard let product = products[id], let warning = Self.warning(prior, product: product, region: region),
                            warned.insert("\(id)/\(region.id)").inserted
                        else { continue }
                        warnings.append(warning)
                    }
                }
            }
        }
        warnings.sort()
    }

    /// What the rule makes of a product's discounted price for an audience; nil when its region has no rule or the
    /// product is not discounted there.
    public func prior(of product: String, for audience: PageAudience) -> PriorPrice? {
        guard let group = groups[Self.key(audience.region.id, audience.localeTag, audience.segment.id)] else { return nil }
        return outcomes[group][product]
    }

    private static func key(_ region: String, _ tag: String, _ segment: String) -> String { "\(region)/\(tag)/\(segment)" }

    private static func outcomes(_ content: StoreContent, audience: PageAudience, rule: PriceReductionRule, now: Date)
        -> [String: PriorPrice]
    {
        let active = activePromotions(content.promotions, for: audience, at: now)
        var result: [String: PriorPrice] = [:]
        guard !active.isEmpty else { return result }
        for product in content.products where product.isSold(in: audience.region.id) {
            let ancestry = product.categoryAncestry
            guard let priced = price(product, ancestry: ancestry, audience: audience, promotions: active),
                let prior = priorPrice(
                    product, ancestry: ancestry, priced: priced, audience: audience, promotions: content.promotions,
                    history: content.priceHistory, rule: rule)
            else { continue }
            result[product.id] = prior
        }
        return result
    }

    private static func warning(_ prior: PriorPrice, product: Product, region: Region) -> Diagnostic? {
        let id = product.id
        let days = region.priceReductionRule?.days ?? 30
        switch prior {
        case .lowest:
            return nil
        case .unknown(let windowStart, let start):
            return product.location.warning(
                "product '\(id)' in region '\(region.id)': no price history reaches back to \(Instant.format(windowStart)), \(days) days before its reduction started (\(Instant.format(start))), so its page shows no prior price and no reduction",
                hint: "add a price-history.csv row for '\(id)' in '\(region.id)' from \(Instant.format(windowStart)) or earlier")
        case .notLower(let lowest, let start):
            return product.location.warning(
                "product '\(id)' in region '\(region.id)': its discounted price is not below its lowest price of the \(days) days before \(Instant.format(start)) (\(lowest)), so its page shows no reduction")
        }
    }

    /// A product whose latest history row before `now` gives another price than the catalog: the history misses a change.
    private static func historyWarnings(_ content: StoreContent, now: Date) -> [Diagnostic] {
        guard !content.priceHistory.isEmpty else { return [] }
        var warnings: [Diagnostic] = []
        for region in content.regions {
            for product in content.products where product.isSold(in: region.id) {
                guard let latest = content.priceHistory.price(of: product.id, in: region.id, at: now),
                    let catalog = product.price(in: region), catalog != latest.price
                else { continue }
                warnings.append(latest.location.warning(
                    "'\(product.id)' costs \(catalog) in region '\(region.id)' by the catalog but \(latest.price) by its latest price-history.csv row",
                    hint: "add a row with the catalog price from when it took effect"))
            }
        }
        return warnings
    }
}
