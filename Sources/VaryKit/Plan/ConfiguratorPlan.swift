/// Where a configurator has pages: in each region that sells its product, the valid combinations there (values out
/// of stock left out) and the merchandised values that have one.
public struct ConfiguratorPlan: Sendable {
    /// A configurator in one region.
    public struct Regional: Sendable {
        public let space: ConfigurationSpace
        /// The number of valid combinations.
        public let count: Int
        /// The merchandised axis's values (indices into its group) that have a page: those some valid combination holds.
        public let values: [Int]
    }

    public let configurator: Configurator
    public let product: Product
    /// By region id.
    public let regions: [String: Regional]

    /// The plan of every configurator of the store, by product id, with what could not be published and why.
    public static func plan(_ content: StoreContent) -> (plans: [String: ConfiguratorPlan], skipped: [BuildReport.Skipped]) {
        var plans: [String: ConfiguratorPlan] = [:]
        var skipped: [BuildReport.Skipped] = []
        let products = Dictionary(content.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for configurator in content.configurators {
            guard let product = products[configurator.product.id] else { continue }
            var regions: [String: Regional] = [:]
            for region in content.regions where product.isSold(in: region.id) && product.price(in: region) != nil {
                let space = ConfigurationSpace(configurator, region: region.id)
                let count = space.count(upTo: ConfiguratorValidation.hardLimit)
                let axis = configurator.merchandised
                let values = configurator.groups[axis].values.indices.filter { space.selection(with: axis, state: $0) != nil }
                guard count > 0, !values.isEmpty else {
                    skipped.append(BuildReport.Skipped(
                        kind: "configurator", id: product.id, region: region.id,
                        reason: "no valid combination with the values in stock there"))
                    continue
                }
                regions[region.id] = Regional(space: space, count: count, values: values)
            }
            plans[product.id] = ConfiguratorPlan(configurator: configurator, product: product, regions: regions)
        }
        return (plans, skipped)
    }

    /// The pages of a configurator in a region and locale: its own, then one per merchandised value.
    func pages(region: String, locale: String) -> [PageSpec] {
        guard let regional = regions[region] else { return [] }
        let group = configurator.groups[configurator.merchandised]
        let base = PageSpec(kind: .configure, region: region, locale: locale, item: product.id)
        return [base] + regional.values.map {
            PageSpec(kind: .configure, region: region, locale: locale, item: product.id, option: group.values[$0].id)
        }
    }
}
