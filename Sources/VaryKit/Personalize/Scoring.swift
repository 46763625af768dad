import Foundation

/// The parts of a recommendation score, for ranking and for `vary explain`.
///
/// The formula, with every input in 0…1:
/// - affinity `A`: a weighted mean over the dimensions the segment configures — category 0.5 (the highest
///   weight among the product's category and its ancestors), tags 0.3 (the sum of matched tag weights, capped
///   at 1), brand 0.2 — so a segment that only lists categories still reaches 1 on a full match;
/// - catalog popularity `P` (`product.popularity`) and regional order popularity `R` (`RegionalPopularity`),
///   blended as `0.5·P + 0.5·R` when the region has orders, else `P` alone;
/// - `base = 0.65·A + 0.35·blend` when the segment has any affinity, else `base = blend` (the default segment
///   ranks by popularity);
/// - when the segment has orders in the region (see `LearnedModel`), the merchant's share above is multiplied by
///   `1 − λ` and the learned score adds `λ·α·popularity` (segment orders) and `λ·(1−α)·coPurchase` (bought together);
/// - `+ 0.10` when the product carries one of the region's season tags, `+ 0.05` when a promotion lowers its price;
/// - during re-ranking the score is multiplied by `diversity = (0.85^k · 0.9^j)^s`, where k products with the same
///   full category path and j of the same brand are already placed above it and s is the store's diversity strength
///   times `1 − λ` (the hand-set variety is part of the merchant's prior).
public struct ScoreBreakdown: Sendable, Hashable {
    /// The affinity share: `0.65·A` for a segment with interests, else 0.
    public var affinity: Double
    /// The catalog popularity share.
    public var popularity: Double
    /// The regional recent-orders share.
    public var trending: Double
    /// The season boost.
    public var season: Double
    /// The boost for being discounted.
    public var promotion: Double
    /// The diversity multiplier applied when the product was placed, 1 when nothing similar was above it.
    public var diversity: Double
    /// The learned share from the segment's own orders in the region.
    public var segmentOrders: Double = 0
    /// The learned share from what the segment buys together with it.
    public var boughtTogether: Double = 0

    /// The score before diversity.
    public var base: Double { affinity + popularity + trending + season + promotion + segmentOrders + boughtTogether }

    /// The score the product was placed with.
    public var total: Double { base * diversity }
}

/// What of a segment's interests a product matches, with the weights that matched (only weights above zero).
struct AffinityMatch: Sendable {
    /// The segment's category key that gave the highest weight (the most specific on ties).
    var category: (key: String, weight: Double)?
    /// Matched tags, by weight descending then name.
    var tags: [(name: String, weight: Double)]
    var brand: (name: String, weight: Double)?
    /// `A` in 0…1.
    var value: Double

    init(_ product: Product, ancestry: [String], _ affinity: Affinity) {
        category = nil
        for key in ancestry where !affinity.categories.isEmpty {
            guard let weight = affinity.categories[key].map(unit), weight > 0 else { continue }
            if weight >= (category?.weight ?? 0) { category = (key, weight) }
        }
        tags = affinity.tags.isEmpty ? [] : Set(product.tags).compactMap { tag in
            affinity.tags[tag].map(unit).flatMap { $0 > 0 ? (tag, $0) : nil }
        }.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.name < $1.name }
        brand = affinity.brands[product.brand].map(unit).flatMap { $0 > 0 ? (product.brand, $0) : nil }
        value = Self.combine(
            category: category?.weight ?? 0, tagSum: tags.reduce(0) { $0 + $1.weight }, brand: brand?.weight ?? 0, affinity)
    }

    /// `A` alone, as `init` computes it, without collecting the matches: ranking needs it for every product
    /// and every segment, the matches only for the products placed.
    static func value(_ product: Product, ancestry: [String], _ affinity: Affinity) -> Double {
        var categoryWeight = 0.0
        if !affinity.categories.isEmpty {
            for key in ancestry {
                guard let weight = affinity.categories[key].map(unit), weight > 0 else { continue }
                if weight >= categoryWeight { categoryWeight = weight }
            }
        }
        var tagSum = 0.0
        if !affinity.tags.isEmpty {
            // Matched weights are summed in init's order (weight descending); with at most two terms any order
            // gives the same sum, so only three or more (rare) need init's sorted list.
            var matched = 0
            var first = 0.0, second = 0.0
            for (index, tag) in product.tags.enumerated() where !product.tags[..<index].contains(tag) {
                guard let weight = affinity.tags[tag].map(unit), weight > 0 else { continue }
                matched += 1
                if matched == 1 { first = weight } else { second = weight }
            }
            if matched > 2 { return AffinityMatch(product, ancestry: ancestry, affinity).value }
            tagSum = matched == 0 ? 0 : (matched == 1 ? 0 + first : 0 + first + second)
        }
        let brandWeight = affinity.brands[product.brand].map(unit).flatMap { $0 > 0 ? $0 : nil } ?? 0
        return combine(category: categoryWeight, tagSum: tagSum, brand: brandWeight, affinity)
    }

    /// The weighted mean of the configured dimensions.
    private static func combine(category: Double, tagSum: Double, brand: Double, _ affinity: Affinity) -> Double {
        var weighted = 0.0
        var total = 0.0
        if !affinity.categories.isEmpty {
            weighted += Scoring.categoryWeight * category
            total += Scoring.categoryWeight
        }
        if !affinity.tags.isEmpty {
            weighted += Scoring.tagWeight * min(1, tagSum)
            total += Scoring.tagWeight
        }
        if !affinity.brands.isEmpty {
            weighted += Scoring.brandWeight * brand
            total += Scoring.brandWeight
        }
        return total > 0 ? weighted / total : 0
    }
}

/// A product's learned inputs on one page: λ, α and the two learned scores in 0…1.
struct LearnedScore: Sendable {
    var share: Double
    var popularityShare: Double
    var popularity: Double
    var coPurchase: Double
}

/// The constants of the recommendation score; see `ScoreBreakdown` for the formula.
enum Scoring {
    static let categoryWeight = 0.5
    static let tagWeight = 0.3
    static let brandWeight = 0.2
    static let affinityShare = 0.65
    static let regionalShare = 0.5
    static let seasonBoost = 0.10
    static let promotionBoost = 0.05
    static let sameCategoryPenalty = 0.85
    static let sameBrandPenalty = 0.9
    /// Regional order popularity at or above this is reported as trending.
    static let trendingThreshold = 0.5
    /// A learned popularity or co-purchase score at or above this is given as a reason.
    static let learnedThreshold = 0.5
    /// Catalog popularity at or above this is reported as popular.
    static let popularThreshold = 0.8

    /// The score parts of a candidate before diversity.
    static func breakdown(
        _ product: Product, match: AffinityMatch, audience: PageAudience, priced: PricedProduct,
        popularity: RegionalPopularity
    ) -> ScoreBreakdown {
        let regionID = audience.region.id
        return breakdown(
            popularity: unit(product.popularity),
            trending: popularity.hasOrders(in: regionID) ? popularity.score(of: product.id, in: regionID) : nil,
            affinity: audience.segment.affinity.isEmpty ? nil : match.value,
            inSeason: seasonTag(product, audience.region) != nil, discounted: priced.isDiscounted)
    }

    /// The score parts from their inputs: catalog popularity, the regional order score when the region has
    /// orders, `A` when the segment has interests.
    static func breakdown(
        popularity: Double, trending score: Double?, affinity value: Double?, inSeason: Bool, discounted: Bool,
        learned: LearnedScore? = nil
    ) -> ScoreBreakdown {
        var catalog = popularity
        var trending = 0.0
        if let score {
            trending = regionalShare * score
            catalog *= 1 - regionalShare
        }
        var affinity = 0.0
        if let value {
            affinity = affinityShare * value
            catalog *= 1 - affinityShare
            trending *= 1 - affinityShare
        }
        var segmentOrders = 0.0, boughtTogether = 0.0
        if let learned {
            let kept = 1 - learned.share
            affinity *= kept
            catalog *= kept
            trending *= kept
            segmentOrders = learned.share * learned.popularityShare * learned.popularity
            boughtTogether = learned.share * (1 - learned.popularityShare) * learned.coPurchase
        }
        return ScoreBreakdown(
            affinity: affinity, popularity: catalog, trending: trending,
            season: inSeason ? seasonBoost : 0, promotion: discounted ? promotionBoost : 0, diversity: 1,
            segmentOrders: segmentOrders, boughtTogether: boughtTogether)
    }

    /// The first of the region's seasons that the product is tagged with.
    static func seasonTag(_ product: Product, _ region: Region) -> String? {
        region.seasons.first(where: product.tags.contains)
    }

    /// The diversity multiplier for a product given how many of its category and brand are already placed, at a
    /// strength in 0…1 (1 as designed, 0 no penalty).
    static func diversity(sameCategory: Int, sameBrand: Int, strength: Double = 1) -> Double {
        let category = strength == 1 ? sameCategoryPenalty : Foundation.pow(sameCategoryPenalty, strength)
        let brand = strength == 1 ? sameBrandPenalty : Foundation.pow(sameBrandPenalty, strength)
        return pow(category, sameCategory) * pow(brand, sameBrand)
    }

    private static func pow(_ base: Double, _ exponent: Int) -> Double {
        (0..<max(exponent, 0)).reduce(1) { value, _ in value * base }
    }
}

/// A value clamped to 0…1 (NaN counts as 0), so that a stray weight cannot dominate a score.
func unit(_ value: Double) -> Double {
    value.isNaN ? 0 : Swift.min(Swift.max(value, 0), 1)
}
