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
}

/// The products to recommend to an audience, best first, at most `limit`.
///
/// Candidates are the products `eligibility(of:audience:promotions:)` accepts. The segment's pinned products
/// come first, in the segment's order; the rest are placed greedily by score (see `ScoreBreakdown`): at each
/// place the candidate with the highest `base · 0.85^k · 0.9^j` wins, where k and j count the products of the
/// same category path and the same brand already placed (pinned ones included), so no category or brand
/// crowds out the rest. Equal scores are broken by id. `active` is expected to come from `activePromotions`.
public func rank(
    _ content: StoreContent, audience: PageAudience, promotions active: [Promotion],
    popularity: RegionalPopularity, limit: Int
) -> [RankedProduct] {
    guard limit > 0 else { return [] }
    var candidates: [String: Candidate] = [:]
    for product in content.products {
        guard case .success(let priced) = eligibility(of: product, audience: audience, promotions: active) else {
            continue
        }
        let match = AffinityMatch(product, audience.segment.affinity)
        let breakdown = Scoring.breakdown(
            product, match: match, audience: audience, priced: priced, popularity: popularity)
        candidates[product.id] = Candidate(product: product, priced: priced, match: match, breakdown: breakdown)
    }

    var placed: [RankedProduct] = []
    var categoryCounts: [String: Int] = [:]
    var brandCounts: [String: Int] = [:]
    func diversity(_ product: Product) -> Double {
        Scoring.diversity(
            sameCategory: categoryCounts[product.category] ?? 0, sameBrand: brandCounts[product.brand] ?? 0)
    }
    func place(_ candidate: Candidate, pinned: Bool) {
        var breakdown = candidate.breakdown
        if !pinned { breakdown.diversity = diversity(candidate.product) }
        let reasons = reasons(
            pinned: pinned, match: candidate.match, product: candidate.product, audience: audience,
            priced: candidate.priced, popularity: popularity)
        placed.append(
            RankedProduct(
                product: candidate.product, score: breakdown.total, rank: placed.count + 1, pinned: pinned,
                price: candidate.priced, reasons: reasons, breakdown: breakdown))
        categoryCounts[candidate.product.category, default: 0] += 1
        brandCounts[candidate.product.brand, default: 0] += 1
    }

    for reference in audience.segment.pinned where placed.count < limit {
        guard let candidate = candidates.removeValue(forKey: reference.id) else { continue }
        place(candidate, pinned: true)
    }

    // Sorted by base score, so the scan for the best penalized score can stop early: a penalty never raises a score.
    var remaining = candidates.values.sorted { a, b in
        a.breakdown.base != b.breakdown.base ? a.breakdown.base > b.breakdown.base : a.product.id < b.product.id
    }
    while placed.count < limit, !remaining.isEmpty {
        var bestIndex = 0
        var bestScore = -Double.infinity
        for (index, candidate) in remaining.enumerated() {
            if candidate.breakdown.base < bestScore { break }
            let score = candidate.breakdown.base * diversity(candidate.product)
            if score > bestScore || (score == bestScore && candidate.product.id < remaining[bestIndex].product.id) {
                bestIndex = index
                bestScore = score
            }
        }
        place(remaining.remove(at: bestIndex), pinned: false)
    }
    return placed
}

/// A product that may be recommended, with what ranking needs to place and explain it.
private struct Candidate {
    var product: Product
    var priced: PricedProduct
    var match: AffinityMatch
    var breakdown: ScoreBreakdown
}
