import Intl
import Mustache

/// What a page's view model takes from the catalog, worked out without building the model: the products whose
/// data it shows, and a digest of its selection (which products, in which order, at which prices, ranks, reasons
/// and pins, with which bundles). The model is a function of these, of the products' own data and of what is not
/// the catalog, so a page whose selection digest is unchanged and none of whose products changed has the model it
/// had (`CatalogChanges`).
///
/// Per page kind the selection covers: on every page, the promotions it lists (`Planner.hasPage`) and, when its
/// templates can read them, the region's bundles for its segment (ids, items with quantities and unit prices, price,
/// original, saving); on a landing page
/// the ranked products (id, rank, pin, price after promotions, reasons, prior price); on a promotion page its
/// products with their prices; on a bundle page its bundle; on a product page its product's price, its cross-sell
/// items (baskets, complement flag, price), its generated bundle and the bundles that hold it. Configurator pages
/// read more of the catalog (the configurator's products and combinations): their selection is not complete and
/// they are always built.
struct PageSelection: Sendable {
    /// A landing page's ranked products, handed to the builder so that ranking runs once per page.
    var ranked: [RankedProduct]?
    /// A promotion page's products and their prices, likewise.
    var promoted: [(Product, PricedProduct)]?
    /// A product page's cross-sell items, likewise.
    var crossSell: [CrossSellItem]?
    /// The ids of the products whose data the model shows, including products a reason names.
    var products: Set<String> = []
    /// The digest of the selection; empty when the selection is not complete.
    var digest = ""
    /// A landing page's ranking, whose digest is the selection's part for it.
    var ranking: RankingRead?
    /// Whether the products and the digest account for everything the model takes from the catalog.
    var isComplete: Bool { !digest.isEmpty }
}

/// What the next build needs of a landing page's ranking to tell, without ranking the page again, that products it
/// did not show cannot change it: the ranking's digest and the score below which such a product stays out.
///
/// The ranking places the segment's pins, then at each place the candidate with the best penalized score, which is
/// at most its base score (`Ranking.swift`). When no product the ranking shows changed and every other product's
/// score is what it was (`CatalogChanges.keepsScores`), a changed product that is not pinned and whose base score is
/// below every score the ranking placed by loses at every place, as it did: the ranking is the same. A list that is
/// not full placed every candidate, so there a changed product must be no candidate at all.
struct RankingRead: Sendable, Hashable {
    var digest: String
    /// The lowest score a product was placed by when the list is full (infinity when pins fill it), minus infinity
    /// when it is not.
    var bound: Double

    init(digest: String, bound: Double) {
        self.digest = digest
        self.bound = bound
    }

    /// The read of `ranked`, a list of at most `limit` products.
    init(_ ranked: [RankedProduct], digest: String, limit: Int) {
        self.digest = digest
        bound = ranked.count < limit ? -.infinity : ranked.lazy.filter { !$0.pinned }.map(\.score).min() ?? .infinity
    }
}

extension PageModelBuilder {
    /// The audience of a page and the promotions running for it.
    private func audience(of page: PageSpec) -> (PageAudience, [Promotion]) {
        let site = inputs.content.site
        let region = page.region.flatMap { inputs.regionsByID[$0] } ?? inputs.regionsByID[site.defaultRegion.id]!
        let tag = page.locale ?? site.defaultLocale
        let segment = page.segment.flatMap { inputs.segmentsByID[$0] } ?? inputs.segmentsByID[site.defaultSegment.id]!
        let audience = PageAudience(region: region, localeTag: tag, segment: segment)
        return (audience, activePromotions(inputs.activePromotions, for: audience, at: inputs.now))
    }

    /// Whether the products `changed` cannot change the ranking `kept` of the landing page `page`, given that it shows
    /// none of them and every other product scores as it did (`RankingRead`).
    func keeps(_ kept: RankingRead, of page: PageSpec, changed: Set<String>) -> Bool {
        let (audience, promotions) = audience(of: page)
        return changed.allSatisfy { id in
            guard !audience.segment.pinned.contains(where: { $0.id == id }) else { return false }
            guard let base = inputs.ranking.base(of: id, audience: audience, promotions: promotions) else { return true }
            return base < kept.bound
        }
    }

    /// The selection of one page (`PageSelection`); `readsBundles` says whether its templates can read the
    /// model's `bundles` (`TemplateRoots`), the region's bundles, whose items' cards it then shows. With `kept`, a
    /// landing page's ranking known to be unchanged (`keeps(_:of:changed:)`), the page is not ranked: the selection
    /// has the kept ranking's digest, and neither the ranked products nor their ids.
    func selection(for page: PageSpec, readsBundles: Bool = true, kept: RankingRead? = nil) -> PageSelection {
        let site = inputs.content.site
        let (audience, promotions) = audience(of: page)
        let (region, tag, segment) = (audience.region, audience.localeTag, audience.segment)
        var result = PageSelection()
        var bytes: [UInt8] = []
        func add(_ text: String) { ModelBytes.append(.string(text), to: &bytes) }
        func add(_ number: Int) { ModelBytes.append(.int(number), to: &bytes) }
        func add(_ money: Money) {
            add(money.minorUnits)
            add(money.currency.code)
        }
        func add(_ priced: PricedProduct?, of product: Product) {
            guard let priced else { return add("unpriced") }
            add(priced.regular)
            add(priced.final)
            add(priced.applied.count)
            for applied in priced.applied {
                add(applied.promotion)
                add(applied.saving)
            }
            if priced.isDiscounted, let prior = inputs.priorPrices.prior(of: product.id, for: audience) {
                StableBytes.append(prior, to: &bytes)
            } else {
                add("no prior")
            }
        }
        func add(_ reasons: [Reason]) {
            add(reasons.count)
            for reason in reasons {
                switch reason {
                case .pinned: add("pinned")
                case .popular: add("popular")
                case .trending: add("trending")
                case .category(let path): add("category " + path)
                case .tag(let tag): add("tag " + tag)
                case .brand(let brand): add("brand " + brand)
                case .season(let season): add("season " + season)
                case .promotion(let id): add("promotion " + id)
                case .segmentPopular(let id): add("segmentPopular " + id)
                case .boughtTogether(let count): add("boughtTogether \(count)")
                case .boughtWith(let id):
                    add("boughtWith " + id)
                    result.products.insert(id)
                case .complement(let id):
                    add("complement " + id)
                    result.products.insert(id)
                }
            }
        }
        func add(_ bundle: PricedBundle) {
            add(bundle.bundle.id)
            add(bundle.items.count)
            for item in bundle.items {
                add(item.product.id)
                add(item.quantity)
                add(item.unitPrice)
                result.products.insert(item.product.id)
            }
            add(bundle.original)
            add(bundle.price)
            add(bundle.saving)
        }
        add(page.kind.rawValue)
        switch page.kind {
        case .landing:
            if let kept {
                result.ranking = kept
            } else {
                let ranked = rank(
                    using: inputs.ranking, audience: audience, promotions: promotions, popularity: inputs.popularity,
                    limit: site.recommendations)
                // The ranking's bytes are digested apart, and their digest stands for them, so that a build that
                // keeps the ranking can make the selection's digest without it.
                let start = bytes.count
                add(ranked.count)
                for item in ranked {
                    add(item.product.id)
                    add(item.rank)
                    add(item.pinned ? "pinned" : "placed")
                    add(item.price, of: item.product)
                    add(item.reasons)
                    result.products.insert(item.product.id)
                }
                result.ranked = ranked
                result.ranking = RankingRead(ranked, digest: InputsHash.hex(Array(bytes[start...])), limit: site.recommendations)
                bytes.removeSubrange(start...)
            }
            add(result.ranking!.digest)
        case .promotion:
            if let promotion = inputs.activePromotions.first(where: { $0.id == page.item }) {
                let items = promotionProducts(promotion, audience: audience, promotions: promotions)
                add(items.count)
                for (product, price) in items {
                    add(product.id)
                    add(price, of: product)
                    result.products.insert(product.id)
                }
                result.promoted = items
            } else {
                add("no promotion")
            }
        case .bundle:
            if let priced = inputs.bundles[region.id]?.first(where: { $0.bundle.id == page.item }) {
                add(priced)
            } else {
                add("no bundle")
            }
        case .product:
            if let product = page.item.flatMap({ inputs.productsByID[$0] }) {
                result.products.insert(product.id)
                add(price(product, audience: audience, promotions: promotions), of: product)
                let items = inputs.crossSell.items(
                    for: product, in: region, products: inputs.productsByID, limit: site.productPages.crossSell)
                add(items.count)
                for item in items {
                    add(item.product.id)
                    add(item.baskets)
                    add(item.isComplement ? "complement" : "bought")
                    add(price(item.product, audience: audience, promotions: promotions), of: item.product)
                    result.products.insert(item.product.id)
                }
                result.crossSell = items
                if let generated = inputs.crossSell.bundles[region.id]?[product.id] {
                    add(generated)
                    // A generated bundle's title and pricing come from its product and the settings, but say so.
                    StableBytes.append(generated.bundle, to: &bytes)
                } else {
                    add("no generated bundle")
                }
                let holding = (inputs.bundles[region.id] ?? []).filter { $0.items.contains { $0.product.id == product.id } }
                add(holding.count)
                for bundle in holding { add(bundle) }
            } else {
                add("no product")
            }
        case .configure:
            return result
        case .chooser, .notFound:
            break
        }
        let listed = promotions.filter { Planner.hasPage($0, region: region.id, locale: tag, now: inputs.now) }
        add(listed.count)
        for promotion in listed { add(promotion.id) }
        if readsBundles {
            let bundles = (inputs.bundles[region.id] ?? []).filter { $0.bundle.segments?.contains { $0.id == segment.id } ?? true }
            add(bundles.count)
            for bundle in bundles { add(bundle) }
        } else {
            add("bundles not read")
        }
        result.digest = InputsHash.hex(bytes)
        return result
    }
}
