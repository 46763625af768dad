import Foundation

/// A product shown under "Goes well with" on another product's page, and why.
public struct CrossSellItem: Sendable, Hashable {
    /// The product offered.
    public var product: Product
    /// In how many orders it was bought with the page's product (0 when only `complements` names it).
    public var baskets: Int
    /// Whether the page's product names it in `complements`.
    public var isComplement: Bool
}

/// What the product pages of a build show besides the product itself: the products bought together, the generated
/// "bought together" bundles per region, and what was left out of them with why.
public struct CrossSell: Sendable {
    /// Product id → the products bought in the same orders, with the number of shared orders, most first.
    public let baskets: [String: [(product: String, baskets: Int)]]
    /// Region id → product id → its generated bundle, priced, where every item is sold and priced.
    public let bundles: [String: [String: PricedBundle]]
    /// Generated bundles not published and complements left out, per region, for the build report.
    public let skipped: [BuildReport.Skipped]

    /// No cross-sell: a build without product pages.
    public static let none = CrossSell(baskets: [:], bundles: [:], skipped: [])

    init(baskets: [String: [(product: String, baskets: Int)]], bundles: [String: [String: PricedBundle]],
         skipped: [BuildReport.Skipped]) {
        self.baskets = baskets
        self.bundles = bundles
        self.skipped = skipped
    }

    /// The cross-sell of the products with a page (`productsByRegion`), from the orders placed up to `now`.
    public init(_ content: StoreContent, productsByRegion: [String: [String]], now: Date) {
        guard !productsByRegion.isEmpty else {
            self = .none
            return
        }
        let settings = content.site.productPages
        let products = Dictionary(content.products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let baskets = sharedBaskets(content.orders.filter { $0.date <= now })
        var bundles: [String: [String: PricedBundle]] = [:]
        var skipped: [BuildReport.Skipped] = []
        var generated: [String: ProductBundle?] = [:]
        for region in content.regions {
            for id in productsByRegion[region.id] ?? [] {
                guard let product = products[id] else { continue }
                for complement in product.complements {
                    guard let other = products[complement.id], let reason = CrossSell.unsellable(other, in: region) else { continue }
                    skipped.append(BuildReport.Skipped(
                        kind: "complement", id: product.id, region: region.id, reason: "complement '\(other.id)' \(reason)"))
                }
                let bundle = generated[id] ?? CrossSell.bundle(for: product, baskets: baskets[id] ?? [], settings: settings)
                generated[id] = bundle
                guard let bundle else { continue }
                switch priceBundle(bundle, products: products, region: region) {
                case .success(let priced): bundles[region.id, default: [:]][id] = priced
                case .failure(let reason):
                    skipped.append(BuildReport.Skipped(kind: "generated-bundle", id: bundle.id, region: region.id, reason: reason.description))
                }
            }
        }
        self.init(baskets: baskets, bundles: bundles, skipped: skipped)
    }

    /// "Goes well with" a product in a region: the products bought with it (most shared orders first, a declared
    /// complement first on a tie) and then its other complements in their written order, only those the region
    /// sells and prices, at most `limit`.
    public func items(for product: Product, in region: Region, products: [String: Product], limit: Int) -> [CrossSellItem] {
        let declared = product.complements.map(\.id)
        var seen: Set<String> = [product.id]
        var together: [CrossSellItem] = []
        for (id, count) in baskets[product.id] ?? [] {
            guard let other = products[id], seen.insert(id).inserted else { continue }
            together.append(CrossSellItem(product: other, baskets: count, isComplement: declared.contains(id)))
        }
        together.sort { a, b in
            if a.baskets != b.baskets { return a.baskets > b.baskets }
            if a.isComplement != b.isComplement { return a.isComplement }
            return a.product.id < b.product.id
        }
        let rest = declared.compactMap { id -> CrossSellItem? in
            guard let other = products[id], seen.insert(id).inserted else { return nil }
            return CrossSellItem(product: other, baskets: 0, isComplement: true)
        }
        return Array((together + rest).filter { CrossSell.unsellable($0.product, in: region) == nil }.prefix(limit))
    }

    /// The generated bundle of a product: it and the `size − 1` products bought with it most often (a declared
    /// complement first on a tie), at `percent` off; nil when nothing was ever bought with it.
    static func bundle(for product: Product, baskets: [(product: String, baskets: Int)], settings: ProductPageSettings)
        -> ProductBundle?
    {
        let declared = Set(product.complements.map(\.id))
        let ranked = baskets.enumerated().sorted { a, b in
            if a.element.baskets != b.element.baskets { return a.element.baskets > b.element.baskets }
            let (ca, cb) = (declared.contains(a.element.product), declared.contains(b.element.product))
            return ca != cb ? ca : a.offset < b.offset
        }.map(\.element.product)
        let companions = ranked.prefix(settings.bundleSize - 1)
        guard !companions.isEmpty else { return nil }
        let items = ([product.id] + companions).map { BundleItem(product: Reference($0, at: product.location), quantity: 1) }
        return ProductBundle(
            id: "bought-together-\(product.id)", title: product.title, description: product.description, items: items,
            pricing: .percent(settings.bundlePercent), segments: nil, regions: nil, location: product.location)
    }

    /// Why a region cannot offer a product (not sold there, or no price in its currency); nil when it can.
    static func unsellable(_ product: Product, in region: Region) -> String? {
        guard product.isSold(in: region.id) else { return "is not sold in region '\(region.id)'" }
        guard let price = product.price(in: region), price.currency == region.currency else {
            return "has no price in \(region.currency.code)"
        }
        return nil
    }
}
