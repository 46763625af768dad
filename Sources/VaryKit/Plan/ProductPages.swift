extension Planner {
    /// Per region, the ids of the products with a page there, sorted: those sold in the region (listed in `stock`)
    /// with a price in its currency, in a category `site.json` `productPages` admits. None when the store turns
    /// product pages off or has no `pages/product` template.
    public static func productPages(_ content: StoreContent, hasTemplate: Bool) -> [String: [String]] {
        let settings = content.site.productPages
        guard hasTemplate, settings.enabled else { return [:] }
        let admitted = content.products.filter(settings.admits).sorted { $0.id < $1.id }
        var result: [String: [String]] = [:]
        for region in content.regions {
            let ids = admitted.filter { product in
                guard product.isSold(in: region.id), let price = product.price(in: region) else { return false }
                return price.currency == region.currency
            }.map(\.id)
            if !ids.isEmpty { result[region.id] = ids }
        }
        return result
    }
}
