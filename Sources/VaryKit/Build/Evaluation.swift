import Foundation
import Intl

/// `vary evaluate`: whether the segment pages predict what each segment buys next, against simpler lists.
///
/// Everything is trained on the orders up to `cutoff` (the build's own holdout included) and scored against each
/// (region, segment)'s customers' purchases after it, up to `now`.
public struct Evaluation: Sendable {
    /// A way of choosing a list's products.
    public enum Method: String, Sendable, CaseIterable {
        /// The landing pages as `vary build` ranks them, learning included.
        case segmentPages = "segment pages"
        /// The same ranking without learning: the merchant's affinities, popularity and rules alone.
        case merchantRules = "merchant rules"
        /// The region's recent best sellers (time-decayed order counts), the same list for every segment.
        case bestSellers = "best sellers"
        /// A SAR-like reference: the segment's time-decayed purchases times Jaccard item similarity (diagonal 1),
        /// over the products the segment may be shown, without pins, diversity or thresholds.
        case sar = "SAR reference"
    }

    /// The figures of one method, over one list or all of them.
    public struct Figures: Sendable {
        public var score: ListScore
        /// Share of the products sold anywhere that appear in some list (over all lists only).
        public var coverage: Double
        /// Mean over lists of the share of a list's products in its largest top-level category.
        public var largestCategoryShare: Double
    }

    /// One (region, segment) list.
    public struct Row: Sendable {
        public var audience: AudienceKey
        public var figures: [Method: Figures]
    }

    public var cutoff: Date
    public var now: Date
    public var k: Int
    public var trainingOrders: Int
    public var testOrders: Int
    /// The blend weights the build chose at the cutoff.
    public var weights: LearnedModel.Weights
    public var tuned: Bool
    /// Lists with customers after the cutoff, by region then segment.
    public var rows: [Row]
    public var total: [Method: Figures]

    /// Hit-rate of the segment pages over another method's, over all lists.
    public func lift(over method: Method) -> Double {
        let base = total[method]?.score.hitRate ?? 0
        return base > 0 ? (total[.segmentPages]?.score.hitRate ?? 0) / base : 0
    }

    /// Trains on `content`'s orders up to `cutoff` and scores the top `k` of every list against the orders after it.
    public static func evaluate(_ content: StoreContent, cutoff: Date, now: Date, k: Int) -> Evaluation {
        var content = content
        content.site.recommendations = k
        let truth = HeldOutPurchases(orders: content.orders, after: cutoff, through: now)
        let learning = content.site.learning
        let popularity = RegionalPopularity(orders: content.orders, now: cutoff, halfLife: learning.halfLife)
        let model = LearnedModel.train(content, now: cutoff)
        let keys = Set(content.regions.flatMap { region in content.segments.map { AudienceKey(region: region.id, segment: $0.id) } })
        let merchantTables = RankingTables(content: content, popularity: popularity)
        let learnedTables = RankingTables(content: content, popularity: popularity, learned: model)
        let lists: [Method: [AudienceKey: [String]]] = [
            .segmentPages: landingLists(content, tables: learnedTables, popularity: popularity, now: cutoff, only: keys),
            .merchantRules: landingLists(content, tables: merchantTables, popularity: popularity, now: cutoff, only: keys),
            .bestSellers: bestSellers(content, tables: merchantTables, popularity: popularity, keys: keys, k: k),
            .sar: sarLists(content, tables: merchantTables, popularity: popularity, cutoff: cutoff, keys: keys, k: k),
        ]
        let category = Dictionary(uniqueKeysWithValues: content.products.map {
            ($0.id, String($0.category.split(separator: "/").first ?? ""))
        })
        func largestShare(_ list: [String]) -> Double {
            guard !list.isEmpty else { return 0 }
            var counts: [String: Int] = [:]
            for id in list { counts[category[id] ?? "", default: 0] += 1 }
            return Double(counts.values.max()!) / Double(list.count)
        }
        let sold = Set(merchantTables.regions.values.flatMap { $0.candidates.map { content.products[$0].id } })
        var rows: [Row] = []
        var total: [Method: Figures] = [:]
        for method in Method.allCases {
            let byAudience = lists[method]!
            var score = ListScore()
            for key in keys.sorted() {
                guard let customers = truth.customers[key] else { continue }
                score = score + ListScore(list: byAudience[key] ?? [], customers: customers, k: k)
            }
            let shown = Set(byAudience.values.flatMap { $0 })
            let shares = keys.sorted().map { largestShare(byAudience[$0] ?? []) }
            total[method] = Figures(
                score: score, coverage: sold.isEmpty ? 0 : Double(shown.intersection(sold).count) / Double(sold.count),
                largestCategoryShare: shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count))
        }
        for key in keys.sorted() {
            guard let customers = truth.customers[key] else { continue }
            var figures: [Method: Figures] = [:]
            for method in Method.allCases {
                let list = lists[method]![key] ?? []
                figures[method] = Figures(
                    score: ListScore(list: list, customers: customers, k: k), coverage: 0, largestCategoryShare: largestShare(list))
            }
            rows.append(Row(audience: key, figures: figures))
        }
        return Evaluation(
            cutoff: cutoff, now: now, k: k,
            trainingOrders: Set(content.orders.filter { $0.date <= cutoff }.map(\.id)).count,
            testOrders: Set(content.orders.filter { $0.date > cutoff && $0.date <= now }.map(\.id)).count,
            weights: model.weights, tuned: model.tuned, rows: rows, total: total)
    }

    /// The region's products by recent orders (then catalog popularity, then id), the same for every segment.
    private static func bestSellers(
        _ content: StoreContent, tables: RankingTables, popularity: RegionalPopularity, keys: Set<AudienceKey>, k: Int
    ) -> [AudienceKey: [String]] {
        var lists: [AudienceKey: [String]] = [:]
        for region in content.regions {
            guard let candidates = tables.regions[region.id]?.candidates else { continue }
            let ranked = candidates.map { content.products[$0] }.sorted { a, b in
                let sa = popularity.score(of: a.id, in: region.id), sb = popularity.score(of: b.id, in: region.id)
                if sa != sb { return sa > sb }
                return a.popularity != b.popularity ? a.popularity > b.popularity : a.id < b.id
            }.prefix(k).map(\.id)
            for segment in content.segments { lists[AudienceKey(region: region.id, segment: segment.id)] = Array(ranked) }
        }
        return lists.filter { keys.contains($0.key) }
    }

    /// The SAR-like reference lists: `Σ_i a(i)·sim(i, p)`, a the segment's decayed purchases in the region and sim
    /// Jaccard with `sim(p, p) = 1`, over the region's products the segment does not exclude; ties (all of a segment
    /// without orders there) by the region's best sellers, then id.
    private static func sarLists(
        _ content: StoreContent, tables: RankingTables, popularity: RegionalPopularity, cutoff: Date,
        keys: Set<AudienceKey>, k: Int
    ) -> [AudienceKey: [String]] {
        let table = OrderLines(orders: content.orders, products: content.products, now: cutoff)
        var settings = content.site.learning
        settings.minimumCustomers = 1
        settings.similarity = .jaccard
        let similarity = table.similarities(splitAt: cutoff, settings: settings).all
        let halfLife = content.site.learning.halfLife
        var lists: [AudienceKey: [String]] = [:]
        for key in keys.sorted() {
            guard let region = tables.regions[key.region], let segment = tables.segments[key.segment] else { continue }
            var affinity: [Int: Double] = [:]
            for line in table.lines[table.lists[key] ?? 0..<0] { affinity[line.product, default: 0] += exp2(-line.age / halfLife) }
            var scores = [Double](repeating: 0, count: content.products.count)
            for (product, weight) in affinity.sorted(by: { $0.key < $1.key }) {
                scores[product] += weight
                for neighbour in similarity.neighbours[product] { scores[neighbour.index] += weight * neighbour.similarity }
            }
            let eligible = region.candidates.filter { !segment.excluded[$0] }
            lists[key] = eligible.sorted { a, b in
                if scores[a] != scores[b] { return scores[a] > scores[b] }
                let ra = popularity.score(of: content.products[a].id, in: key.region)
                let rb = popularity.score(of: content.products[b].id, in: key.region)
                return ra != rb ? ra > rb : content.products[a].id < content.products[b].id
            }.prefix(k).map { content.products[$0].id }
        }
        return lists
    }
}
