import Foundation
import Intl

/// The past regular prices of products per region (`price-history.csv`), for the prior price of a reduction.
///
/// Each row says "from this instant on, the product's regular price in this region was this": a step function
/// per product and region, each step lasting until the next row's `from`. The catalog gives today's price; the
/// history says since when and what it was before.
public struct PriceHistory: Sendable, Hashable {
    /// Every row, sorted by product, region and `from`.
    public var changes: [PriceChange]
    /// Rows by product id then region id, each list sorted by `from`.
    private var index: [String: [String: [PriceChange]]]

    /// A history from its rows in any order.
    public init(_ changes: [PriceChange] = []) {
        self.changes = changes.sorted { ($0.product.id, $0.region, $0.from) < ($1.product.id, $1.region, $1.from) }
        index = [:]
        for change in self.changes { index[change.product.id, default: [:]][change.region, default: []].append(change) }
    }

    /// Whether the store gave no history at all.
    public var isEmpty: Bool { changes.isEmpty }

    /// The rows of one product in one region, oldest first.
    public func changes(of product: String, in region: String) -> [PriceChange] {
        index[product]?[region] ?? []
    }

    /// The regular price in effect at an instant by the history (the latest row with `from ≤ instant`), or nil before its first row.
    public func price(of product: String, in region: String, at instant: Date) -> PriceChange? {
        changes(of: product, in: region).last { $0.from <= instant }
    }
}

/// One row of `price-history.csv`: a product's regular price in a region from an instant on.
public struct PriceChange: Sendable, Hashable {
    /// The product, with where its id was written.
    public var product: Reference
    /// The region id (known: the loader reports unknown ones).
    public var region: String
    /// The price, in the region's currency.
    public var price: Money
    /// When the price took effect.
    public var from: Date
    /// The row's first cell, for reporting it.
    public var location: SourceLocation
}
