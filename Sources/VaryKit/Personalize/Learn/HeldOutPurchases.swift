import Foundation

/// What each customer of each (region, segment) bought in a time window: the truth a list is scored against.
///
/// An order without a customer id stands for a customer of its own. Customers and their products are kept sorted,
/// so every score made from them is the same on every run.
struct HeldOutPurchases: Sendable {
    /// Per list, each customer's distinct product ids, sorted.
    let customers: [AudienceKey: [[String]]]

    /// The purchases of orders with a segment dated after `start` and at or before `end`.
    init(orders: [Order], after start: Date, through end: Date) {
        var histories: [AudienceKey: [String: Set<String>]] = [:]
        for order in orders where order.date > start && order.date <= end && order.quantity > 0 {
            guard let segment = order.segmentID else { continue }
            let key = AudienceKey(region: order.regionID, segment: segment)
            histories[key, default: [:]][order.customer ?? "\u{0}" + order.id, default: []].insert(order.productID)
        }
        customers = histories.mapValues { byCustomer in
            byCustomer.sorted { $0.key < $1.key }.map { $0.value.sorted() }
        }
    }

    var isEmpty: Bool { customers.isEmpty }
}

/// How well a list predicted what customers bought: sums over customers, so that lists add up.
public struct ListScore: Sendable, Hashable {
    /// Customers scored.
    public var customers = 0
    /// Customers with at least one purchase in the list.
    public var hits = 0.0
    /// Σ purchases in the list / k.
    public var precision = 0.0
    /// Σ NDCG@k with binary relevance.
    public var ndcg = 0.0

    public init() {}

    /// The score of the first `k` products of `list` against each customer's purchases.
    init(list: [String], customers: [[String]], k: Int) {
        let top = Array(list.prefix(k))
        var places: [String: Int] = [:]
        for (place, id) in top.enumerated() where places[id] == nil { places[id] = place }
        for bought in customers {
            self.customers += 1
            let ranksHit = bought.compactMap { places[$0] }.sorted()
            if !ranksHit.isEmpty { hits += 1 }
            precision += Double(ranksHit.count) / Double(k)
            let dcg = ranksHit.reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
            let ideal = (0..<min(bought.count, k)).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
            ndcg += ideal > 0 ? dcg / ideal : 0
        }
    }

    /// Two scores' sums together.
    static func + (a: ListScore, b: ListScore) -> ListScore {
        var sum = a
        sum.customers += b.customers
        sum.hits += b.hits
        sum.precision += b.precision
        sum.ndcg += b.ndcg
        return sum
    }

    /// Means per customer (0 with no customers).
    public var hitRate: Double { customers > 0 ? hits / Double(customers) : 0 }
    public var meanPrecision: Double { customers > 0 ? precision / Double(customers) : 0 }
    public var meanNDCG: Double { customers > 0 ? ndcg / Double(customers) : 0 }
}
