import Foundation

extension LearnedModel {
    /// The model a build at `now` uses: evidence from every order up to `now`, with the blend weights that best
    /// predicted the held-out most recent days (`holdoutDays` before `now`) when trained on the orders before them.
    ///
    /// Each weight choice is scored by ranking every held-out (region, segment) list exactly as the build ranks it
    /// and counting the held-out customers with a purchase in it (hit-rate at the page's length). The weights are
    /// searched one at a time over their values, twice round, from the standard ones; a change must score strictly
    /// better, so the choice is the same on every run. Nothing after `now` is read.
    public static func train(_ content: StoreContent, now: Date) -> LearnedModel {
        let settings = content.site.learning
        let table = OrderLines(orders: content.orders, products: content.products, now: now)
        guard !table.lines.isEmpty else { return .none }
        let split = now.addingTimeInterval(-settings.holdoutDays * 86_400)
        // The two trainings share one count of co-purchases, then are independent: one core each.
        let similarities = table.similarities(splitAt: split, settings: settings)
        let both = parallelMap([(now, similarities.all), (split, similarities.early)]) {
            Self.evidence(table, asOf: $0.0, similarity: $0.1, settings: settings)
        }
        let (evidence, trainingEvidence) = (both[0], both[1])
        let heldOut = HeldOutPurchases(orders: content.orders, after: split, through: now)
        guard settings.holdoutDays > 0, !heldOut.isEmpty, !trainingEvidence.isEmpty else {
            return LearnedModel(evidence: evidence, weights: .standard, tuned: false)
        }
        let popularity = RegionalPopularity(orders: content.orders, now: split, halfLife: settings.halfLife)
        let keys = Set(heldOut.customers.keys)
        let merchantTables = RankingTables(content: content, popularity: popularity)
        @Sendable func score(_ weights: Weights) -> Double {
            let tables = merchantTables.learning(LearnedModel(evidence: trainingEvidence, weights: weights, tuned: false))
            let lists = landingLists(content, tables: tables, popularity: popularity, now: split, only: keys)
            var total = ListScore()
            for key in keys.sorted() {
                total = total + ListScore(list: lists[key] ?? [], customers: heldOut.customers[key]!, k: content.site.recommendations)
            }
            return total.hitRate
        }
        let axes: [(values: [Double], path: WritableKeyPath<Weights, Double>)] = [
            (Weights.popularityShares, \.popularityShare), (Weights.shrinkages, \.shrinkage),
            (Weights.regionalShares, \.regionalShare),
        ]
        var best = (weights: Weights.standard, score: score(.standard))
        for _ in 0..<2 {
            for axis in axes {
                // The choices along one axis are scored in parallel, then compared in order, so the result is the
                // same however the work was scheduled.
                let choices = axis.values.filter { $0 != best.weights[keyPath: axis.path] }.map { value in
                    var weights = best.weights
                    weights[keyPath: axis.path] = value
                    return weights
                }
                for (weights, candidate) in zip(choices, parallelMap(choices, score)) where candidate > best.score {
                    best = (weights, candidate)
                }
            }
        }
        return LearnedModel(evidence: evidence, weights: best.weights, tuned: true)
    }
}

/// The product ids of the landing page of every (region, segment) in `keys`, as the build at `now` ranks them (in
/// the region's first locale, whose promotions apply).
func landingLists(
    _ content: StoreContent, tables: RankingTables, popularity: RegionalPopularity, now: Date, only keys: Set<AudienceKey>
) -> [AudienceKey: [String]] {
    let running = content.promotions.filter { $0.isActive(at: now) }
    var lists: [AudienceKey: [String]] = [:]
    for region in content.regions {
        guard let locale = region.locales.first else { continue }
        for segment in content.segments where keys.contains(AudienceKey(region: region.id, segment: segment.id)) {
            let audience = PageAudience(region: region, localeTag: locale, segment: segment)
            let ranked = rank(
                using: tables, audience: audience, promotions: activePromotions(running, for: audience, at: now),
                popularity: popularity, limit: content.site.recommendations)
            lists[AudienceKey(region: region.id, segment: segment.id)] = ranked.map(\.product.id)
        }
    }
    return lists
}
