import Foundation

/// The plan stage: expands the variant matrix into the list of pages to build.
public enum Planner {
    /// Every page of the store at `now`, sorted by path. `bundlesByRegion` lists the bundles published in each region,
    /// `productsByRegion` the products with a page there (`productPages(_:)`), `configurators` (by product id) each
    /// configurator's regions.
    public static func plan(
        _ content: StoreContent, now: Date, bundlesByRegion: [String: [String]], productsByRegion: [String: [String]] = [:],
        configurators: [String: ConfiguratorPlan] = [:]
    ) -> [PageSpec] {
        var pages = [PageSpec(kind: .chooser), PageSpec(kind: .notFound)]
        let defaultSegment = content.site.defaultSegment.id
        for region in content.regions {
            for locale in region.locales {
                pages.append(PageSpec(kind: .landing, region: region.id, locale: locale))
                for segment in content.segments where segment.id != defaultSegment {
                    pages.append(PageSpec(kind: .landing, region: region.id, locale: locale, segment: segment.id))
                }
                for promotion in content.promotions where hasPage(promotion, region: region.id, locale: locale, now: now) {
                    pages.append(PageSpec(kind: .promotion, region: region.id, locale: locale, item: promotion.id))
                }
                for bundle in bundlesByRegion[region.id] ?? [] {
                    pages.append(PageSpec(kind: .bundle, region: region.id, locale: locale, item: bundle))
                }
                for product in productsByRegion[region.id] ?? [] {
                    pages.append(PageSpec(kind: .product, region: region.id, locale: locale, item: product))
                }
                for product in configurators.keys.sorted() {
                    pages += configurators[product]!.pages(region: region.id, locale: locale)
                }
            }
        }
        // Each path made once, not at every comparison the sort makes.
        let paths = pages.map(\.path)
        return pages.indices.sorted { paths[$0] < paths[$1] }.map { pages[$0] }
    }

    /// A promotion has a page in a region and locale when it is active at `now` and targets both.
    public static func hasPage(_ promotion: Promotion, region: String, locale: String, now: Date) -> Bool {
        guard promotion.isActive(at: now) else { return false }
        if let regions = promotion.regions, !regions.contains(where: { $0.id == region }) { return false }
        return targets(promotion.locales, locale: locale)
    }

    /// Whether a promotion's locale entry (a tag or a language) matches any of the pages' locales.
    public static func targetsAny(_ entry: String, of locales: Set<String>) -> Bool {
        locales.contains { targets([entry], locale: $0) }
    }

    /// Whether a locale list (nil: all) includes a tag, by exact tag or by language, ignoring case.
    public static func targets(_ locales: [String]?, locale: String) -> Bool {
        guard let locales else { return true }
        let tag = locale.lowercased()
        let language = LocaleTag.language(locale)
        return locales.contains { $0.lowercased() == tag || $0.lowercased() == language }
    }
}
