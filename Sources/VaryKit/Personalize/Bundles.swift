import Intl

/// A bundle priced for a region: its items at regular prices, the sum, the bundle price and the saving.
public struct PricedBundle: Sendable, Hashable {
    /// The bundle as written in `bundles.json`.
    public var bundle: ProductBundle
    /// Its lines, in the bundle's order.
    public var items: [PricedBundleItem]
    /// The sum of the items' regular prices times their quantities.
    public var original: Money
    /// What the bundle costs.
    public var price: Money
    /// `original − price`, never below zero.
    public var saving: Money

    /// The number of units in the bundle, counting quantities.
    public var itemCount: Int { items.reduce(0) { $0 + $1.quantity } }
}

/// One line of a priced bundle.
public struct PricedBundleItem: Sendable, Hashable {
    /// The product on this line.
    public var product: Product
    /// How many of it the bundle holds.
    public var quantity: Int
    /// Its regular price in the region (promotions never apply inside bundles).
    public var unitPrice: Money
}

/// Why a bundle is not published in a region.
public enum BundleSkip: Error, Sendable, Hashable, CustomStringConvertible {
    /// An item is not sold in the region (no stock entry for it).
    case notSold(product: String, region: String)
    /// An item has no regular price in the region's currency.
    case notPriced(product: String, currency: String)
    /// A fixed-price bundle has no price in the region's currency.
    case noFixedPrice(currency: String)
    /// The bundle's region or segment targeting leaves this page out.
    case notTargeted
    /// An item names a product the catalog does not have (validation reports it too).
    case unknownProduct(product: String)

    /// A sentence for the build report.
    public var description: String {
        switch self {
        case .notSold(let product, let region): return "item '\(product)' is not sold in region '\(region)'"
        case .notPriced(let product, let currency): return "item '\(product)' has no price in \(currency)"
        case .noFixedPrice(let currency): return "the fixed price has no amount in \(currency)"
        case .notTargeted: return "the bundle does not target this region or segment"
        case .unknownProduct(let product): return "item '\(product)' is not in the catalog"
        }
    }
}

/// The bundles offered in a region (and to a segment, when given), priced, and the others with why, both sorted by id.
///
/// A bundle is published when its `regions` and `segments` admit the page (nil means all; a nil `segment`
/// ignores segment targeting, as bundle pages exist per region) and every item is sold in the region and has a
/// regular price in its currency. Only the first problem of a bundle is reported, items in the bundle's order.
public func publishBundles(
    _ content: StoreContent, region: Region, segment: Segment?
) -> (published: [PricedBundle], skipped: [(bundle: String, reason: BundleSkip)]) {
    // Only the bundles' items are looked up, not the whole catalog, which this runs for every region.
    let items = Set(content.bundles.lazy.flatMap(\.items).map(\.product.id))
    let products = Dictionary(
        content.products.lazy.filter { items.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var published: [PricedBundle] = []
    var skipped: [(bundle: String, reason: BundleSkip)] = []
    for bundle in content.bundles.sorted(by: { $0.id < $1.id }) {
        if let regions = bundle.regions, !regions.contains(where: { $0.id == region.id }) {
            skipped.append((bundle.id, .notTargeted))
            continue
        }
        if let segment, let segments = bundle.segments, !segments.contains(where: { $0.id == segment.id }) {
            skipped.append((bundle.id, .notTargeted))
            continue
        }
        switch priceBundle(bundle, products: products, region: region) {
        case .success(let priced): published.append(priced)
        case .failure(let reason): skipped.append((bundle.id, reason))
        }
    }
    return (published, skipped)
}

/// The bundle priced in a region from its items' regular prices, ignoring targeting, or why it cannot be sold there.
///
/// A percent bundle costs `original − roundedShare(original, percent)` (half away from zero, in minor units);
/// a fixed bundle costs its amount in the region's currency. The price never goes below zero.
public func priceBundle(
    _ bundle: ProductBundle, products: [String: Product], region: Region
) -> Result<PricedBundle, BundleSkip> {
    let currency = region.currency
    var items: [PricedBundleItem] = []
    var original = 0
    for item in bundle.items {
        guard let product = products[item.product.id] else { return .failure(.unknownProduct(product: item.product.id)) }
        guard product.isSold(in: region.id) else { return .failure(.notSold(product: product.id, region: region.id)) }
        guard let unitPrice = product.price(in: region), unitPrice.currency == currency else {
            return .failure(.notPriced(product: product.id, currency: currency.code))
        }
        items.append(PricedBundleItem(product: product, quantity: item.quantity, unitPrice: unitPrice))
        original += unitPrice.minorUnits * item.quantity
    }
    var price: Int
    switch bundle.pricing {
    case .percent(let percent):
        price = original - Money.roundedShare(original, percent: percent)
    case .fixed(let amounts):
        guard let amount = amounts[currency.code], amount.currency == currency else {
            return .failure(.noFixedPrice(currency: currency.code))
        }
        price = amount.minorUnits
    }
    price = max(price, 0)
    return .success(
        PricedBundle(
            bundle: bundle, items: items, original: Money(minorUnits: original, currency: currency),
            price: Money(minorUnits: price, currency: currency),
            saving: Money(minorUnits: max(original - price, 0), currency: currency)))
}
