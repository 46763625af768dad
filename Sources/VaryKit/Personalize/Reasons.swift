/// Why a product is recommended on a page; the lead turns each into a localized line.
public enum Reason: Sendable, Hashable {
    /// The segment pins it.
    case pinned
    /// The segment likes this category path (the segment's key that matched, possibly an ancestor of the product's).
    case category(String)
    /// The segment likes this tag.
    case tag(String)
    /// The segment likes this brand.
    case brand(String)
    /// Shoppers everywhere like it (catalog popularity of at least 0.8).
    case popular
    /// It sells well in this region lately (regional order score of at least 0.5).
    case trending
    /// It carries this season tag of the region.
    case season(String)
    /// This promotion lowers its price (the id of the first applied).
    case promotion(String)
    /// This segment's own orders in the region hold it often lately (learned popularity of at least 0.5).
    case segmentPopular(String)
    /// The segment buys it with this product (the id of the product contributing most to its co-purchase score).
    case boughtWith(String)
    /// On a product page: the page's product names it in `complements` (the page's product id).
    case complement(String)
    /// On a product page: it was bought with the page's product in this many orders.
    case boughtTogether(Int)
}

/// What a product's learned scores say, for its reasons.
struct LearnedReasons {
    var popular: Bool
    var boughtWith: String?

    init(_ entry: SegmentEvidence.Entry, anchor: String?) {
        // Only the region's own orders make "popular with … in <region>" true.
        popular = entry.customers > 0 && entry.popularity >= Scoring.learnedThreshold
        boughtWith = entry.coPurchase >= Scoring.learnedThreshold ? anchor : nil
    }
}

/// At most three reasons, most significant first: pinned, then what the segment's orders say (popular with the
/// segment, bought with another product), then the segment's matched interests by weight
/// (category before tag before brand on equal weights), then season, trending, popular and promotion;
/// `.popular` when nothing else applies, so every product has one.
func reasons(
    pinned: Bool, match: AffinityMatch, product: Product, audience: PageAudience, priced: PricedProduct,
    popularity: RegionalPopularity, learned: LearnedReasons? = nil
) -> [Reason] {
    var result: [Reason] = pinned ? [.pinned] : []
    if let learned {
        if learned.popular { result.append(.segmentPopular(audience.segment.id)) }
        if let other = learned.boughtWith { result.append(.boughtWith(other)) }
    }

    var interests: [(reason: Reason, weight: Double, order: Int)] = []
    if let category = match.category { interests.append((.category(category.key), category.weight, 0)) }
    for (index, tag) in match.tags.enumerated() { interests.append((.tag(tag.name), tag.weight, 1 + index)) }
    if let brand = match.brand { interests.append((.brand(brand.name), brand.weight, 1 + match.tags.count)) }
    interests.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.order < $1.order }
    result += interests.map(\.reason)

    if let season = Scoring.seasonTag(product, audience.region) { result.append(.season(season)) }
    let region = audience.region.id
    if popularity.hasOrders(in: region), popularity.score(of: product.id, in: region) >= Scoring.trendingThreshold {
        result.append(.trending)
    }
    if unit(product.popularity) >= Scoring.popularThreshold { result.append(.popular) }
    if let promotion = priced.applied.first { result.append(.promotion(promotion.promotion)) }

    if result.isEmpty { return [.popular] }
    return Array(result.prefix(3))
}
