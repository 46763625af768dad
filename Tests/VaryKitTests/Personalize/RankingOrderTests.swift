import Intl
import Testing
@testable import VaryKit

/// The ranking a page gets from its audience's shared order (`rank(using:…)`) is the one ranking over every
/// candidate gives (`rankExhaustively`), on generated catalogs large enough that pages use only the head of
/// the order, and crowded enough (few categories and brands, tied scores) that some scans run past its head.
@Suite("Ranking from a shared order")
struct RankingOrderTests {
    typealias F = StoreFixture

    /// A deterministic generator (SplitMix64), so that a failing catalog can be made again.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    /// A store of `count` products over `categories` × `brands`, with popularity in `popularitySteps` steps (few: scores tie),
    /// some products unsold, out of stock or unpriced in a region, three regions (one with recent orders), segments
    /// with interests, ceilings, exclusions and pins (some deep in the catalog), and promotions for some categories.
    static func store(seed: UInt64, count: Int, categories: Int, brands: Int, popularitySteps: Int = 20)
        -> (content: StoreContent, popularity: RegionalPopularity, promotions: [String: [Promotion]])
    {
        var random = Generator(state: seed)
        let tags = ["rain", "snow", "light", "warm", "kids", "trail"]
        let regions = [
            F.region("de", locales: ["de-DE"], seasons: ["snow"]), F.region("fr", locales: ["fr-FR"]),
            F.region("jp", currency: F.jpy, locales: ["ja-JP"]),
        ]
        let products = (0..<count).map { number in
            let category = "c\(random.below(categories))/s\(random.below(2))"
            let productTags = tags.filter { _ in random.chance(25) }
            var stock: [String: Int] = [:]
            for region in ["de", "fr", "jp"] where random.chance(92) { stock[region] = random.chance(95) ? 1 + random.below(9) : 0 }
            var prices = ["EUR": F.money("\(5 + random.below(300)).\(random.below(10))0", F.eur)]
            if random.chance(70) { prices["JPY"] = F.money("\(500 + random.below(40_000))", F.jpy) }
            return F.product(
                "p\(String(number, radix: 36))", category: category, brand: "b\(random.below(brands))", tags: productTags,
                prices: prices, stock: stock, popularity: Double(random.below(popularitySteps + 1)) / Double(popularitySteps))
        }
        let ids = products.map(\.id)
        let segments = [
            F.segment("everyone"),
            F.segment("hikers", affinity: Affinity(categories: ["c0": 1.0, "c1/s1": 0.6], tags: ["trail": 0.5, "rain": 0.5, "light": 0.25])),
            F.segment(
                "budget", affinity: Affinity(brands: ["b0": 0.8, "b1": 0.4]),
                priceCeiling: ["EUR": F.eur("90.00"), "JPY": F.money("9000", F.jpy)],
                pinned: [ids[count - 1], "missing", ids[count / 2], ids[count - 1]],
                exclude: Exclusions(categories: ["c2"], tags: ["kids"], products: [F.ref(ids[3])])),
            F.segment(
                "vip", affinity: Affinity(categories: ["c1": 0.9], tags: ["warm": 1.0], brands: ["b2": 0.3]),
                pinned: (0..<6).map { ids[(count / 7) * $0 + 5] }),
        ]
        let promotions = [
            F.promotion("sale", .percent(15), appliesTo: ProductSelection(categories: ["c0", "c3"])),
            F.promotion("extra", .percent(5), appliesTo: ProductSelection(tags: ["snow"]), stackable: true),
            F.promotion("yen", .amount(["JPY": F.money("700", F.jpy)]), appliesTo: ProductSelection(categories: ["c1"])),
        ]
        let orders = (0..<count / 3).map { number in
            F.order("o\(number)", ids[random.below(count)], quantity: 1 + random.below(3), region: "de", daysAgo: Double(random.below(60)))
        }
        let content = F.content(products: products, segments: segments, regions: regions, promotions: promotions, orders: orders)
        // Three promotion lists: none, one, and all (as locale-limited promotions make lists differ by locale).
        let lists: [String: [Promotion]] = ["none": [], "sale": [promotions[0]], "all": promotions]
        return (content, RegionalPopularity(orders: orders, now: F.now), lists)
    }

    /// Every region × segment × promotion list × limit of the store, ranked both ways; how many candidates the
    /// shared orders hold in the end, and how many the full rankings looked at.
    @discardableResult
    func compareEveryAudience(seed: UInt64, count: Int, categories: Int, brands: Int, popularitySteps: Int = 20, limits: [Int])
        -> (ordered: Int, all: Int)
    {
        let store = Self.store(seed: seed, count: count, categories: categories, brands: brands, popularitySteps: popularitySteps)
        let tables = RankingTables(content: store.content, popularity: store.popularity)
        var all = 0
        for region in store.content.regions {
            for segment in store.content.segments {
                for (name, promotions) in store.promotions.sorted(by: { $0.key < $1.key }) {
                    for limit in limits {
                        let audience = F.audience(region: region, locale: region.locales[0], segment: segment)
                        let fast = rank(using: tables, audience: audience, promotions: promotions, popularity: store.popularity, limit: limit)
                        let full = rankExhaustively(
                            using: tables, audience: audience, promotions: promotions, popularity: store.popularity, limit: limit)
                        #expect(fast == full, "seed \(seed), \(region.id), \(segment.id), promotions \(name), limit \(limit)")
                        #expect(!full.isEmpty)
                    }
                    all += tables.regions[region.id]!.candidates.count
                }
            }
        }
        return (tables.orders.candidateCount, all)
    }

    @Test("a page ranked from its audience's shared order gets exactly the products, order, scores and reasons of a full ranking")
    func sameAsExhaustive() {
        for seed in [1, 2, 3] as [UInt64] {
            let counts = compareEveryAudience(seed: seed, count: 1_500, categories: 12, brands: 9, popularitySteps: 1_000, limits: [1, 7, 24])
            #expect(counts.ordered * 2 < counts.all, "pages use only the head of their order")
        }
    }

    @Test("a crowded catalog, whose scans run past the shared order's first head, still ranks as a full ranking does")
    func crowdedSameAsExhaustive() {
        // Two categories and two brands (every place penalizes most candidates) and 21 popularity levels (many
        // candidates tie): scans go deep.
        compareEveryAudience(seed: 7, count: 900, categories: 2, brands: 2, limits: [24, 80, 200])
        compareEveryAudience(seed: 8, count: 1_500, categories: 12, brands: 9, limits: [1, 7, 24])
    }

    @Test("a small catalog, held whole by the shared order, ranks as a full ranking does")
    func smallSameAsExhaustive() {
        compareEveryAudience(seed: 11, count: 40, categories: 5, brands: 3, limits: [3, 24, 60])
    }

    @Test("pages of the same audience and promotions share one order, and another promotion list gets its own")
    func orderShared() {
        let store = Self.store(seed: 5, count: 400, categories: 8, brands: 5)
        let tables = RankingTables(content: store.content, popularity: store.popularity)
        let region = store.content.regions[0]
        let segment = store.content.segments[1]
        let first = F.audience(region: region, locale: "de-DE", segment: segment)
        let second = F.audience(region: region, locale: "en-DE", segment: segment)
        let a = rank(using: tables, audience: first, promotions: store.promotions["sale"]!, popularity: store.popularity, limit: 24)
        let b = rank(using: tables, audience: second, promotions: store.promotions["sale"]!, popularity: store.popularity, limit: 24)
        #expect(a == b)
        #expect(tables.orders.count == 1)
        _ = rank(using: tables, audience: first, promotions: store.promotions["all"]!, popularity: store.popularity, limit: 24)
        #expect(tables.orders.count == 2)
    }

    @Test("a region's other locale takes the ranking its first locale made, and another limit or segment is ranked anew")
    func rankingShared() {
        let store = Self.store(seed: 6, count: 400, categories: 8, brands: 5)
        let tables = RankingTables(content: store.content, popularity: store.popularity)
        let region = store.content.regions[0]
        let segment = store.content.segments[1]
        let sale = store.promotions["sale"]!
        let first = rank(using: tables, audience: F.audience(region: region, locale: "de-DE", segment: segment), promotions: sale,
                         popularity: store.popularity, limit: 24)
        #expect(tables.orders.rankingCount == 1)
        let other = F.audience(region: region, locale: "en-DE", segment: segment)
        #expect(rank(using: tables, audience: other, promotions: sale, popularity: store.popularity, limit: 24) == first)
        #expect(tables.orders.rankingCount == 1)
        let shorter = rank(using: tables, audience: other, promotions: sale, popularity: store.popularity, limit: 7)
        #expect(shorter == rankExhaustively(using: tables, audience: other, promotions: sale, popularity: store.popularity, limit: 7))
        let otherSegment = F.audience(region: region, locale: "en-DE", segment: store.content.segments[0])
        _ = rank(using: tables, audience: otherSegment, promotions: sale, popularity: store.popularity, limit: 24)
        #expect(tables.orders.rankingCount == 3)
    }
}
