import Intl

/// A product from the catalog (`catalog/products.json` or a `catalog/*.csv`).
public struct Product: Sendable, Hashable {
    /// The product's fields, in one box that copies share until one of them is changed: ranking, bundles and
    /// pages pass products on by the thousand, and copying the box is one retain where copying the fields was one
    /// per field.
    private var box: Box

    /// The stored fields, as a plain value (`StableBytes`'s test reads them by reflection); each is documented at
    /// its property below.
    struct Fields: Sendable {
        var id: String
        var sku: String
        var title: LocalizedText
        var description: LocalizedText
        var category: String
        var brand: String
        var tags: [String]
        var image: ProductImage
        var prices: [String: Money]
        var regionPrices: [String: Money]
        var stock: [String: Int]
        var popularity: Double
        var complements: [Reference]
        var attributes: [(name: String, value: String)]
        var location: SourceLocation
        var regionReferences: [Reference]
        var unitPricing: UnitPricing? = nil
        var compareAtPrices: [String: Money] = [:]
        var regionCompareAtPrices: [String: Money] = [:]
        var options: [ProductOption] = []
        var variants: [ProductVariant] = []
        var gtin: String? = nil
        var mpn: String? = nil
        var link: String? = nil
        var additionalImages: [String] = []
        var shipping: [String: Money] = [:]
        var countsStock: Bool = true
    }

    private final class Box: @unchecked Sendable {
        // @unchecked: a box is changed only through `unique()`, while one product alone holds it.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    public init(
        id: String,
        sku: String,
        title: LocalizedText,
        description: LocalizedText,
        category: String,
        brand: String,
        tags: [String],
        image: ProductImage,
        prices: [String: Money],
        regionPrices: [String: Money],
        stock: [String: Int],
        popularity: Double,
        complements: [Reference],
        attributes: [(name: String, value: String)],
        location: SourceLocation,
        regionReferences: [Reference],
        unitPricing: UnitPricing? = nil,
        compareAtPrices: [String: Money] = [:],
        regionCompareAtPrices: [String: Money] = [:],
        options: [ProductOption] = [],
        variants: [ProductVariant] = [],
        gtin: String? = nil,
        mpn: String? = nil,
        link: String? = nil,
        additionalImages: [String] = [],
        shipping: [String: Money] = [:],
        countsStock: Bool = true
    ) {
        box = Box(Fields(
            id: id, sku: sku, title: title, description: description, category: category, brand: brand,
            tags: tags, image: image, prices: prices, regionPrices: regionPrices, stock: stock,
            popularity: popularity, complements: complements, attributes: attributes, location: location,
            regionReferences: regionReferences, unitPricing: unitPricing, compareAtPrices: compareAtPrices,
            regionCompareAtPrices: regionCompareAtPrices, options: options, variants: variants, gtin: gtin,
            mpn: mpn, link: link, additionalImages: additionalImages, shipping: shipping,
            countsStock: countsStock))
    }

    /// The fields as a value.
    var fields: Fields { box.fields }

    /// The box, made this product's own first when copies share it.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public var id: String {
        get { box.fields.id }
        _modify { yield &unique().fields.id }
    }

    public var sku: String {
        get { box.fields.sku }
        _modify { yield &unique().fields.sku }
    }

    public var title: LocalizedText {
        get { box.fields.title }
        _modify { yield &unique().fields.title }
    }

    public var description: LocalizedText {
        get { box.fields.description }
        _modify { yield &unique().fields.description }
    }

    /// A slash-separated category path, `apparel/jackets`.
    public var category: String {
        get { box.fields.category }
        _modify { yield &unique().fields.category }
    }

    public var brand: String {
        get { box.fields.brand }
        _modify { yield &unique().fields.brand }
    }

    public var tags: [String] {
        get { box.fields.tags }
        _modify { yield &unique().fields.tags }
    }

    public var image: ProductImage {
        get { box.fields.image }
        _modify { yield &unique().fields.image }
    }

    /// The price per currency code.
    public var prices: [String: Money] {
        get { box.fields.prices }
        _modify { yield &unique().fields.prices }
    }

    /// Region id → price in that region's currency, overriding `prices` there.
    public var regionPrices: [String: Money] {
        get { box.fields.regionPrices }
        _modify { yield &unique().fields.regionPrices }
    }

    /// Region id → units in stock; a region absent means the product is not sold there.
    public var stock: [String: Int] {
        get { box.fields.stock }
        _modify { yield &unique().fields.stock }
    }

    /// 0…1.
    public var popularity: Double {
        get { box.fields.popularity }
        _modify { yield &unique().fields.popularity }
    }

    public var complements: [Reference] {
        get { box.fields.complements }
        _modify { yield &unique().fields.complements }
    }

    /// Free-form attributes, sorted by name.
    public var attributes: [(name: String, value: String)] {
        get { box.fields.attributes }
        _modify { yield &unique().fields.attributes }
    }

    public var location: SourceLocation {
        get { box.fields.location }
        _modify { yield &unique().fields.location }
    }

    /// Where the region keys of `stock` and `regionPrices` that name no region of `regions.json` were written, for
    /// reporting them (a catalog file's decoder keeps only those).
    public var regionReferences: [Reference] {
        get { box.fields.regionReferences }
        _modify { yield &unique().fields.regionReferences }
    }

    /// What the product holds and what its unit price is per (`750 ml` per `1 l`), when the catalog says.
    public var unitPricing: UnitPricing? {
        get { box.fields.unitPricing }
        _modify { yield &unique().fields.unitPricing }
    }

    /// The regular price a shopper is shown above the price (a feed's price before its sale price, a Shopify
    /// compare-at price), per currency code; only entries above the price count.
    public var compareAtPrices: [String: Money] {
        get { box.fields.compareAtPrices }
        _modify { yield &unique().fields.compareAtPrices }
    }

    /// Region id → compare-at price in that region's currency.
    public var regionCompareAtPrices: [String: Money] {
        get { box.fields.regionCompareAtPrices }
        _modify { yield &unique().fields.regionCompareAtPrices }
    }

    /// The dimensions the variants differ in, in the order their values are listed.
    public var options: [ProductOption] {
        get { box.fields.options }
        _modify { yield &unique().fields.options }
    }

    /// The buyable forms of the product; empty for a product without variants. When present, `prices`,
    /// `regionPrices` and `stock` are the lowest variant price and the total stock (`summarizeVariants`).
    public var variants: [ProductVariant] {
        get { box.fields.variants }
        _modify { yield &unique().fields.variants }
    }

    public var gtin: String? {
        get { box.fields.gtin }
        _modify { yield &unique().fields.gtin }
    }

    public var mpn: String? {
        get { box.fields.mpn }
        _modify { yield &unique().fields.mpn }
    }

    /// The store's own page for the product (a feed's `link`); Vary's product page is the canonical one.
    public var link: String? {
        get { box.fields.link }
        _modify { yield &unique().fields.link }
    }

    /// More pictures (a feed's `additional_image_link`, a Shopify export's further image rows), as URLs or asset paths.
    public var additionalImages: [String] {
        get { box.fields.additionalImages }
        _modify { yield &unique().fields.additionalImages }
    }

    /// Country code (ISO 3166-1 alpha-2) → shipping price, from a feed's `shipping`.
    public var shipping: [String: Money] {
        get { box.fields.shipping }
        _modify { yield &unique().fields.shipping }
    }

    /// Whether `stock` counts units; a Merchant Center feed's `availability` only says in stock or not (1 or 0).
    public var countsStock: Bool {
        get { box.fields.countsStock }
        _modify { yield &unique().fields.countsStock }
    }

    /// Whether the product is sold in a region (listed in `stock`, even with zero units).
    public func isSold(in region: String) -> Bool { stock[region] != nil }

    /// Whether the product is sold in a region and has units there.
    public func isInStock(in region: String) -> Bool { (stock[region] ?? 0) > 0 }

    /// The regular price in a region, before promotions: the region's own price, else the currency price.
    public func price(in region: Region) -> Money? {
        regionPrices[region.id] ?? prices[region.currency.code]
    }

    /// The compare-at price in a region when it is above the price: what the card shows as the regular price.
    public func compareAtPrice(in region: Region) -> Money? { compareAtPrice(in: region, above: price(in: region)) }

    /// `compareAtPrice(in:)` for a caller that has the product's price in the region at hand.
    func compareAtPrice(in region: Region, above price: Money?) -> Money? {
        Money.compareAt(regionCompareAtPrices[region.id] ?? compareAtPrices[region.currency.code], above: price)
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
