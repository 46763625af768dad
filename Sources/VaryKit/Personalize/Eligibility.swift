import Intl

/// Why a product is never recommended on a page.
public enum Ineligibility: Error, Sendable, Hashable, CustomStringConvertible {
    /// The region does not sell it (no stock entry for the region).
    case notSold(region: String)
    /// The region sells it but has none in stock.
    case outOfStock(region: String)
    /// It has no price in the region's currency.
    case notPriced(currency: String)
    /// The segment excludes it by id.
    case excludedProduct(segment: String)
    /// The segment excludes this category (the excluded path, which may be an ancestor of the product's).
    case excludedCategory(segment: String, category: String)
    /// The segment excludes this tag.
    case excludedTag(segment: String, tag: String)
    /// Its price after promotions is above the segment's ceiling in that currency.
    case aboveCeiling(segment: String, price: Money, ceiling: Money)

    /// A sentence for reports and `vary explain`.
    public var description: String {
        switch self {
        case .notSold(let region): return "not sold in region '\(region)'"
        case .outOfStock(let region): return "out of stock in region '\(region)'"
        case .notPriced(let currency): return "has no price in \(currency)"
        case .excludedProduct(let segment): return "excluded by segment '\(segment)'"
        case .excludedCategory(let segment, let category):
            return "category '\(category)' is excluded by segment '\(segment)'"
        case .excludedTag(let segment, let tag): return "tag '\(tag)' is excluded by segment '\(segment)'"
        case .aboveCeiling(let segment, let price, let ceiling):
            return "price \(price) is above segment '\(segment)' ceiling \(ceiling)"
        }
    }
}

/// The product's price for the audience when it may be recommended, or the first reason it may not.
///
/// A candidate is sold and in stock in the region, priced in its currency, not excluded by the segment (by id,
/// by a category at or above its own, or by a tag), and — when the segment has a ceiling in the region's
/// currency — no dearer than the ceiling after promotions.
public func eligibility(
    of product: Product, audience: PageAudience, promotions active: [Promotion]
) -> Result<PricedProduct, Ineligibility> {
    eligibility(of: product, ancestry: product.categoryAncestry, audience: audience, promotions: active)
}

/// `eligibility(of:audience:promotions:)` with the product's category ancestry computed once by the caller.
func eligibility(
    of product: Product, ancestry: [String], audience: PageAudience, promotions active: [Promotion]
) -> Result<PricedProduct, Ineligibility> {
    let region = audience.region
    let segment = audience.segment
    guard product.isSold(in: region.id) else { return .failure(.notSold(region: region.id)) }
    guard product.isInStock(in: region.id) else { return .failure(.outOfStock(region: region.id)) }
    if segment.exclude.products.contains(where: { $0.id == product.id }) {
        return .failure(.excludedProduct(segment: segment.id))
    }
    if let category = ancestry.first(where: segment.exclude.categories.contains) {
        return .failure(.excludedCategory(segment: segment.id, category: category))
    }
    if let tag = product.tags.first(where: segment.exclude.tags.contains) {
        return .failure(.excludedTag(segment: segment.id, tag: tag))
    }
    guard let priced = price(product, ancestry: ancestry, audience: audience, promotions: active) else {
        return .failure(.notPriced(currency: region.currency.code))
    }
    if let ceiling = segment.priceCeiling[region.currency.code], priced.final.minorUnits > ceiling.minorUnits {
        return .failure(.aboveCeiling(segment: segment.id, price: priced.final, ceiling: ceiling))
    }
    return .success(priced)
}
