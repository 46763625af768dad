import Intl
import Mustache

/// The parts of page models that depend only on a page's region and locale (and the build), made once and
/// reused by the following pages of the same region and locale.
///
/// One rendering thread keeps one of these while it renders consecutive pages; pages are planned sorted by
/// path, so each region and locale comes as a run. It is never shared between threads.
final class LocaleParts {
    let regionID: String
    let tag: String
    let locale: PageLocale
    /// The message tree with everything but the messages that use `{segment}` or `{count}` formatted.
    let messages: Localizer.SharedTree
    /// Product cards without `rank`, `isPinned` and `reasons`, by product and price, with their digest.
    var cards: [CardKey: SharedFields] = [:]
    var reasons: [Reason: String] = [:]
    /// Promotion cards without products, by promotion id.
    var promotionCards: [String: Value] = [:]
    var bundleCards: [String: Value] = [:]
    /// JSON-LD product texts up to the page URL (`JSONLD.offerHead`), by product id and price.
    var offers: [OfferKey: String] = [:]
    /// Alternates by the canonical page's kind, segment and item (they do not depend on its region and locale), with
    /// the `og:locale:alternate` values they give a page of this region and locale.
    var alternates: [String: PageModelBuilder.FamilyAlternates] = [:]
    /// The "shop as" links with `isCurrent` false, in segment order.
    var segmentLinks: [Value]?
    var region: Value?
    /// The native name of each of the region's locales, in the region's order.
    var localeNames: [String]?
    var localeModel: Value?
    private var categoryNames: [String: String] = [:]
    private var categoryPaths: [String: Value] = [:]

    private var tagNames: [String: String] = [:]
    private var brandNames: [String: String] = [:]

    /// `PageLocale.categoryName`, remembered.
    func categoryName(_ path: String) -> String {
        if let known = categoryNames[path] { return known }
        let name = locale.categoryName(path)
        categoryNames[path] = name
        return name
    }

    /// A card's `categoryPath` (`CardBuilder.categoryPath`), remembered by category.
    func categoryPath(of product: Product) -> Value {
        if let known = categoryPaths[product.category] { return known }
        let path = CardBuilder.categoryPath(of: product, name: categoryName)
        categoryPaths[product.category] = path
        return path
    }

    /// `PageLocale.name` of a tag or brand, remembered (a tag without a name is made readable from its id each time
    /// otherwise).
    func name(_ kind: Taxonomy.Kind, _ id: String) -> String {
        switch kind {
        case .tags: return remembered(id, in: &tagNames, kind)
        case .brands: return remembered(id, in: &brandNames, kind)
        case .categories: return categoryName(id)
        case .seasons: return locale.name(kind, id)
        }
    }

    private func remembered(_ id: String, in names: inout [String: String], _ kind: Taxonomy.Kind) -> String {
        if let known = names[id] { return known }
        let name = locale.name(kind, id)
        names[id] = name
        return name
    }

    /// A product and its price on a page, which together fix everything on its card but rank, pin and reasons.
    struct CardKey: Hashable {
        var product: String
        var price: PricedProduct
        /// What a price reduction rule makes of the price, which depends on the page's segment too.
        var prior: PriorPrice?
    }

    /// A product and the price its structured data shows.
    struct OfferKey: Hashable {
        var product: String
        var price: Money
    }

    init(region: Region, tag: String, inputs: BuildInputs) {
        regionID = region.id
        self.tag = tag
        locale = PageLocale(tag: tag, region: region, inputs: inputs)
        let site = inputs.content.site
        messages = locale.localizer.sharedTree(
            ["site": .string(site.name), "region": .string(locale.text(region.name, defaultTag: site.defaultLocale))],
            varying: ["segment", "count"])
        // A run of pages shows a few hundred cards and offers: room for them at once, instead of rehashing every key
        // (a price with its promotions) each time the tables double.
        let room = min(Self.expectedCards, inputs.content.products.count)
        cards.reserveCapacity(room)
        offers.reserveCapacity(room)
    }

    /// How many cards and offers a region and locale's pages show, about, in a mid-size store.
    private static let expectedCards = 384

    /// These parts when they are for `region` and `tag`, else new ones.
    static func reuse(_ parts: LocaleParts?, region: Region, tag: String, inputs: BuildInputs) -> LocaleParts {
        if let parts, parts.regionID == region.id, parts.tag == tag { return parts }
        return LocaleParts(region: region, tag: tag, inputs: inputs)
    }
}
