/// The store-wide settings from `site.json`.
public struct Site: Sendable, Hashable {
    public var name: String
    /// The absolute base URL without a trailing slash (`https://shop.example.com`).
    public var baseURL: String
    public var defaultRegion: Reference
    public var defaultSegment: Reference
    public var defaultLocale: String
    /// Products per landing page.
    public var recommendations: Int
    public var segmentCookie: String
    public var countryHeader: String
    /// CDN formats to emit besides `routes.json`.
    public var routing: [String]
    public var location: SourceLocation
    /// How recommendations learn from orders.
    public var learning = RecommendationSettings()
    /// A shopper-visible text resolved by falling back is an error, not a warning (`failOnFallback`).
    public var failOnFallback: Bool = false
    /// The regions whose currency a Shopify export's `Variant Price` is in and whose stock `Variant Inventory Qty` is
    /// (`"shopify": {"regions": [...]}`).
    public var shopifyRegions: [Reference] = []
    /// The image of shared links (`og:image`) on pages that show no product: the chooser, the not-found page.
    public var shareImage: ProductImage?
    /// Which products get pages, and the generated bundle's pricing (`productPages`).
    public var productPages = ProductPageSettings()

    public static let routingFormats = ["cloudflare", "cloudfront", "netlify", "nginx", "vercel"]
}
