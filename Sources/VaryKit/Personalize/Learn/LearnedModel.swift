import Foundation

/// What every segment buys in every region, learned from `orders.csv` at build time, with the blend weights chosen
/// on held-out recent orders.
///
/// Per (region, segment): the time-decayed popularity of the segment's own orders (each order holding a product
/// counts `0.5^(age / halfLife)`), and co-purchase (`Σ_i popularity(i) · similarity(i, p)` over the products i the
/// segment buys, the SAR score of the segment as one user), each scaled so its highest is 1. A product's learned
/// popularity counts only when at least `minimumCustomers` distinct customers of the segment bought it; a similarity
/// only when that many bought both. The learned score `L = α·popularity + (1−α)·coPurchase` replaces the merchant's
/// score in proportion `λ = n / (n + k)`, n the segment's distinct customers there: a segment without orders ranks
/// as before.
public struct LearnedModel: Sendable {
    /// The blend weights: α and the shrinkage constant k.
    public struct Weights: Sendable, Hashable {
        public var popularityShare: Double
        public var shrinkage: Double

        /// λ for a segment with `customers` distinct customers.
        func learnedShare(customers: Int) -> Double {
            customers == 0 ? 0 : Double(customers) / (Double(customers) + shrinkage)
        }

        /// Used when there is nothing recent to choose by.
        public static let standard = Weights(popularityShare: 0.5, shrinkage: 100)
        /// The choices tried on the held-out orders, in order of preference on ties.
        static let grid: [Weights] = [0.5, 0.75, 0.25, 1, 0].flatMap { share in
            [100.0, 25, 400, 5, 1600].map { Weights(popularityShare: share, shrinkage: $0) }
        }
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

    /// The evidence of every (region, segment) from the orders placed at or before `now`; the weights are left standard.
    static func evidence(orders: [Order], products: [Product], now: Date, settings: RecommendationSettings)
        -> [AudienceKey: SegmentEvidence]
    {
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(products.count)
        for (index, product) in products.enumerated() { indexByID[product.id] = index }
        var customerNumbers: [String: Int] = [:]
        var orderNumbers: [String: Int] = [:]
        var listNumbers: [AudienceKey: Int] = [:]
        var lines: [(list: Int, product: Int, customer: Int, order: Int, weight: Double)] = []
        var purchases: [(customer: Int, product: Int)] = []
        purchases.reserveCapacity(orders.count)
        func number<K: Hashable>(_ key: K, in table: inout [K: Int]) -> Int {
            if let known = table[key] { return known }
            table[key] = table.count
            return table.count - 1
        }
        for order in orders where order.date <= now && order.quantity > 0 {
            guard let product = indexByID[order.product.id] else { continue }
            let orderNumber = number(order.id, in: &orderNumbers)
            // An order without a customer id is a customer of its own: its basket still says what goes together.
            let customer = order.customer.map { number($0, in: &customerNumbers) } ?? -1 - orderNumber
            purchases.append((customer, product))
            guard let segment = order.segment else { continue }
            let list = number(AudienceKey(region: order.region.id, segment: segment.id), in: &listNumbers)
            let weight = exp2(-now.timeIntervalSince(order.date) / settings.halfLife)
            lines.append((list, product, customer, orderNumber, weight))
        }
        guard !lines.isEmpty else { return [:] }
        // Customers without ids get numbers after those with ids, so that every customer is a non-negative number.
        let offset = customerNumbers.count
        func customerNumber(_ raw: Int) -> Int { raw >= 0 ? raw : offset + (-1 - raw) }
        let similarity = CoPurchase(
            purchases: purchases.map { (customerNumber($0.customer), $0.product) }, productCount: products.count,
            minimumCustomers: settings.minimumCustomers, similarity: settings.similarity)
        lines.sort { a, b in
            if a.list != b.list { return a.list < b.list }
            if a.product != b.product { return a.product < b.product }
            let ca = customerNumber(a.customer), cb = customerNumber(b.customer)
            return ca != cb ? ca < cb : a.order < b.order
        }
        var result: [AudienceKey: SegmentEvidence] = [:]
        for (key, list) in listNumbers {
            let range = lines.equalRange(list: list)
            result[key] = segmentEvidence(
                Array(lines[range]), similarity: similarity, minimumCustomers: settings.minimumCustomers,
                customerNumber: customerNumber)
        }
        return result
    }

    /// One list's evidence from its lines, sorted by product, customer and order.
    private static func segmentEvidence(
        _ lines: [(list: Int, product: Int, customer: Int, order: Int, weight: Double)], similarity: CoPurchase,
        minimumCustomers: Int, customerNumber: (Int) -> Int
    ) -> SegmentEvidence {
        var entries: [SegmentEvidence.Entry] = []
        var start = 0
        while start < lines.count {
            let product = lines[start].product
            var end = start
            var weight = 0.0, orders = 0, customers = 0
            while end < lines.count && lines[end].product == product {
                let line = lines[end]
                if end == start || line.order != lines[end - 1].order {
                    weight += line.weight
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
        var allOrders = Set<Int>(), allCustomers = Set<Int>()
        for line in lines {
            allOrders.insert(line.order)
            allCustomers.insert(customerNumber(line.customer))
        }
        return SegmentEvidence(
            orders: allOrders.count, customers: allCustomers.count, entries: byIndex.values.sorted { $0.index < $1.index })
    }
}

extension Array where Element == (list: Int, product: Int, customer: Int, order: Int, weight: Double) {
    /// The range of lines of one list in lines sorted by list.
    fileprivate func equalRange(list: Int) -> Range<Int> {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].list < list { low = middle + 1 } else { high = middle }
        }
        var end = low
        high = count
        while end < high {
            let middle = (end + high) / 2
            if self[middle].list <= list { end = middle + 1 } else { high = middle }
        }
        return low..<end
    }
}
