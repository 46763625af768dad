import Intl

/// A product from the catalog (`catalog/products.json` or a `catalog/*.csv`).
public struct Product: Sendable, Hashable {
    public var id: String
    public var sku: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// A slash-separated category path, `apparel/jackets`.
    public var category: String
    public var brand: String
    public var tags: [String]
    public var image: ProductImage
    /// The price per currency code.
    public var prices: [String: Money]
    /// Region id → price in that region's currency, overriding `prices` there.
    public var regionPrices: [String: Money]
    /// Region id → units in stock; a region absent means the product is not sold there.
    public var stock: [String: Int]
    /// 0…1.
    public var popularity: Double
    public var complements: [Reference]
    /// Free-form attributes, sorted by name.
    public var attributes: [(name: String, value: String)]
    public var location: SourceLocation
    /// Where the region keys of `stock` and `regionPrices` that name no region of `regions.json` were written, for
    /// reporting them (a catalog file's decoder keeps only those).
    public var regionReferences: [Reference]
    /// What the product holds and what its unit price is per (`750 ml` per `1 l`), when the catalog says.
    public var unitPricing: UnitPricing? = nil
    /// The regular price a shopper is shown above the price (a feed's price before its sale price, a Shopify
    /// compare-at price), per currency code; only entries above the price count.
    public var compareAtPrices: [String: Money] = [:]
    /// Region id → compare-at price in that region's currency.
    public var regionCompareAtPrices: [String: Money] = [:]
    /// The dimensions the variants differ in, in the order their values are listed.
    public var options: [ProductOption] = []
    /// The buyable forms of the product; empty for a product without variants. When present, `prices`,
    /// `regionPrices` and `stock` are the lowest variant price and the total stock (`summarizeVariants`).
    public var variants: [ProductVariant] = []
    public var gtin: String? = nil
    public var mpn: String? = nil
    /// The store's own page for the product (a feed's `link`); Vary's product page is the canonical one.
    public var link: String? = nil
    /// More pictures (a feed's `additional_image_link`, a Shopify export's further image rows), as URLs or asset paths.
    public var additionalImages: [String] = []
    /// Country code (ISO 3166-1 alpha-2) → shipping price, from a feed's `shipping`.
    public var shipping: [String: Money] = [:]
    /// Whether `stock` counts units; a Merchant Center feed's `availability` only says in stock or not (1 or 0).
    public var countsStock = true

    /// Whether the product is sold in a region (listed in `stock`, even with zero units).
    public func isSold(in region: String) -> Bool { stock[region] != nil }

    /// Whether the product is sold in a region and has units there.
    public func isInStock(in region: String) -> Bool { (stock[region] ?? 0) > 0 }

    /// The regular price in a region, before promotions: the region's own price, else the currency price.
    public func price(in region: Region) -> Money? {
        regionPrices[region.id] ?? prices[region.currency.code]
    }

    /// The compare-at price in a region when it is above the price: what the card shows as the regular price.
    public func compareAtPrice(in region: Region) -> Money? {
        Money.compareAt(regionCompareAtPrices[region.id] ?? compareAtPrices[region.currency.code], above: price(in: region))
    }

    /// The category path and each of its ancestors: `apparel/jackets/shell` → `apparel`, `apparel/jackets`, `apparel/jackets/shell`.
    public var categoryAncestry: [String] {
        let parts = category.split(separator: "/")
        return (1...max(parts.count, 1)).map { parts.prefix($0).joined(separator: "/") }
    }

    public static func == (a: Product, b: Product) -> Bool { a.id == b.id && a.location == b.location }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A product's picture: a path under `site-templates/assets/` or an `https:` URL, with localized alt text.
public struct ProductImage: Sendable, Hashable {
    public var src: String
    public var alt: LocalizedText
    public var location: SourceLocation
}
