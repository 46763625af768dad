/// Everything a store brings: the loaded and typed content of `content/`.
public struct StoreContent: Sendable {
    public var site: Site
    /// Products sorted by id.
    public var products: [Product]
    public var segments: [Segment]
    public var regions: [Region]
    /// Messages by locale tag or language (the file name without `.json`).
    public var locales: [String: LocaleMessages]
    public var promotions: [Promotion]
    public var bundles: [ProductBundle]
    public var orders: [Order]
    /// Display names of categories, tags, seasons and brands (`taxonomy.json`, optional).
    public var taxonomy: Taxonomy
    /// Customizable products' options (`configurators.json`, optional).
    public var configurators: [Configurator]

    public init(
        site: Site, products: [Product], segments: [Segment], regions: [Region],
        locales: [String: LocaleMessages], promotions: [Promotion], bundles: [ProductBundle], orders: [Order],
        taxonomy: Taxonomy = Taxonomy(), configurators: [Configurator] = []
    ) {
        self.site = site
        self.products = products
        self.segments = segments
        self.regions = regions
        self.locales = locales
        self.promotions = promotions
        self.bundles = bundles
        self.orders = orders
        self.taxonomy = taxonomy
        self.configurators = configurators
    }
}
