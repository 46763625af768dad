/// A recommended product on a landing page, with its place, price and why it is there.
public struct RankedProduct: Sendable, Hashable {
    /// The product.
    public var product: Product
    /// The score it was placed with (after the diversity multiplier); pinned products keep their own score.
    public var score: Double
    /// Its place on the page, 1-based.
    public var rank: Int
    /// Whether the segment pinned it.
    public var pinned: Bool
    /// Its price after promotions.
    public var price: PricedProduct
    /// Why it is here: one to three reasons, most significant first.
    public var reasons: [Reason]
    /// How its score was made, for `vary explain`.
    public var breakdown: ScoreBreakdown
    /// What the segment's orders in the region say of it, when they say anything.
    public var evidence: LearnedEvidence? = nil
}

/// The order evidence behind a product's learned score on one page: counts only, never a customer.
public struct LearnedEvidence: Sendable, Hashable {
    /// Orders and distinct customers of the segment in the region that hold the product (0 when it scores by
    /// co-purchase alone, or when fewer than the minimum of customers bought it).
    public var orders: Int
    public var customers: Int
    /// The product the segment buys that is most often bought with it.
    public var boughtWith: String?
}

/// The products to recommend to an audience, best first, at most `limit`.
///
/// Candidates are the products `eligibility(of:audience:promotions:)` accepts. The segment's pinned products
/// come first, in the segment's order; the rest are placed greedily by score (see `ScoreBreakdown`): at each
/// place the candidate with the highest `base · (0.85^k · 0.9^j)^s` wins (s the store's diversity strength, shrunk
/// by the segment's learned share), where k and j count the products of the
/// same category path and the same brand already placed (pinned ones included), so no category or brand
/// crowds out the rest. Equal scores are broken by id. `active` is expected to come from `activePromotions`; with a
/// `learned` model, the segment's orders in the region blend into the score (see `LearnedModel`).
public func rank(
    _ content: StoreContent, audience: PageAudience, promotions active: [Promotion],
    popularity: RegionalPopularity, limit: Int, learned: LearnedModel = .none
) -> [RankedProduct] {
    guard limit > 0 else { return [] }
    let tables = RankingTables(
        products: content.products, regions: [audience.region], segments: [audience.segment], popularity: popularity,
        learned: learned, diversity: content.site.learning.diversity)
    return rank(using: tables, audience: audience, promotions: active, popularity: popularity, limit: limit)
}

/// `rank(_:audience:promotions:popularity:limit:)` over tables built once per build, as every page of a build shares them.
func rank(
    using tables: RankingTables, audience: PageAudience, promotions active: [Promotion],
    popularity: RegionalPopularity, limit: Int
) -> [RankedProduct] {
    guard limit > 0, let region = tables.regions[audience.region.id], let segment = tables.segments[audience.segment.id]
    else { return [] }
    var ranking = PageRanking(tables: tables, region: region, segment: segment, audience: audience, promotions: active)
    for reference in audience.segment.pinned where ranking.placed.count < limit {
        guard let index = tables.indexByID[reference.id], let candidate = ranking.eligible[index], !ranking.isPlaced(candidate)
        else { continue }
        ranking.place(candidate, pinned: true, popularity: popularity)
    }
    ranking.placeByScore(limit: limit, popularity: popularity)
    return ranking.placed
}

/// One page's ranking in progress: its eligible candidates with their base scores and what is placed so far.
private struct PageRanking {
    struct Candidate {
        /// Position in the region's candidates.
        var position: Int
        var base: Double
        var idOrder: Int
        var category: Int
        var brand: Int
    }

    let tables: RankingTables
    let region: RegionRanking
    let segment: SegmentRanking
    let learned: LearnedList?
    let audience: PageAudience
    let prices: [PricedProduct]
    var candidates: [Candidate] = []
    /// Catalog index → index in `candidates` for the segment's pinned products that are eligible on this page.
    var eligible: [Int: Int] = [:]
    var placedFlags: [Bool] = []
    var placed: [RankedProduct] = []
    var categoryCounts: [Int]
    var brandCounts: [Int]
    /// `Scoring.diversity` by the two counts, filled as needed: the scan asks for it for hundreds of candidates.
    var diversities: [[Double?]] = []

    init(tables: RankingTables, region: RegionRanking, segment: SegmentRanking, audience: PageAudience, promotions: [Promotion]) {
        self.tables = tables
        self.region = region
        self.segment = segment
        self.audience = audience
        learned = tables.learned[AudienceKey(region: audience.region.id, segment: audience.segment.id)]
        categoryCounts = [Int](repeating: 0, count: tables.categoryCount)
        brandCounts = [Int](repeating: 0, count: tables.brandCount)
        prices = tables.prices(region, audience: audience, promotions: promotions)
        let ceiling = audience.segment.priceCeiling[audience.region.currency.code]
        let pinned = Set(audience.segment.pinned.compactMap { tables.indexByID[$0.id] })
        candidates.reserveCapacity(region.candidates.count)
        for (position, index) in region.candidates.enumerated() where !segment.excluded[index] {
            if let ceiling, prices[position].final.minorUnits > ceiling.minorUnits { continue }
            if pinned.contains(index) { eligible[index] = candidates.count }
            candidates.append(Candidate(
                position: position, base: breakdown(position).base, idOrder: tables.idOrder[index],
                category: tables.categoryNumber[index], brand: tables.brandNumber[index]))
        }
        placedFlags = [Bool](repeating: false, count: candidates.count)
    }

    func isPlaced(_ candidate: Int) -> Bool { placedFlags[candidate] }

    func breakdown(_ position: Int) -> ScoreBreakdown {
        Scoring.breakdown(
            popularity: region.popularity[position], trending: region.trending[position],
            affinity: segment.affinity.isEmpty ? nil : segment.affinity[region.candidates[position]],
            inSeason: region.inSeason[position], discounted: prices[position].isDiscounted,
            learned: learned?.score(at: position))
    }

    mutating func diversity(_ candidate: Int) -> Double {
        let sameCategory = categoryCounts[candidates[candidate].category]
        let sameBrand = brandCounts[candidates[candidate].brand]
        while diversities.count <= sameCategory { diversities.append([]) }
        while diversities[sameCategory].count <= sameBrand { diversities[sameCategory].append(nil) }
        if let known = diversities[sameCategory][sameBrand] { return known }
        // The hand-set variety is part of the merchant's prior: it gives way as the segment's orders show what it buys.
        let strength = tables.diversity * (1 - (learned?.share ?? 0))
        let value = Scoring.diversity(sameCategory: sameCategory, sameBrand: sameBrand, strength: strength)
        diversities[sameCategory][sameBrand] = value
        return value
    }

    mutating func place(_ candidate: Int, pinned: Bool, popularity: RegionalPopularity) {
        let position = candidates[candidate].position
        let index = region.candidates[position]
        let product = tables.products[index]
        var breakdown = breakdown(position)
        if !pinned { breakdown.diversity = diversity(candidate) }
        let match = AffinityMatch(product, ancestry: tables.ancestry[index], audience.segment.affinity)
        let learnedEntry = learned?.entry(at: position)
        let anchor = learnedEntry.flatMap { $0.anchor >= 0 ? tables.products[$0.anchor].id : nil }
        let reasons = reasons(
            pinned: pinned, match: match, product: product, audience: audience, priced: prices[position], popularity: popularity,
            learned: learnedEntry.map { LearnedReasons($0, anchor: anchor) })
        placed.append(
            RankedProduct(
                product: product, score: breakdown.total, rank: placed.count + 1, pinned: pinned,
                price: prices[position], reasons: reasons, breakdown: breakdown,
                evidence: learnedEntry.map { LearnedEvidence(orders: $0.orders, customers: $0.customers, boughtWith: anchor) }))
        placedFlags[candidate] = true
        categoryCounts[tables.categoryNumber[index]] += 1
        brandCounts[tables.brandNumber[index]] += 1
    }

    /// Whether candidate `a` comes before `b` by base score, then id.
    func before(_ a: Int, _ b: Int) -> Bool {
        candidates[a].base != candidates[b].base ? candidates[a].base > candidates[b].base : candidates[a].idOrder < candidates[b].idOrder
    }

    /// The greedy placement by penalized score. It scans the unplaced candidates by base score and stops at the
    /// first whose base is below the best penalized score so far (a penalty never raises a score), so only the
    /// best few need to be in order: the rest are sorted only if a scan runs past them.
    mutating func placeByScore(limit: Int, popularity: RegionalPopularity) {
        var window = limit * 2 + 16
        var remaining = best(window)
        var isComplete = remaining.count == candidates.count - placed.count
        while placed.count < limit, !remaining.isEmpty {
            var bestPosition = 0
            var bestScore = -Double.infinity
            var stopped = false
            for (position, candidate) in remaining.enumerated() {
                let base = candidates[candidate].base
                if base < bestScore {
                    stopped = true
                    break
                }
                let score = base * diversity(candidate)
                if score > bestScore
                    || (score == bestScore && candidates[candidate].idOrder < candidates[remaining[bestPosition]].idOrder)
                {
                    bestPosition = position
                    bestScore = score
                }
            }
            if !stopped && !isComplete {
                window *= 4
                remaining = best(window)
                isComplete = remaining.count == candidates.count - placed.count
                continue
            }
            place(remaining.remove(at: bestPosition), pinned: false, popularity: popularity)
        }
    }

    /// The `count` best unplaced candidates by base score then id, in that order.
    func best(_ count: Int) -> [Int] {
        if count >= (candidates.count - placed.count) / 2 {
            return candidates.indices.filter { !placedFlags[$0] }.sorted(by: before)
        }
        var chosen: [Int] = []
        chosen.reserveCapacity(count + 1)
        candidates.withUnsafeBufferPointer { all in
            placedFlags.withUnsafeBufferPointer { isPlaced in
                func precedes(_ a: Int, _ b: Int) -> Bool {
                    all[a].base != all[b].base ? all[a].base > all[b].base : all[a].idOrder < all[b].idOrder
                }
                for candidate in 0..<all.count where !isPlaced[candidate] {
                    if chosen.count == count {
                        guard precedes(candidate, chosen[count - 1]) else { continue }
                        chosen.removeLast()
                    }
                    var slot = chosen.count
                    while slot > 0 && precedes(candidate, chosen[slot - 1]) { slot -= 1 }
                    chosen.insert(candidate, at: slot)
                }
            }
        }
        return chosen
    }
}
