/// For each product, the other products bought in the same orders: most shared orders first, then by id.
///
/// Lines are grouped by `order_id`; a product listed twice in one order counts once, and each order counts once
/// per pair whatever the quantities. Products never bought with another are absent from the result.
public func boughtTogether(_ orders: [Order]) -> [String: [String]] {
    sharedBaskets(orders).mapValues { $0.map(\.product) }
}

/// `boughtTogether(_:)` with the number of orders each pair shares.
public func sharedBaskets(_ orders: [Order]) -> [String: [(product: String, baskets: Int)]] {
    var basketProducts: [String: Set<String>] = [:]
    for order in orders { basketProducts[order.id, default: []].insert(order.productID) }

    var counts: [String: [String: Int]] = [:]
    for products in basketProducts.values where products.count > 1 {
        for product in products {
            for other in products where other != product {
                counts[product, default: [:]][other, default: 0] += 1
            }
        }
    }
    return counts.mapValues { others in
        others.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
