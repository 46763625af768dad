import Foundation

/// The order lines up to `now` as small numbers, sorted for learning: each (customer, product) purchase for
/// co-purchase, and each line of an order with a segment, grouped by (region, segment) and by segment in every region
/// (`AudienceKey.everywhere`).
struct OrderLines {
    struct Line {
        var product: Int
        /// Customers with ids first, then orders without one, each its own customer.
        var customer: Int
        var order: Int
        /// `0.5^(age / halfLife)`.
        var weight: Double
    }

    /// (customer, catalog index) of every line, in input order.
    let purchases: [(customer: Int, product: Int)]
    /// Lines of orders with a segment, sorted by list, product, customer and order.
    let lines: [Line]
    /// Each (region, segment)'s range in `lines`.
    let lists: [AudienceKey: Range<Int>]

    init(orders: [Order], products: [Product], now: Date, halfLife: TimeInterval) {
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(products.count)
        for (index, product) in products.enumerated() { indexByID[product.id] = index }
        var customerNumbers: [String: Int] = [:]
        var orderNumbers: [String: Int] = [:]
        var listNumbers: [AudienceKey: Int] = [:]
        func number<K: Hashable>(_ key: K, in table: inout [K: Int]) -> Int {
            if let known = table[key] { return known }
            table[key] = table.count
            return table.count - 1
        }
        var raw: [(list: Int, line: Line)] = []
        var purchases: [(customer: Int, product: Int)] = []
        purchases.reserveCapacity(orders.count)
        for order in orders where order.date <= now && order.quantity > 0 {
            guard let product = indexByID[order.product.id] else { continue }
            let orderNumber = number(order.id, in: &orderNumbers)
            // An order without a customer id is a customer of its own: its basket still says what goes together.
            let customer = order.customer.map { number($0, in: &customerNumbers) } ?? -1 - orderNumber
            purchases.append((customer, product))
            guard let segment = order.segment else { continue }
            let line = Line(product: product, customer: customer, order: orderNumber,
                            weight: exp2(-now.timeIntervalSince(order.date) / halfLife))
            raw.append((number(AudienceKey(region: order.region.id, segment: segment.id), in: &listNumbers), line))
            raw.append((number(AudienceKey.everywhere(segment.id), in: &listNumbers), line))
        }
        let offset = customerNumbers.count
        func renumber(_ customer: Int) -> Int { customer >= 0 ? customer : offset + (-1 - customer) }
        self.purchases = purchases.map { (renumber($0.customer), $0.product) }
        for position in raw.indices { raw[position].line.customer = renumber(raw[position].line.customer) }
        raw.sort { a, b in
            if a.list != b.list { return a.list < b.list }
            if a.line.product != b.line.product { return a.line.product < b.line.product }
            return a.line.customer != b.line.customer ? a.line.customer < b.line.customer : a.line.order < b.line.order
        }
        lines = raw.map(\.line)
        var lists: [AudienceKey: Range<Int>] = [:]
        var start = 0
        let keys = listNumbers.sorted { $0.value < $1.value }.map(\.key)
        while start < raw.count {
            var end = start
            while end < raw.count && raw[end].list == raw[start].list { end += 1 }
            lists[keys[raw[start].list]] = start..<end
            start = end
        }
        self.lists = lists
    }
}
