import Foundation

/// The order lines up to `now` as small numbers, sorted for learning: each (customer, product) purchase for
/// co-purchase, and each line of an order with a segment, grouped by (region, segment) and by segment in every region
/// (`AudienceKey.everywhere`). Built once per build; the holdout's training set is the lines up to an earlier instant.
struct OrderLines {
    struct Line {
        /// Product, customer and order packed for sorting: list (12 bits), product (20), customer (32) in `key`.
        var key: UInt64
        var order: Int32
        /// Seconds before `now`.
        var age: Double

        var product: Int { Int(key >> 32 & 0xF_FFFF) }
        var customer: Int { Int(key & 0xFFFF_FFFF) }
        var list: Int { Int(key >> 52) }
    }

    struct Purchase {
        /// Customer (high 32 bits) and product (low 32 bits).
        var key: UInt64
        var age: Double
    }

    let now: Date
    let productCount: Int
    /// Every line of a known product, in input order.
    let purchases: [Purchase]
    /// Lines of orders with a segment, sorted by list, product, customer and order.
    let lines: [Line]
    /// Each (region, segment)'s range in `lines`.
    let lists: [AudienceKey: Range<Int>]

    /// Whether a store's orders fit the packed keys: ranking tables are small next to these limits.
    static func fits(products: Int, lists: Int, customers: Int) -> Bool {
        products < 1 << 20 && lists < 1 << 12 && customers < 1 << 32
    }

    init(orders: [Order], products: [Product], now: Date) {
        self.now = now
        productCount = products.count
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(products.count)
        for (index, product) in products.enumerated() { indexByID[product.id] = index }
        var customerNumbers: [String: Int] = [:]
        var orderNumbers: [String: Int] = [:]
        customerNumbers.reserveCapacity(orders.count / 4)
        orderNumbers.reserveCapacity(orders.count / 2)
        var listNumbers: [AudienceKey: Int] = [:]
        func number<K: Hashable>(_ key: K, in table: inout [K: Int]) -> Int {
            if let known = table[key] { return known }
            let next = table.count
            table[key] = next
            return next
        }
        var raw: [(list: Int, product: Int, customer: Int, order: Int, age: Double)] = []
        var purchases: [(customer: Int, product: Int, age: Double)] = []
        purchases.reserveCapacity(orders.count)
        for order in orders where order.date <= now && order.quantity > 0 {
            guard let product = indexByID[order.product.id] else { continue }
            let orderNumber = number(order.id, in: &orderNumbers)
            // An order without a customer id is a customer of its own: its basket still says what goes together.
            let customer = order.customer.map { number($0, in: &customerNumbers) } ?? -1 - orderNumber
            let age = now.timeIntervalSince(order.date)
            purchases.append((customer, product, age))
            guard let segment = order.segment else { continue }
            raw.append((number(AudienceKey(region: order.region.id, segment: segment.id), in: &listNumbers), product, customer, orderNumber, age))
            raw.append((number(AudienceKey.everywhere(segment.id), in: &listNumbers), product, customer, orderNumber, age))
        }
        let offset = customerNumbers.count
        func renumber(_ customer: Int) -> UInt64 { UInt64(customer >= 0 ? customer : offset + (-1 - customer)) }
        precondition(
            Self.fits(products: products.count, lists: listNumbers.count, customers: offset + orderNumbers.count),
            "orders beyond the learning tables' limits")
        self.purchases = purchases.map { Purchase(key: renumber($0.customer) << 32 | UInt64($0.product), age: $0.age) }
        var lines = raw.map { line in
            Line(key: UInt64(line.list) << 52 | UInt64(line.product) << 32 | renumber(line.customer), order: Int32(line.order), age: line.age)
        }
        lines.sort { $0.key != $1.key ? $0.key < $1.key : $0.order < $1.order }
        self.lines = lines
        var lists: [AudienceKey: Range<Int>] = [:]
        let keys = listNumbers.sorted { $0.value < $1.value }.map(\.key)
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count && lines[end].list == lines[start].list { end += 1 }
            lists[keys[lines[start].list]] = start..<end
            start = end
        }
        self.lists = lists
    }

    /// The age (seconds before `now`) of the instant `date`: lines at least this old were placed by then.
    func age(of date: Date) -> Double { now.timeIntervalSince(date) }
}
