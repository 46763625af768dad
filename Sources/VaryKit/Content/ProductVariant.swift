import Intl

/// One buyable form of a product (a size, a colour): its own SKU, prices, stock and picture.
public struct ProductVariant: Sendable, Hashable {
    /// The feed's item id or the export's SKU: unique within its product.
    public var id: String
    public var sku: String
    /// One value per entry of the product's `options`, in the same order.
    public var optionValues: [LocalizedText]
    /// The price per currency code.
    public var prices: [String: Money] = [:]
    /// Region id → price in that region's currency, overriding `prices` there.
    public var regionPrices: [String: Money] = [:]
    /// The price a shopper is shown as the regular one (a "compare at" or pre-sale price), per currency code.
    public var compareAtPrices: [String: Money] = [:]
    /// Region id → compare-at price in that region's currency.
    public var regionCompareAtPrices: [String: Money] = [:]
    /// Region id → units in stock; a region absent means the variant is not sold there.
    public var stock: [String: Int] = [:]
    public var image: ProductImage?
    public var gtin: String?
    public var location: SourceLocation

    public init(id: String, sku: String, optionValues: [LocalizedText], location: SourceLocation) {
        self.id = id
        self.sku = sku
        self.optionValues = optionValues
        self.location = location
    }

    /// The price in a region before promotions: the region's own price, else the currency price.
    public func price(in region: Region) -> Money? {
        regionPrices[region.id] ?? prices[region.currency.code]
    }

    /// The compare-at price in a region, when one is given and it is above the price.
    public func compareAtPrice(in region: Region) -> Money? {
        Money.compareAt(regionCompareAtPrices[region.id] ?? compareAtPrices[region.currency.code], above: price(in: region))
    }

    public func isInStock(in region: String) -> Bool { (stock[region] ?? 0) > 0 }
}

/// A dimension a product's variants differ in, such as size or colour.
public struct ProductOption: Sendable, Hashable {
    /// The schema.org property it varies (`color`, `size`, `material`, `pattern`, `suggestedGender`,
    /// `suggestedAge`), or the option's own name in lower case when schema.org has none.
    public var key: String
    /// The shopper-visible name (`Größe`).
    public var name: LocalizedText

    public init(key: String, name: LocalizedText) {
        self.key = key
        self.name = name
    }

    /// The schema.org properties a `ProductGroup` may vary by; other options are listed on pages but not in JSON-LD.
    public static let schemaProperties: Set<String> = ["color", "size", "material", "pattern", "suggestedGender", "suggestedAge"]

    /// The schema.org property for an option name as stores write it (`Colour` → `color`).
    public static func key(forName name: String) -> String {
        let lower = name.lowercased().trimmingCharacters(in: .whitespaces)
        switch lower {
        case "color", "colour", "farbe", "couleur", "color_name": return "color"
        case "size", "größe", "groesse", "taille", "talla": return "size"
        case "material": return "material"
        case "pattern": return "pattern"
        case "gender": return "suggestedGender"
        case "age_group", "age group": return "suggestedAge"
        default: return lower
        }
    }
}

extension Product {
    /// The product's own prices and stock as its variants give them: per currency and region the lowest variant
    /// price (with that variant's compare-at price), and per region the sum of the variants' stock.
    mutating func summarizeVariants() {
        guard !variants.isEmpty else { return }
        func lowest(_ pick: (ProductVariant) -> [String: Money]) -> [String: (Money, ProductVariant)] {
            var result: [String: (Money, ProductVariant)] = [:]
            for variant in variants {
                for (key, money) in pick(variant) where result[key].map({ money.minorUnits < $0.0.minorUnits }) ?? true {
                    result[key] = (money, variant)
                }
            }
            return result
        }
        let byCurrency = lowest(\.prices)
        let byRegion = lowest(\.regionPrices)
        prices = byCurrency.mapValues(\.0)
        regionPrices = byRegion.mapValues(\.0)
        compareAtPrices = byCurrency.compactMapValues { money, variant in
            Money.compareAt(variant.compareAtPrices[money.currency.code], above: money)
        }
        regionCompareAtPrices = [:]
        for (region, (money, variant)) in byRegion {
            regionCompareAtPrices[region] = Money.compareAt(
                variant.regionCompareAtPrices[region] ?? variant.compareAtPrices[money.currency.code], above: money)
        }
        stock = [:]
        for variant in variants {
            for (region, count) in variant.stock { stock[region, default: 0] += count }
        }
    }

    /// Whether the variants sold in a region have different prices there, so that a card says "from".
    public func variantPricesDiffer(in region: Region) -> Bool {
        let prices = Set(variants.filter { $0.stock[region.id] != nil }.compactMap { $0.price(in: region) })
        return prices.count > 1
    }
}

extension Money {
    /// A compare-at price when it is in the price's currency and above it; otherwise nil (nothing to show).
    static func compareAt(_ compareAt: Money?, above price: Money?) -> Money? {
        guard let compareAt, let price, compareAt.currency == price.currency, compareAt.minorUnits > price.minorUnits
        else { return nil }
        return compareAt
    }
}
