/// Item-item similarity from co-purchase: for each product, the products the same customers bought, most similar first.
///
/// A customer's history is the set of products they bought (an order without a customer id is its own customer, so
/// baskets count as well). Two products are similar by Jaccard (customers who bought both over customers who bought
/// either) or by lift (customers who bought both over what independent purchases would give, scaled so that each
/// product's most similar neighbour scores 1). A pair counts only when at least `minimumCustomers` distinct customers
/// bought both, so no similarity rests on one shopper's basket.
struct CoPurchase: Sendable {
    /// Catalog index → (neighbour, similarity in 0…1), similarity descending then index.
    let neighbours: [[(index: Int, similarity: Double)]]

    /// At most this many neighbours are kept per product, and this many distinct products per customer history.
    static let neighbourLimit = 50
    static let historyLimit = 60

    /// Similarities from histories given as (customer, catalog index) pairs, in any order, duplicates allowed.
    init(purchases: [(customer: Int, product: Int)], productCount: Int, minimumCustomers: Int, similarity: RecommendationSettings.Similarity) {
        self.init(
            purchases: purchases.map { UInt64($0.customer) << 32 | UInt64($0.product) }, productCount: productCount,
            minimumCustomers: minimumCustomers, similarity: similarity)
    }

    /// Similarities from histories given as keys `customer << 32 | catalog index`.
    init(purchases keys: [UInt64], productCount: Int, minimumCustomers: Int, similarity: RecommendationSettings.Similarity) {
        var keys = keys
        keys.sort()
        var buyers = [Int](repeating: 0, count: productCount)
        var pairs: [UInt64] = []
        var customers = 0
        var start = 0
        while start < keys.count {
            var end = start
            var history: [Int] = []
            while end < keys.count && keys[end] >> 32 == keys[start] >> 32 {
                let product = Int(keys[end] & 0xFFFF_FFFF)
                if history.last != product && history.count < Self.historyLimit { history.append(product) }
                end += 1
            }
            customers += 1
            for product in history { buyers[product] += 1 }
            for a in history.indices {
                for b in history.indices where b > a { pairs.append(UInt64(history[a]) << 32 | UInt64(history[b])) }
            }
            start = end
        }
        pairs.sort()
        var lists = [[(index: Int, similarity: Double)]](repeating: [], count: productCount)
        func before(_ a: (index: Int, similarity: Double), _ b: (index: Int, similarity: Double)) -> Bool {
            a.similarity != b.similarity ? a.similarity > b.similarity : a.index < b.index
        }
        // Only each product's best neighbours are kept, so memory is bounded by the catalog, not by the pairs: a
        // neighbour outside the best of some of the pairs is outside the best of all of them.
        func add(_ neighbour: (index: Int, similarity: Double), to product: Int) {
            lists[product].append(neighbour)
            if lists[product].count >= 2 * Self.neighbourLimit {
                lists[product].sort(by: before)
                lists[product].removeLast(lists[product].count - Self.neighbourLimit)
            }
        }
        start = 0
        while start < pairs.count {
            var end = start
            while end < pairs.count && pairs[end] == pairs[start] { end += 1 }
            let both = end - start
            if both >= minimumCustomers {
                let a = Int(pairs[start] >> 32), b = Int(pairs[start] & 0xFFFF_FFFF)
                let value: Double
                switch similarity {
                case .jaccard: value = Double(both) / Double(buyers[a] + buyers[b] - both)
                case .lift: value = Double(both) * Double(customers) / (Double(buyers[a]) * Double(buyers[b]))
                }
                add((b, value), to: a)
                add((a, value), to: b)
            }
            start = end
        }
        neighbours = lists.map { list in
            let sorted = list.sorted(by: before)
            let kept = Array(sorted.prefix(Self.neighbourLimit))
            guard similarity == .lift, let top = kept.first?.similarity, top > 0 else { return kept }
            return kept.map { ($0.index, $0.similarity / top) }
        }
    }
}
