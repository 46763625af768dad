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
        learned: learned, diversity: content.site.learning.diversity, promotions: active)
    return rank(using: tables, audience: audience, promotions: active, popularity: popularity, limit: limit)
}

/// `rank(_:audience:promotions:popularity:limit:)` over tables built once per build, as every page of a build shares them.
///
/// A page does not look at every candidate of its region: the eligible candidates of a (region, segment, price
/// ceiling, promotion list) in base-score order, or the best few of them (`RankingOrder`), are worked out once and
/// shared by every page with that audience (the region's locales, when their promotions agree). The greedy
/// placement then needs only the head of that order: it picks, at each place, the best penalized score of all
/// unplaced candidates, which a scan in base order finds without looking past a base below the best score found
/// (a penalty never raises a score). Should a scan run past the head without stopping, the audience's order is
/// made four times longer, for this page and the next ones, and the page is ranked again.
func rank(
    using tables: RankingTables, audience: PageAudience, promotions active: [Promotion],
    popularity: RegionalPopularity, limit: Int
) -> [RankedProduct] {
    guard limit > 0, let region = tables.regions[audience.region.id], let segment = tables.segments[audience.segment.id]
    else { return [] }
    let key = RankingOrderCache.RankingKey(order: tables.orderKey(audience, promotions: active), limit: limit)
    if let known = tables.orders.ranking(audience.region.id, key) { return known }
    let prices = tables.prices(region, audience: audience, promotions: active)
    var length = RankingOrder.length(limit: limit)
    while true {
        let order = tables.order(
            region, segment: segment, audience: audience, promotions: active, prices: prices, atLeast: length)
        var ranking = PageRanking(tables: tables, region: region, segment: segment, audience: audience, prices: prices, order: order)
        ranking.placePinned(limit: limit, popularity: popularity)
        if ranking.placeInOrder(limit: limit, popularity: popularity, isComplete: order.isComplete) {
            tables.orders.store(audience.region.id, key, ranking.placed)
            return ranking.placed
        }
        length = order.best.count * 4
    }
}

/// `rank(using:…)` over every eligible candidate of the page, without a shared order: the reference the ordered
/// ranking is tested against.
func rankExhaustively(
    using tables: RankingTables, audience: PageAudience, promotions active: [Promotion],
    popularity: RegionalPopularity, limit: Int
) -> [RankedProduct] {
    guard limit > 0, let region = tables.regions[audience.region.id], let segment = tables.segments[audience.segment.id]
    else { return [] }
    let prices = tables.prices(region, audience: audience, promotions: active)
    var ranking = PageRanking(tables: tables, region: region, segment: segment, audience: audience, prices: prices)
    ranking.placePinned(limit: limit, popularity: popularity)
    ranking.placeByScore(limit: limit, popularity: popularity)
    return ranking.placed
}

/// A candidate of a page: its position in the region's candidates, its base score and what diversity counts.
struct RankingCandidate: Sendable {
    /// Position in the region's candidates.
    var position: Int
    var base: Double
    var idOrder: Int
    var category: Int
    var brand: Int

    /// Whether this comes before `other` by base score, then id.
    func precedes(_ other: RankingCandidate) -> Bool {
        base != other.base ? base > other.base : idOrder < other.idOrder
    }
}

/// The eligible candidates of one (region, segment, price ceiling, promotion list), best first by base score
/// then id: all of them, or the first `length(limit:)`.
struct RankingOrder: Sendable {
    let best: [RankingCandidate]
    /// Whether `best` holds every eligible candidate.
    let isComplete: Bool

    /// How many candidates an order first keeps for pages of `limit` products: enough that most scans stop in them.
    static func length(limit: Int) -> Int { limit * 4 + 64 }

    /// The order of the candidates `eligible` yields, keeping the best `length`.
    init(length: Int, eligible: (_ visit: (RankingCandidate) -> Void) -> Void) {
        var best: [RankingCandidate] = []
        best.reserveCapacity(length + 1)
        var count = 0
        eligible { candidate in
            count += 1
            if best.count == length {
                guard candidate.precedes(best[length - 1]) else { return }
                best.removeLast()
            }
            // Binary search for the first kept candidate that this one precedes.
            var low = 0, high = best.count
            while low < high {
                let middle = (low + high) / 2
                if candidate.precedes(best[middle]) { high = middle } else { low = middle + 1 }
            }
            best.insert(candidate, at: low)
        }
        self.best = best
        isComplete = count == best.count
    }
}

/// One page's ranking in progress: its eligible candidates with their base scores and what is placed so far.
private struct PageRanking {
    typealias Candidate = RankingCandidate

    let tables: RankingTables
    let region: RegionRanking
    let segment: SegmentRanking
    let learned: LearnedList?
    let audience: PageAudience
    let prices: [PricedProduct]
    var candidates: [Candidate] = []
    /// How many of `candidates` come from a `RankingOrder`, in its order (the pinned ones it lacks follow them).
    var ordered = 0
    /// Catalog index → index in `candidates` for the segment's pinned products that are eligible on this page.
    var eligible: [Int: Int] = [:]
    var placedFlags: [Bool] = []
    var placed: [RankedProduct] = []
    var categoryCounts: [Int]
    var brandCounts: [Int]
    /// `Scoring.diversity` by the two counts, filled as needed: the scan asks for it for hundreds of candidates.
    var diversities: [[Double?]] = []

    /// A ranking with no candidates yet.
    init(bare tables: RankingTables, region: RegionRanking, segment: SegmentRanking, audience: PageAudience, prices: [PricedProduct]) {
        self.tables = tables
        self.region = region
        self.segment = segment
        self.audience = audience
        self.prices = prices
        learned = tables.learned[AudienceKey(region: audience.region.id, segment: audience.segment.id)]
        categoryCounts = [Int](repeating: 0, count: tables.categoryCount)
        brandCounts = [Int](repeating: 0, count: tables.brandCount)
    }

    /// Every eligible candidate, in the region's order.
    init(tables: RankingTables, region: RegionRanking, segment: SegmentRanking, audience: PageAudience, prices: [PricedProduct]) {
        self.init(bare: tables, region: region, segment: segment, audience: audience, prices: prices)
        let pinned = Set(audience.segment.pinned.compactMap { tables.indexByID[$0.id] })
        var candidates: [Candidate] = []
        var eligible: [Int: Int] = [:]
        candidates.reserveCapacity(region.candidates.count)
        forEachEligible { candidate in
            if pinned.contains(region.candidates[candidate.position]) { eligible[region.candidates[candidate.position]] = candidates.count }
            candidates.append(candidate)
        }
        self.candidates = candidates
        self.eligible = eligible
        placedFlags = [Bool](repeating: false, count: candidates.count)
    }

    /// The head of `order`, then the segment's pinned products that are eligible but not in it.
    init(
        tables: RankingTables, region: RegionRanking, segment: SegmentRanking, audience: PageAudience, prices: [PricedProduct],
        order: RankingOrder
    ) {
        self.init(bare: tables, region: region, segment: segment, audience: audience, prices: prices)
        candidates = order.best
        ordered = candidates.count
        for reference in audience.segment.pinned {
            guard let index = tables.indexByID[reference.id], eligible[index] == nil else { continue }
            let position = region.position[index]
            guard position >= 0 else { continue }
            if let known = candidates[..<ordered].firstIndex(where: { $0.position == position }) {
                eligible[index] = known
            } else if let candidate = eligibleCandidate(at: position) {
                eligible[index] = candidates.count
                candidates.append(candidate)
            }
        }
        placedFlags = [Bool](repeating: false, count: candidates.count)
    }

    /// The candidate at `position` of the region's candidates, unless the segment excludes it or it costs more
    /// than the segment's ceiling after promotions.
    func eligibleCandidate(at position: Int) -> Candidate? { eligibleCandidate(at: position, priced: prices[position]) }

    /// `eligibleCandidate(at:)` with the candidate's price after promotions given, not looked up in `prices`.
    func eligibleCandidate(at position: Int, priced: PricedProduct) -> Candidate? {
        let index = region.candidates[position]
        guard !segment.excluded[index] else { return nil }
        if let ceiling = audience.segment.priceCeiling[audience.region.currency.code], priced.final.minorUnits > ceiling.minorUnits {
            return nil
        }
        return Candidate(
            position: position, base: breakdown(position, discounted: priced.isDiscounted).base, idOrder: tables.idOrder[index],
            category: tables.categoryNumber[index], brand: tables.brandNumber[index])
    }

    /// Visits every eligible candidate, in the region's order.
    func forEachEligible(_ visit: (Candidate) -> Void) {
        let ceiling = audience.segment.priceCeiling[audience.region.currency.code]
        for (position, index) in region.candidates.enumerated() where !segment.excluded[index] {
            if let ceiling, prices[position].final.minorUnits > ceiling.minorUnits { continue }
            visit(Candidate(
                position: position, base: breakdown(position).base, idOrder: tables.idOrder[index],
                category: tables.categoryNumber[index], brand: tables.brandNumber[index]))
        }
    }

    /// Places the segment's pinned products that are eligible, in the segment's order, up to `limit`.
    mutating func placePinned(limit: Int, popularity: RegionalPopularity) {
        for reference in audience.segment.pinned where placed.count < limit {
            guard let index = tables.indexByID[reference.id], let candidate = eligible[index], !isPlaced(candidate) else { continue }
            place(candidate, pinned: true, popularity: popularity)
        }
    }

    /// `placeByScore` over the ordered candidates: false, having placed some, when a scan runs past them without
    /// stopping and they are not every eligible candidate (the page must then be ranked over all of them).
    mutating func placeInOrder(limit: Int, popularity: RegionalPopularity, isComplete: Bool) -> Bool {
        var remaining = (0..<ordered).filter { !placedFlags[$0] }
        while placed.count < limit {
            let (bestPosition, stopped) = bestByScore(in: remaining)
            if !stopped && !isComplete { return false }
            guard let bestPosition else { return true }
            place(remaining.remove(at: bestPosition), pinned: false, popularity: popularity)
        }
        return true
    }

    /// The position in `remaining` (candidates by base score, then id) of the best penalized score, ties to the
    /// smaller id, and whether the scan stopped early at a base below it (a penalty never raises a score).
    mutating func bestByScore(in remaining: [Int]) -> (position: Int?, stopped: Bool) {
        var bestPosition: Int?
        var bestScore = -Double.infinity
        for (position, candidate) in remaining.enumerated() {
            let base = candidates[candidate].base
            if base < bestScore { return (bestPosition, true) }
            let score = base * diversity(candidate)
            if score > bestScore
                || (score == bestScore && candidates[candidate].idOrder < candidates[remaining[bestPosition ?? position]].idOrder)
            {
                bestPosition = position
                bestScore = score
            }
        }
        return (bestPosition, false)
    }

    func isPlaced(_ candidate: Int) -> Bool { placedFlags[candidate] }

    func breakdown(_ position: Int) -> ScoreBreakdown { breakdown(position, discounted: prices[position].isDiscounted) }

    func breakdown(_ position: Int, discounted: Bool) -> ScoreBreakdown {
        Scoring.breakdown(
            popularity: region.popularity[position], trending: region.trending[position],
            affinity: segment.affinity.isEmpty ? nil : segment.affinity[region.candidates[position]],
            inSeason: region.inSeason[position], discounted: discounted, learned: learned?.score(at: position))
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
    func before(_ a: Int, _ b: Int) -> Bool { candidates[a].precedes(candidates[b]) }

    /// The greedy placement by penalized score. It scans the unplaced candidates by base score and stops at the
    /// first whose base is below the best penalized score so far (a penalty never raises a score), so only the
    /// best few need to be in order: the rest are sorted only if a scan runs past them.
    mutating func placeByScore(limit: Int, popularity: RegionalPopularity) {
        var window = limit * 2 + 16
        var remaining = best(window)
        var isComplete = remaining.count == candidates.count - placed.count
        while placed.count < limit, !remaining.isEmpty {
            let (found, stopped) = bestByScore(in: remaining)
            if !stopped && !isComplete {
                window *= 4
                remaining = best(window)
                isComplete = remaining.count == candidates.count - placed.count
                continue
            }
            place(remaining.remove(at: found ?? 0), pinned: false, popularity: popularity)
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

extension RankingTables {
    /// The base score (`ScoreBreakdown.base`) of the product `id` on pages of `audience` under `promotions`, or nil
    /// when it is no candidate there: not offered in the region, excluded by the segment or dearer than its ceiling.
    func base(of id: String, audience: PageAudience, promotions: [Promotion]) -> Double? {
        guard let index = indexByID[id], let region = regions[audience.region.id], let segment = segments[audience.segment.id],
              region.position[index] >= 0,
              // The one price, not the region's (`prices`): a page asks for the few products that changed.
              let priced = price(products[index], ancestry: ancestry[index], audience: audience, promotions: promotions)
        else { return nil }
        let ranking = PageRanking(bare: self, region: region, segment: segment, audience: audience, prices: [])
        return ranking.eligibleCandidate(at: region.position[index], priced: priced)?.base
    }

    /// What an audience's ranking order depends on besides its region: the segment, its price ceiling there, the
    /// promotions.
    func orderKey(_ audience: PageAudience, promotions: [Promotion]) -> RankingOrderCache.Key {
        RankingOrderCache.Key(
            segment: audience.segment.id, ceiling: audience.segment.priceCeiling[audience.region.currency.code]?.minorUnits,
            promotions: promotions.map(\.id))
    }

    /// The ranking order of an audience under a promotion list (`prices` are the region's under it), with at least
    /// `length` candidates unless it holds them all: made by the first page that needs it and shared by the others.
    func order(
        _ region: RegionRanking, segment: SegmentRanking, audience: PageAudience, promotions: [Promotion],
        prices: [PricedProduct], atLeast length: Int
    ) -> RankingOrder {
        let key = orderKey(audience, promotions: promotions)
        if let known = orders.lookup(audience.region.id, key), known.isComplete || known.best.count >= length { return known }
        let ranking = PageRanking(bare: self, region: region, segment: segment, audience: audience, prices: prices)
        let order = RankingOrder(length: length, eligible: ranking.forEachEligible)
        orders.store(audience.region.id, key, order)
        return order
    }
}
