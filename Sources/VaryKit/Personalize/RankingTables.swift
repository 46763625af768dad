import Foundation
import Intl

/// What ranking needs of the catalog, worked out once per build so that a page only combines it: the
/// products each region can offer, each segment's interest in every product, and prices per set of promotions.
public struct RankingTables: Sendable {
    let products: [Product]
    let ancestry: [[String]]
    /// Each product's place when the catalog is sorted by id, for tie-breaks without comparing strings.
    let idOrder: [Int]
    /// Each product's category and brand as small numbers, for counting what is already placed.
    let categoryNumber: [Int]
    let brandNumber: [Int]
    let categoryCount: Int
    let brandCount: Int
    let indexByID: [String: Int]
    let regions: [String: RegionRanking]
    let segments: [String: SegmentRanking]
    /// The learned scores of the (region, segment) lists that have orders.
    private(set) var learned: [AudienceKey: LearnedList]
    /// The store's diversity strength, 0…1.
    let diversity: Double
    /// Which products (by catalog index) each of the store's promotion selections holds: a price looks up
    /// whether any promotion applies before working one out.
    let selected: [ProductSelection: [Bool]]
    /// Prices of a region's candidates by promotion list.
    let pricing = RecentRegionCache<[String], [PricedProduct]>()
    /// The ranking orders of the audiences ranked lately (they depend on the learned lists, unlike prices).
    private(set) var orders = RankingOrderCache()

    /// Tables for every region and segment of the content.
    public init(content: StoreContent, popularity: RegionalPopularity, learned: LearnedModel = .none) {
        self.init(
            products: content.products, regions: content.regions, segments: content.segments, popularity: popularity,
            learned: learned, diversity: content.site.learning.diversity, promotions: content.promotions)
    }

    /// Tables for the given regions and segments only, as one page needs.
    init(
        products: [Product], regions: [Region], segments: [Segment], popularity: RegionalPopularity,
        learned: LearnedModel = .none, diversity: Double = 1, promotions: [Promotion] = []
    ) {
        self.products = products
        let ancestry = products.map(\.categoryAncestry)
        self.ancestry = ancestry
        var idOrder = [Int](repeating: 0, count: products.count)
        for (place, index) in products.indices.sorted(by: { products[$0].id < products[$1].id }).enumerated() {
            idOrder[index] = place
        }
        self.idOrder = idOrder
        var categories: [String: Int] = [:]
        var brands: [String: Int] = [:]
        categoryNumber = products.map { product in
            if let number = categories[product.category] { return number }
            categories[product.category] = categories.count
            return categories.count - 1
        }
        brandNumber = products.map { product in
            if let number = brands[product.brand] { return number }
            brands[product.brand] = brands.count
            return brands.count - 1
        }
        categoryCount = categories.count
        brandCount = brands.count
        indexByID = Dictionary(products.indices.map { (products[$0].id, $0) }, uniquingKeysWith: { _, last in last })
        // Each region's and segment's table is its own work: made in parallel, the first of a repeated id kept.
        func firstOfEach<Item>(_ items: [Item], id: (Item) -> String) -> [Item] {
            var seen: Set<String> = []
            return items.filter { seen.insert(id($0)).inserted }
        }
        let uniqueRegions = firstOfEach(regions, id: \.id)
        let uniqueSegments = firstOfEach(segments, id: \.id)
        let regionTables = Dictionary(uniqueKeysWithValues: zip(uniqueRegions.map(\.id), parallelMap(uniqueRegions) {
            RegionRanking(products: products, region: $0, popularity: popularity)
        }))
        self.regions = regionTables
        let segmentTables = Dictionary(uniqueKeysWithValues: zip(uniqueSegments.map(\.id), parallelMap(uniqueSegments) {
            SegmentRanking(products: products, ancestry: ancestry, segment: $0)
        }))
        self.segments = segmentTables
        self.learned = Self.lists(learned, regions: regionTables, segments: segmentTables)
        self.diversity = diversity
        let selections = Array(Set(promotions.map(\.appliesTo)))
        selected = Dictionary(uniqueKeysWithValues: zip(selections, parallelMap(selections) { selection in
            products.indices.map { selection.contains(products[$0], ancestry: ancestry[$0]) }
        }))
    }

    /// The same tables with another learned model, sharing the rest (prices included), as choosing weights needs.
    func learning(_ model: LearnedModel) -> RankingTables {
        var tables = self
        tables.learned = Self.lists(model, regions: regions, segments: segments)
        tables.orders = RankingOrderCache()
        return tables
    }

    private static func lists(_ model: LearnedModel, regions: [String: RegionRanking], segments: [String: SegmentRanking])
        -> [AudienceKey: LearnedList]
    {
        var lists: [AudienceKey: LearnedList] = [:]
        for (key, evidence) in model.evidence where !key.isEverywhere {
            guard let region = regions[key.region], segments[key.segment] != nil else { continue }
            lists[key] = LearnedList(
                regional: evidence, everywhere: model.evidence[.everywhere(key.segment)], weights: model.weights, region: region)
        }
        return lists
    }

    /// The prices of a region's candidates under a list of promotions, computed once per region and list.
    func prices(_ region: RegionRanking, audience: PageAudience, promotions: [Promotion]) -> [PricedProduct] {
        let key = promotions.map(\.id)
        if let known = pricing.lookup(audience.region.id, key) { return known }
        let selects = promotions.map(selection(of:))
        let priced = region.candidates.indices.map {
            candidatePrice(at: $0, region, audience: audience, promotions: promotions, selects: selects)
        }
        pricing.store(audience.region.id, key, priced)
        return priced
    }

    /// The prices of the region's candidates at `positions` under a list of promotions, as `prices` has them: taken
    /// from the region's table when a page made it, else each worked out alone, as a promotion page needs a few and a
    /// build that ranks few landing pages again makes no table for them.
    func prices(at positions: [Int], _ region: RegionRanking, audience: PageAudience, promotions: [Promotion]) -> [PricedProduct] {
        if let known = pricing.lookup(audience.region.id, promotions.map(\.id)) { return positions.map { known[$0] } }
        let selects = promotions.map(selection(of:))
        return positions.map { candidatePrice(at: $0, region, audience: audience, promotions: promotions, selects: selects) }
    }

    /// Whether `promotion` selects the catalog's product at an index: looked up in `selected` when it is one of
    /// the store's selections.
    func selection(of promotion: Promotion) -> (Int) -> Bool {
        if let members = selected[promotion.appliesTo] { return { members[$0] } }
        return { [products, ancestry] in promotion.appliesTo.contains(products[$0], ancestry: ancestry[$0]) }
    }

    /// The price of the region's candidate at `position` (so it has a price there), as `price(_:audience:promotions:)`
    /// has it: the region's price when none of the promotions `selects` the product, else the promotions applied.
    private func candidatePrice(
        at position: Int, _ region: RegionRanking, audience: PageAudience, promotions: [Promotion], selects: [(Int) -> Bool]
    ) -> PricedProduct {
        let index = region.candidates[position]
        let currency = audience.region.currency
        let selling = Money(minorUnits: region.selling[position], currency: currency)
        let regular = Money(minorUnits: region.regular[position], currency: currency)
        if !selects.contains(where: { $0(index) }) { return PricedProduct(regular: regular, final: selling, applied: []) }
        return applyPromotions(to: selling, of: products[index], ancestry: ancestry[index], promotions: promotions, regular: regular)
    }
}

/// What a region can offer: the products it sells, has in stock and prices in its currency, with their
/// popularity and season inputs.
struct RegionRanking: Sendable {
    /// Catalog indices, in catalog order.
    let candidates: [Int]
    /// Catalog index → position in `candidates`, or -1.
    let position: [Int]
    let popularity: [Double]
    /// The regional order score when the region has orders.
    let trending: [Double?]
    let inSeason: [Bool]
    /// Each candidate's price in the region before promotions, and the regular price shown (its compare-at price
    /// when that is above it), in minor units of the region's currency (a large catalog has hundreds of thousands).
    let selling: [Int]
    let regular: [Int]

    init(products: [Product], region: Region, popularity regional: RegionalPopularity) {
        var candidates: [Int] = []
        var position = [Int](repeating: -1, count: products.count)
        var selling: [Int] = []
        var regular: [Int] = []
        for (index, product) in products.enumerated() where product.isInStock(in: region.id) {
            guard let price = product.price(in: region), price.currency == region.currency else { continue }
            position[index] = candidates.count
            candidates.append(index)
            selling.append(price.minorUnits)
            regular.append((product.compareAtPrice(in: region, above: price) ?? price).minorUnits)
        }
        self.candidates = candidates
        self.position = position
        self.selling = selling
        self.regular = regular
        popularity = candidates.map { unit(products[$0].popularity) }
        let hasOrders = regional.hasOrders(in: region.id)
        trending = candidates.map { hasOrders ? regional.score(of: products[$0].id, in: region.id) : nil }
        inSeason = candidates.map { Scoring.seasonTag(products[$0], region) != nil }
    }
}

/// What a segment makes of every product: whether it excludes it and, when it has interests, `A`.
struct SegmentRanking: Sendable {
    let excluded: [Bool]
    /// `A` per catalog index; empty when the segment has no interests.
    let affinity: [Double]

    init(products: [Product], ancestry: [[String]], segment: Segment) {
        let exclude = segment.exclude
        let excludedIDs = Set(exclude.products.map(\.id))
        let nothingExcluded = exclude.products.isEmpty && exclude.categories.isEmpty && exclude.tags.isEmpty
        excluded = products.indices.map { index in
            if nothingExcluded { return false }
            let product = products[index]
            return excludedIDs.contains(product.id) || ancestry[index].contains(where: exclude.categories.contains)
                || product.tags.contains(where: exclude.tags.contains)
        }
        affinity = segment.affinity.isEmpty
            ? [] : products.indices.map { AffinityMatch.value(products[$0], ancestry: ancestry[$0], segment.affinity) }
    }
}

/// Values worked out for pages of a region (prices, ranking orders), kept for the few regions used last.
///
/// Whichever page needs a value first makes it (two threads may both make one; they make the same). Pages are
/// planned sorted by path, so a region's pages come together and its values are made about once; keeping only
/// the last regions' values keeps memory flat however many regions the store has. A value dropped and needed
/// again is made again, the same.
final class RecentRegionCache<Key: Hashable, Value>: @unchecked Sendable {
    // @unchecked: every access to `values` and `recent` happens while holding `lock`.
    private let lock = NSLock()
    private let regions: Int
    private var values: [String: [Key: Value]] = [:]
    /// Regions with values, the one used last at the end.
    private var recent: [String] = []

    /// A cache keeping the values of `regions` regions at most.
    init(regions: Int = 8) { self.regions = max(regions, 1) }

    func lookup(_ region: String, _ key: Key) -> Value? {
        lock.withLock {
            guard let value = values[region]?[key] else { return nil }
            touch(region)
            return value
        }
    }

    /// Keeps `value` for `region` and `key`, unless `keeping` says the value already kept there is to stay.
    func store(_ region: String, _ key: Key, _ value: Value, keeping: (Value) -> Bool = { _ in false }) {
        lock.withLock {
            if let known = values[region]?[key], keeping(known) { return }
            values[region, default: [:]][key] = value
            touch(region)
            while recent.count > regions { values[recent.removeFirst()] = nil }
        }
    }

    /// Every value kept.
    var all: [Value] { lock.withLock { values.values.flatMap(\.values) } }

    private func touch(_ region: String) {
        if recent.last == region { return }
        recent.removeAll { $0 == region }
        recent.append(region)
    }
}

/// Ranking orders by audience and promotion list, for the regions ranked last (`RecentRegionCache`).
final class RankingOrderCache: Sendable {
    struct Key: Hashable {
        var segment: String
        /// The segment's price ceiling in the region's currency, in minor units.
        var ceiling: Int?
        var promotions: [String]
    }

    /// An audience's ranking of `limit` products: its order's key and the limit.
    struct RankingKey: Hashable {
        var order: Key
        var limit: Int
    }

    private let orders = RecentRegionCache<Key, RankingOrder>()
    /// The finished rankings: an audience's ranking does not depend on the page's locale, so the region's other
    /// locales take it as it is.
    private let rankings = RecentRegionCache<RankingKey, [RankedProduct]>(regions: 2)

    func lookup(_ region: String, _ key: Key) -> RankingOrder? { orders.lookup(region, key) }

    func ranking(_ region: String, _ key: RankingKey) -> [RankedProduct]? { rankings.lookup(region, key) }

    func store(_ region: String, _ key: RankingKey, _ ranking: [RankedProduct]) { rankings.store(region, key, ranking) }

    /// Keeps `value`, unless an order as long is kept already (another thread made one meanwhile).
    func store(_ region: String, _ key: Key, _ value: RankingOrder) {
        orders.store(region, key, value) { known in known.isComplete || known.best.count >= value.best.count }
    }

    /// How many orders are kept.
    var count: Int { orders.all.count }

    /// How many finished rankings are kept.
    var rankingCount: Int { rankings.all.count }

    /// How many candidates the kept orders hold, all together.
    var candidateCount: Int { orders.all.reduce(0) { $0 + $1.best.count } }
}
