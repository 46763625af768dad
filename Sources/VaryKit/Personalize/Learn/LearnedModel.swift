import Foundation

/// What every segment buys in every region, learned from `orders.csv` at build time, with the blend weights chosen
/// on held-out recent orders.
///
/// Per (region, segment): the time-decayed popularity of the segment's own orders (each order holding a product
/// counts `0.5^(age / halfLife)`), and co-purchase (`Σ_i popularity(i) · similarity(i, p)` over the products i the
/// segment buys, the SAR score of the segment as one user), each scaled so its highest is 1. A product's learned
/// popularity counts only when at least `minimumCustomers` distinct customers of the segment bought it; a similarity
/// only when that many bought both. The same is learned from the segment's orders in every region together, since
/// a segment's taste travels while one region's orders are few: each learned score is `β·region + (1−β)·everywhere`.
/// The learned score `L = α·popularity + (1−α)·coPurchase` replaces the merchant's score (and the diversity pass's
/// strength) in proportion `λ = n / (n + k)`, n the segment's distinct customers in the region: a segment without
/// orders there ranks as before.
public struct LearnedModel: Sendable {
    /// The blend weights: α, the shrinkage constant k and the region's share β.
    public struct Weights: Sendable, Hashable {
        public var popularityShare: Double
        public var shrinkage: Double
        public var regionalShare: Double

        /// λ for a segment with `customers` distinct customers.
        func learnedShare(customers: Int) -> Double {
            customers == 0 ? 0 : Double(customers) / (Double(customers) + shrinkage)
        }

        /// Used when there is nothing recent to choose by.
        public static let standard = Weights(popularityShare: 0.5, shrinkage: 100, regionalShare: 0.5)
        /// The values tried for each weight on the held-out orders, the standard one first (kept on ties).
        static let popularityShares = [0.5, 0.75, 0.25, 1, 0]
        static let shrinkages = [100.0, 25, 400, 5, 1600]
        static let regionalShares = [0.5, 0.25, 0.75, 1, 0]
    }

    public let evidence: [AudienceKey: SegmentEvidence]
    public var weights: Weights
    /// Whether the weights were chosen on held-out orders (false: the standard weights, for lack of them).
    public var tuned: Bool

    /// No orders with segments: every page ranks by the merchant's rules.
    public static let none = LearnedModel(evidence: [:], weights: .standard, tuned: false)

    init(evidence: [AudienceKey: SegmentEvidence], weights: Weights, tuned: Bool) {
        self.evidence = evidence
        self.weights = weights
        self.tuned = tuned
    }

    /// The evidence of every (region, segment) from the orders placed at or before `now`.
    static func evidence(orders: [Order], products: [Product], now: Date, settings: RecommendationSettings)
        -> [AudienceKey: SegmentEvidence]
    {
        let table = OrderLines(orders: orders, products: products, now: now)
        return evidence(table, asOf: now, similarity: table.similarities(splitAt: now, settings: settings).all, settings: settings)
    }

    /// The evidence of every (region, segment) from the lines placed at or before `date`, weighed as of `date`, with
    /// the co-purchase similarity of those lines.
    static func evidence(_ table: OrderLines, asOf date: Date, similarity: CoPurchase, settings: RecommendationSettings)
        -> [AudienceKey: SegmentEvidence]
    {
        let minimumAge = table.age(of: date)
        var result: [AudienceKey: SegmentEvidence] = [:]
        for (key, range) in table.lists {
            let lines = table.lines[range].filter { $0.age >= minimumAge }
            guard !lines.isEmpty else { continue }
            result[key] = segmentEvidence(
                lines, ageOffset: minimumAge, halfLife: settings.halfLife, similarity: similarity,
                minimumCustomers: settings.minimumCustomers)
        }
        return result
    }

    /// One list's evidence from its lines, sorted by product, customer and order.
    private static func segmentEvidence(
        _ lines: [OrderLines.Line], ageOffset: Double, halfLife: TimeInterval, similarity: CoPurchase, minimumCustomers: Int
    ) -> SegmentEvidence {
        var entries: [SegmentEvidence.Entry] = []
        var start = lines.startIndex
        while start < lines.endIndex {
            let product = lines[start].product
            var end = start
            var weight = 0.0, orders = 0, customers = 0
            while end < lines.endIndex && lines[end].product == product {
                let line = lines[end]
                if end == start || line.order != lines[end - 1].order || line.customer != lines[end - 1].customer {
                    weight += exp2(-(line.age - ageOffset) / halfLife)
                    orders += 1
                }
                if end == start || line.customer != lines[end - 1].customer { customers += 1 }
                end += 1
            }
            if customers >= minimumCustomers {
                entries.append(.init(index: product, popularity: weight, coPurchase: 0, anchor: -1, orders: orders, customers: customers))
            }
            start = end
        }
        let top = entries.map(\.popularity).max() ?? 0
        for position in entries.indices { entries[position].popularity /= top }

        // Co-purchase: what the segment buys, spread over what is bought with it.
        var scores: [Int: (score: Double, anchor: Int, contribution: Double)] = [:]
        for entry in entries {
            for neighbour in similarity.neighbours[entry.index] {
                let contribution = entry.popularity * neighbour.similarity
                var known = scores[neighbour.index] ?? (0, -1, 0)
                known.score += contribution
                if contribution > known.contribution { known.anchor = entry.index; known.contribution = contribution }
                scores[neighbour.index] = known
            }
        }
        let topScore = scores.values.map(\.score).max() ?? 0
        var byIndex = Dictionary(uniqueKeysWithValues: entries.map { ($0.index, $0) })
        for (index, score) in scores where topScore > 0 {
            byIndex[index, default: .init(index: index, popularity: 0, coPurchase: 0, anchor: -1, orders: 0, customers: 0)]
                .coPurchase = score.score / topScore
            byIndex[index]!.anchor = score.anchor
        }
        var allOrders = Set<Int32>(), allCustomers = Set<Int>()
        for line in lines {
            allOrders.insert(line.order)
            allCustomers.insert(line.customer)
        }
        return SegmentEvidence(
            orders: allOrders.count, customers: allCustomers.count, entries: byIndex.values.sorted { $0.index < $1.index })
    }
}

extension LearnedModel {
    /// One line on what a page learned: the segment's orders and customers in the region, λ and the weights.
    public func summary(for audience: PageAudience) -> String? {
        guard let regional = evidence[AudienceKey(region: audience.region.id, segment: audience.segment.id)] else { return nil }
        let everywhere = evidence[.everywhere(audience.segment.id)]
        return String(
            format: "learned from %d orders by %d customers of segment '%@' in region '%@' (%d customers in all regions): "
                + "orders weigh %.2f against the merchant's rules; α %.2f, k %.0f, β %.2f%@",
            regional.orders, regional.customers, audience.segment.id, audience.region.id, everywhere?.customers ?? 0,
            weights.learnedShare(customers: regional.customers), weights.popularityShare, weights.shrinkage,
            weights.regionalShare, tuned ? ", chosen on held-out recent orders" : "")
    }
}

