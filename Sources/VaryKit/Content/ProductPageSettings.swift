/// Which products get a page of their own and how their generated "bought together" bundle is priced
/// (`site.json` `productPages`).
public struct ProductPageSettings: Sendable, Hashable {
    /// Whether product pages are built at all (`"productPages": false` turns them off).
    public var enabled = true
    /// Category paths whose products (and their subcategories' products) get pages; nil means every category.
    public var categories: [Reference]?
    /// Whole percent off the generated bundle's items' sum; 0 (the default) sells it at the items' sum.
    public var bundlePercent = 0
    /// How many products the generated bundle holds at most, the page's product included (2…6, default 3).
    public var bundleSize = 3
    /// How many products "Goes well with" shows at most (default 4).
    public var crossSell = 4
    /// Whether `site.json` names `productPages`: a store that asks for product pages needs their template.
    public var isExplicit = false
    public var location: SourceLocation?

    public init() {}

    /// Whether a product's category admits it to a page under these settings.
    public func admits(_ product: Product) -> Bool {
        guard enabled else { return false }
        guard let categories else { return true }
        return product.categoryAncestry.contains { path in categories.contains { $0.id == path } }
    }
}
