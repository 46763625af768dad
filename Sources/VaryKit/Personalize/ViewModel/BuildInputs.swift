import Foundation
import Intl
import Mustache

/// What every page of one build shares, computed once before pages are personalized in parallel.
public struct BuildInputs: Sendable {
    public let content: StoreContent
    public let now: Date
    /// The pages of this build, for alternates and switchers.
    public let pages: Set<PageSpec>
    /// Asset path under `assets/` → its fingerprinted URL path (`/assets/css/store.1a2b3c4d.css`).
    public let assetURLs: [String: String]
    public let popularity: RegionalPopularity
    /// What each segment buys in each region, learned from the orders up to `now`.
    public let learned: LearnedModel
    public let activePromotions: [Promotion]
    /// Prior prices of discounted products in regions under a price reduction rule, with that rule's warnings.
    public let priorPrices: PriorPrices
    public let bundles: [String: [PricedBundle]]
    /// Configurators by product id, with their valid combinations in each region where they have pages.
    public let configurators: [String: ConfiguratorPlan]
    /// By the tag that writes numbers (`LocaleTag.numbersTag`): the page's tag unless its region asks for a numbering system.
    public let localizers: Localizers
    public let moneyFormats: [String: MoneyFormat]
    public let regionsByID: [String: Region]
    public let segmentsByID: [String: Segment]
    public let productsByID: [String: Product]
    /// What ranking needs of the catalog per region and segment, shared by every page.
    public let ranking: RankingTables
    /// What every product's score on every page depends on besides the product itself and what is not the catalog:
    /// the products' ids in catalog order (the learned evidence is counted over them) and the learned weights, which
    /// are chosen by ranking the whole catalog (see `CatalogChanges.keepsScores`).
    let rankingKey: String
    /// The `assets` object of every page: fingerprinted URLs by template name.
    public let assetsModel: Value
    /// What product pages offer besides the product: bought together, generated bundles.
    public let crossSell: CrossSell

    public init(content: StoreContent, now: Date, pages: [PageSpec], assetURLs: [String: String],
                bundles: [String: [PricedBundle]], crossSell: CrossSell = .none,
                configurators: [String: ConfiguratorPlan] = [:]) {
        self.content = content
        self.now = now
        self.pages = Set(pages)
        self.assetURLs = assetURLs
        self.bundles = bundles
        self.configurators = configurators
        self.crossSell = crossSell
        popularity = RegionalPopularity(orders: content.orders, now: now, halfLife: content.site.learning.halfLife)
        learned = LearnedModel.train(content, now: now)
        activePromotions = content.promotions.filter { $0.isActive(at: now) }
        priorPrices = PriorPrices(content: content, now: now)
        // Keyed by the tag that writes numbers, since a region may ask for another numbering system.
        var tags: [String: String] = [content.site.defaultLocale: content.site.defaultLocale]
        for region in content.regions {
            for tag in region.locales { tags[LocaleTag.numbersTag(tag, numbers: region.numbers)] = tag }
        }
        localizers = Localizers(content: content, tags: tags)
        moneyFormats = tags.reduce(into: [:]) { $0[$1.key] = MoneyFormat(localeTag: $1.key) }
        regionsByID = Dictionary(content.regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        segmentsByID = Dictionary(content.segments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        productsByID = Dictionary(content.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        ranking = RankingTables(content: content, popularity: popularity, learned: learned)
        var key: [UInt8] = []
        for product in content.products { ModelBytes.append(.string(product.id), to: &key) }
        for weight in [learned.weights.popularityShare, learned.weights.shrinkage, learned.weights.regionalShare] {
            ModelBytes.append(.string(String(weight.bitPattern)), to: &key)
        }
        rankingKey = InputsHash.hex(key)
        // On every page: hashed once (`ModelBytes.sharedObject`).
        assetsModel = ModelBytes.sharedObject(Dictionary(uniqueKeysWithValues: assetURLs.map { (AssetKey.name($0.key), .string($0.value)) }))
    }

    /// The absolute URL of a path on the site.
    public func absoluteURL(_ path: String) -> String { content.site.baseURL + path }

    /// The path of a product's page in a region and locale, or nil when it has none there (never a broken link).
    public func productPath(_ product: String, region: String, locale: String) -> String? {
        let page = PageSpec(kind: .product, region: region, locale: locale, item: product)
        return pages.contains(page) ? page.path : nil
    }

    /// A product image's URL: the fingerprinted asset, or the `https:` URL as given.
    public func imageURL(_ src: String) -> String {
        assetURLs[src] ?? src
    }

    /// A product image's absolute URL, for structured data: the fingerprinted asset on the site, or the URL as given.
    public func absoluteImageURL(_ src: String) -> String {
        assetURLs[src].map(absoluteURL) ?? src
    }

    /// The hreflang of a locale in a region: the tag, with the region's first country when it names none (`en` → `en-KW`).
    public func hreflang(_ locale: String, in region: Region) -> String {
        guard !locale.contains("-"), let country = region.countries.first else { return locale }
        return "\(locale)-\(country)"
    }
}
