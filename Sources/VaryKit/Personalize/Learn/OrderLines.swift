import Foundation

/// The order lines up to `now` as small numbers, sorted for learning: each (customer, product) purchase for
/// co-purchase, and each line of an order with a segment, grouped by (region, segment) and by segment in every region
/// (`AudienceKey.everywhere`). Built once per build; the holdout's training set is the lines up to an earlier instant.
struct OrderLines {
    struct Line {
        /// List (12 bits), product (20) and customer (32, one series for ids and for orders without one), for sorting.
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
        // Customers are numbered in one series: ids as first seen, and each order without an id as a customer of
        // its own (its basket still says what goes together).
        var customerOfOrder: [Int] = []
        var nextCustomer = 0
        var lines: [Line] = []
        var purchases: [Purchase] = []
        purchases.reserveCapacity(orders.count)
        // Exports list an order's lines together: a line of the same order as the one before reuses its numbers,
        // which spares most of the hashing.
        var previous: (order: String, number: Int, customer: Int, region: String, segment: String, lists: (Int, Int))?
        for order in orders where order.date <= now && order.quantity > 0 {
            guard let product = indexByID[order.productID] else { continue }
            let orderNumber: Int, customer: Int
            if let last = previous, last.order == order.id {
                (orderNumber, customer) = (last.number, last.customer)
            } else {
                orderNumber = number(order.id, in: &orderNumbers)
                if orderNumber == customerOfOrder.count { customerOfOrder.append(-1) }
                if let id = order.customer {
                    if let known = customerNumbers[id] {
                        customer = known
                    } else {
                        customer = nextCustomer
                        customerNumbers[id] = customer
                        nextCustomer += 1
                    }
                } else if customerOfOrder[orderNumber] >= 0 {
                    customer = customerOfOrder[orderNumber]
                } else {
                    customer = nextCustomer
                    customerOfOrder[orderNumber] = customer
                    nextCustomer += 1
                }
            }
            let age = now.timeIntervalSince(order.date)
            purchases.append(Purchase(key: UInt64(customer) << 32 | UInt64(product), age: age))
            guard let segment = order.segmentID else {
                previous = (order.id, orderNumber, customer, "", "", (-1, -1))
                continue
            }
            var lists = (0, 0)
            if let last = previous, last.region == order.regionID, last.segment == segment, last.lists.0 >= 0 {
                lists = last.lists
            } else {
                lists = (
                    number(AudienceKey(region: order.regionID, segment: segment), in: &listNumbers),
                    number(AudienceKey.everywhere(segment), in: &listNumbers))
            }
            let productAndCustomer = UInt64(product) << 32 | UInt64(customer)
            lines.append(Line(key: UInt64(lists.0) << 52 | productAndCustomer, order: Int32(orderNumber), age: age))
            lines.append(Line(key: UInt64(lists.1) << 52 | productAndCustomer, order: Int32(orderNumber), age: age))
            previous = (order.id, orderNumber, customer, order.regionID, segment, lists)
        }
        precondition(
            Self.fits(products: products.count, lists: listNumbers.count, customers: nextCustomer),
            "orders beyond the learning tables' limits")
        self.purchases = purchases
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

    /// Co-purchase similarity from every line and from the lines placed at or before `split`.
    func similarities(splitAt split: Date, settings: RecommendationSettings) -> (all: CoPurchase, early: CoPurchase) {
        let minimumAge = age(of: split)
        return CoPurchase.pair(
            purchases.map { ($0.key, $0.age >= minimumAge) }, productCount: productCount,
            minimumCustomers: settings.minimumCustomers, similarity: settings.similarity)
    }

    /// The age (seconds before `now`) of the instant `date`: lines at least this old were placed by then.
    func age(of date: Date) -> Double { now.timeIntervalSince(date) }
}
