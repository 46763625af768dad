import Foundation

/// How much each product has been bought lately in each region, from `orders.csv`: built once per build, shared by every page.
///
/// Each order line counts its quantity times `0.5^(age / halfLife)`, so an order 30 days old weighs half as much as
/// one placed at `now`; lines dated after `now` or with no positive quantity are ignored. The sums are divided by
/// the region's highest sum, so every region's best seller scores 1 and the scale is comparable between regions.
public struct RegionalPopularity: Sendable {
    /// The default half-life of an order's weight: 30 days.
    public static let defaultHalfLife: TimeInterval = 30 * 86_400

    /// Region id → product id → normalized score in 0…1.
    private let scores: [String: [String: Double]]

    /// Popularity from order lines as of `now`, in one pass over the orders.
    public init(orders: [Order], now: Date, halfLife: TimeInterval = RegionalPopularity.defaultHalfLife) {
        var sums: [String: [String: Double]] = [:]
        for order in orders where order.quantity > 0 && order.date <= now {
            let age = now.timeIntervalSince(order.date)
            let weight = Double(order.quantity) * exp2(-age / halfLife)
            sums[order.regionID, default: [:]][order.productID, default: 0] += weight
        }
        scores = sums.mapValues { products in
            let top = products.values.max() ?? 0
            guard top > 0 else { return [:] }
            return products.mapValues { $0 / top }
        }
    }

    /// No orders at all: every score is zero.
    public static let none = RegionalPopularity(orders: [], now: Date(timeIntervalSince1970: 0))

    /// The product's recent-order score in a region, 0…1 (0 when it has no counted orders there).
    public func score(of product: String, in region: String) -> Double {
        scores[region]?[product] ?? 0
    }

    /// Whether any counted order was placed in the region, so that order popularity means something there.
    public func hasOrders(in region: String) -> Bool {
        !(scores[region]?.isEmpty ?? true)
    }
}
