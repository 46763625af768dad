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
        self = Self.pair(
            purchases.map { (UInt64($0.customer) << 32 | UInt64($0.product), false) }, productCount: productCount,
            minimumCustomers: minimumCustomers, similarity: similarity).all
    }

    private init(neighbours: [[(index: Int, similarity: Double)]]) { self.neighbours = neighbours }

    /// Similarities from every purchase (`customer << 32 | catalog index`) and from the early ones only, in one pass:
    /// the build's two trainings (up to `now`, and up to the holdout's start) count their pairs together.
    static func pair(
        _ purchases: [(key: UInt64, early: Bool)], productCount: Int, minimumCustomers: Int,
        similarity: RecommendationSettings.Similarity
    ) -> (all: CoPurchase, early: CoPurchase) {
        // customer (32 bits) · product (20) · early (1): sorted, a customer's products in order, early last.
        var keys = purchases.map { ($0.key >> 32) << 21 | ($0.key & 0xF_FFFF) << 1 | ($0.early ? 1 : 0) }
        keys.radixSort(bits: 53)
        var buyers = [[Int]](repeating: [Int](repeating: 0, count: productCount), count: 2)
        var customers = [0, 0]
        var pairs: [UInt64] = []
        var start = 0
        while start < keys.count {
            var end = start
            var history: [(product: Int, early: Bool)] = []
            while end < keys.count && keys[end] >> 21 == keys[start] >> 21 {
                let product = Int(keys[end] >> 1 & 0xF_FFFF), early = keys[end] & 1 == 1
                if history.last?.product == product {
                    history[history.count - 1].early = history[history.count - 1].early || early
                } else if history.count < historyLimit {
                    history.append((product, early))
                }
                end += 1
            }
            customers[0] += 1
            if history.contains(where: \.early) { customers[1] += 1 }
            for item in history {
                buyers[0][item.product] += 1
                if item.early { buyers[1][item.product] += 1 }
            }
            for a in history.indices {
                for b in history.indices where b > a {
                    let both: UInt64 = history[a].early && history[b].early ? 1 : 0
                    pairs.append(UInt64(history[a].product) << 21 | UInt64(history[b].product) << 1 | both)
                }
            }
            start = end
        }
        pairs.radixSort(bits: 41)
        func before(_ a: (index: Int, similarity: Double), _ b: (index: Int, similarity: Double)) -> Bool {
            a.similarity != b.similarity ? a.similarity > b.similarity : a.index < b.index
        }
        typealias Neighbours = [(index: Int, similarity: Double)]
        var lists = [[Neighbours]](repeating: [Neighbours](repeating: [], count: productCount), count: 2)
        // Only each product's best neighbours are kept, so memory is bounded by the catalog, not by the pairs: a
        // neighbour outside the best of some of the pairs is outside the best of all of them.
        func add(_ window: Int, _ neighbour: (index: Int, similarity: Double), to product: Int) {
            lists[window][product].append(neighbour)
            if lists[window][product].count >= 2 * neighbourLimit {
                lists[window][product].sort(by: before)
                lists[window][product].removeLast(lists[window][product].count - neighbourLimit)
            }
        }
        start = 0
        while start < pairs.count {
            var end = start
            var early = 0
            while end < pairs.count && pairs[end] >> 1 == pairs[start] >> 1 {
                early += Int(pairs[end] & 1)
                end += 1
            }
            let a = Int(pairs[start] >> 21), b = Int(pairs[start] >> 1 & 0xF_FFFF)
            for (window, both) in [(0, end - start), (1, early)] where both >= minimumCustomers {
                let value: Double
                switch similarity {
                case .jaccard: value = Double(both) / Double(buyers[window][a] + buyers[window][b] - both)
                case .lift:
                    value = Double(both) * Double(customers[window]) / (Double(buyers[window][a]) * Double(buyers[window][b]))
                }
                add(window, (b, value), to: a)
                add(window, (a, value), to: b)
            }
            start = end
        }
        let tables = lists.map { window in
            window.map { list -> [(index: Int, similarity: Double)] in
                let kept = Array(list.sorted(by: before).prefix(neighbourLimit))
                guard similarity == .lift, let top = kept.first?.similarity, top > 0 else { return kept }
                return kept.map { ($0.index, $0.similarity / top) }
            }
        }
        return (CoPurchase(neighbours: tables[0]), CoPurchase(neighbours: tables[1]))
    }
}
