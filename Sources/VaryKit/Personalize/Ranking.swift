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
    let products = content.products
    let pinnedIDs = Set(audience.segment.pinned.map(\.id))
    var candidates: [Candidate] = []
    var pinnedCandidates: [String: Int] = [:]
    for index in products.indices {
        let ancestry = products[index].categoryAncestry
        guard case .success(let priced) = eligibility(
            of: products[index], ancestry: ancestry, audience: audience, promotions: active)
        else { continue }
        let match = AffinityMatch(products[index], ancestry: ancestry, audience.segment.affinity)
        let breakdown = Scoring.breakdown(
            products[index], match: match, audience: audience, priced: priced, popularity: popularity)
        if pinnedIDs.contains(products[index].id) { pinnedCandidates[products[index].id] = candidates.count }
        candidates.append(Candidate(product: index, priced: priced, match: match, breakdown: breakdown))
    }

    var placed: [RankedProduct] = []
    var isPlaced = [Bool](repeating: false, count: candidates.count)
    var categoryCounts: [String: Int] = [:]
    var brandCounts: [String: Int] = [:]
    func diversity(_ candidate: Int) -> Double {
        let product = products[candidates[candidate].product]
        return Scoring.diversity(
            sameCategory: categoryCounts[product.category] ?? 0, sameBrand: brandCounts[product.brand] ?? 0)
    }
    func place(_ candidate: Int, pinned: Bool) {
        let product = products[candidates[candidate].product]
        var breakdown = candidates[candidate].breakdown
        if !pinned { breakdown.diversity = diversity(candidate) }
        let reasons = reasons(
            pinned: pinned, match: candidates[candidate].match, product: product, audience: audience,
            priced: candidates[candidate].priced, popularity: popularity)
        placed.append(
            RankedProduct(
                product: product, score: breakdown.total, rank: placed.count + 1, pinned: pinned,
                price: candidates[candidate].priced, reasons: reasons, breakdown: breakdown))
        isPlaced[candidate] = true
        categoryCounts[product.category, default: 0] += 1
        brandCounts[product.brand, default: 0] += 1
    }

    for reference in audience.segment.pinned where placed.count < limit {
        guard let candidate = pinnedCandidates[reference.id], !isPlaced[candidate] else { continue }
        place(candidate, pinned: true)
    }

    // Sorted by base score, so the scan for the best penalized score can stop early: a penalty never raises a score.
    func id(_ candidate: Int) -> String { products[candidates[candidate].product].id }
    var remaining = candidates.indices.filter { !isPlaced[$0] }.sorted { a, b in
        let baseA = candidates[a].breakdown.base
        let baseB = candidates[b].breakdown.base
        return baseA != baseB ? baseA > baseB : id(a) < id(b)
    }
    while placed.count < limit, !remaining.isEmpty {
        var bestPosition = 0
        var bestScore = -Double.infinity
        for (position, candidate) in remaining.enumerated() {
            let base = candidates[candidate].breakdown.base
            if base < bestScore { break }
            let score = base * diversity(candidate)
            if score > bestScore || (score == bestScore && id(candidate) < id(remaining[bestPosition])) {
                bestPosition = position
                bestScore = score
            }
        }
        place(remaining.remove(at: bestPosition), pinned: false)
    }
    return placed
}

/// A product that may be recommended, with what ranking needs to place and explain it.
private struct Candidate {
    /// Its index in the catalog.
    var product: Int
    var priced: PricedProduct
    var match: AffinityMatch
    var breakdown: ScoreBreakdown
}
