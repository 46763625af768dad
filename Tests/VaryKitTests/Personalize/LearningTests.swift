import Foundation
import Testing
@testable import VaryKit

/// The learned model on small hand-made order sets: decay, co-purchase, shrinkage, the minimum-customer rule, determinism.
@Suite("Learning from what segments buy")
struct LearningTests {
    typealias F = StoreFixture

    /// An order line of a customer of a segment in region `de`.
    static func line(
        _ order: String, _ product: String, customer: String?, segment: String? = "runners", daysAgo: Double = 1
    ) -> Order {
        var line = F.order(order, product, daysAgo: daysAgo)
        line.customer = customer
        line.segment = segment.map(F.ref)
        return line
    }

    /// Each of `customers` buys every product of `products` in one order.
    static func baskets(_ products: [String], customers: ClosedRange<Int>, segment: String? = "runners", daysAgo: Double = 1)
        -> [Order]
    {
        customers.flatMap { number in
            products.map { line("o-\(products.joined())-\(number)", $0, customer: "c\(number)", segment: segment, daysAgo: daysAgo) }
        }
    }

    static let products = [
        F.product("shoe", category: "footwear/trail", brand: "kumo", popularity: 0.1),
        F.product("vest", category: "packs/vests", brand: "kumo", popularity: 0.1),
        F.product("jacket", category: "apparel/jackets", brand: "alpine", popularity: 0.9),
        F.product("tent", category: "camping/tents", brand: "basecamp", popularity: 0.8),
    ]

    static func evidence(_ orders: [Order], settings: RecommendationSettings = RecommendationSettings(), now: Date = F.now)
        -> SegmentEvidence?
    {
        LearnedModel.evidence(orders: orders, products: products.sorted { $0.id < $1.id }, now: now, settings: settings)[
            AudienceKey(region: "de", segment: "runners")]
    }

    static func entry(_ evidence: SegmentEvidence?, _ id: String) -> SegmentEvidence.Entry? {
        let sorted = products.sorted { $0.id < $1.id }
        return evidence?.entries.first { sorted[$0.index].id == id }
    }

    @Test("a segment's order 30 days old weighs half as much as one placed now")
    func decay() {
        let orders = Self.baskets(["shoe"], customers: 1...3, daysAgo: 0) + Self.baskets(["vest"], customers: 4...6, daysAgo: 30)
        let evidence = Self.evidence(orders)
        #expect(Self.entry(evidence, "shoe")?.popularity == 1)
        #expect(abs((Self.entry(evidence, "vest")?.popularity ?? 0) - 0.5) < 1e-12)
        var slow = RecommendationSettings()
        slow.halfLifeDays = 60
        #expect(abs((Self.entry(Self.evidence(orders, settings: slow), "vest")?.popularity ?? 0) - exp2(-0.5)) < 1e-12)
    }

    @Test("Jaccard similarity counts customers who bought both over those who bought either")
    func jaccard() {
        // Customers 0…3 bought shoe and vest (in separate orders: histories, not only baskets), customer 4 only shoe.
        var purchases = (0...3).flatMap { [($0, 0), ($0, 1)] }
        purchases.append((4, 0))
        let similarity = CoPurchase(purchases: purchases, productCount: 3, minimumCustomers: 3, similarity: .jaccard)
        #expect(similarity.neighbours[0].map(\.index) == [1])
        #expect(similarity.neighbours[0].first?.similarity == 4.0 / 5.0)
        #expect(similarity.neighbours[1].first?.similarity == 4.0 / 5.0)
        #expect(similarity.neighbours[2].isEmpty)
    }

    @Test("similarities counted for two windows in one pass equal those counted for each window alone")
    func twoWindows() {
        // Customers 0…5 bought 0 and 1 early; 3…8 bought 1 and 2, late for 6…8.
        var purchases: [(key: UInt64, early: Bool)] = []
        for customer in UInt64(0)...5 {
            purchases += [(customer << 32 | 0, true), (customer << 32 | 1, true)]
        }
        for customer in UInt64(3)...8 {
            purchases += [(customer << 32 | 1, customer < 6), (customer << 32 | 2, customer < 6)]
        }
        func alone(_ selected: [(key: UInt64, early: Bool)]) -> [[Int]] {
            CoPurchase(
                purchases: selected.map { (Int($0.key >> 32), Int($0.key & 0xFFFF_FFFF)) }, productCount: 3,
                minimumCustomers: 3, similarity: .jaccard
            ).neighbours.map { $0.map(\.index) }
        }
        let both = CoPurchase.pair(purchases, productCount: 3, minimumCustomers: 3, similarity: .jaccard)
        #expect(both.all.neighbours.map { $0.map(\.index) } == alone(purchases))
        #expect(both.early.neighbours.map { $0.map(\.index) } == alone(purchases.filter(\.early)))
        #expect(both.all.neighbours[1].map(\.similarity) == [6.0 / 9.0, 6.0 / 9.0])
        #expect(both.early.neighbours[1].map(\.similarity) == [6.0 / 6.0, 3.0 / 6.0])
    }

    @Test("lift scales each product's most similar neighbour to 1")
    func lift() {
        // shoe+vest by 3 of 6 customers, shoe+jacket by 3 others who also all bought jacket alone… lift favours vest.
        var purchases = (0...2).flatMap { [($0, 0), ($0, 1)] }
        purchases += (3...5).flatMap { [($0, 0), ($0, 2)] }
        purchases += (6...11).map { ($0, 2) }
        let similarity = CoPurchase(purchases: purchases, productCount: 3, minimumCustomers: 3, similarity: .lift)
        #expect(similarity.neighbours[0].map(\.index) == [1, 2])
        #expect(similarity.neighbours[0][0].similarity == 1)
        #expect(similarity.neighbours[0][1].similarity < 1)
    }

    @Test("what others buy with the segment's products scores by co-purchase, naming the product it goes with")
    func coPurchaseScore() {
        // Everyone else buys shoe with tent; the runners buy only shoe.
        let others = Self.baskets(["shoe", "tent"], customers: 10...15, segment: nil)
        let runners = Self.baskets(["shoe"], customers: 1...4)
        let tent = Self.entry(Self.evidence(others + runners), "tent")
        #expect(tent?.coPurchase == 1)
        #expect(tent?.popularity == 0)
        #expect(tent.map { Self.products.sorted { $0.id < $1.id }[$0.anchor].id } == "shoe")
    }

    @Test("a product bought by fewer than the minimum of distinct customers has no learned score")
    func minimumCustomers() {
        // Two customers buy the vest ten times each; three buy the shoe once.
        let vest = (1...10).flatMap { n in [Self.line("v\(n)", "vest", customer: "c1"), Self.line("w\(n)", "vest", customer: "c2")] }
        let shoe = Self.baskets(["shoe"], customers: 3...5)
        let evidence = Self.evidence(vest + shoe)
        #expect(Self.entry(evidence, "vest") == nil)
        #expect(Self.entry(evidence, "shoe")?.customers == 3)
        #expect(evidence?.customers == 5)
        var strict = RecommendationSettings()
        strict.minimumCustomers = 4
        #expect(Self.entry(Self.evidence(vest + shoe, settings: strict), "shoe") == nil)
        // A pair bought together by two customers is no similarity either.
        let pairs = CoPurchase(purchases: [(0, 0), (0, 1), (1, 0), (1, 1)], productCount: 2, minimumCustomers: 3, similarity: .jaccard)
        #expect(pairs.neighbours[0].isEmpty)
    }

    @Test("orders without a customer id count one customer per order")
    func ordersAsCustomers() {
        let orders = (1...3).map { Self.line("o\($0)", "shoe", customer: nil) }
        #expect(Self.entry(Self.evidence(orders), "shoe")?.customers == 3)
    }

    @Test("orders after now and orders without a segment teach no segment")
    func futureAndUnsegmented() {
        let future = Self.baskets(["shoe"], customers: 1...5, daysAgo: -2)
        let unsegmented = Self.baskets(["vest"], customers: 1...5, segment: nil)
        #expect(Self.evidence(future + unsegmented) == nil)
    }

    // MARK: Ranking

    static let runners = F.segment("runners", affinity: Affinity(categories: ["apparel": 1.0]))

    func ranked(_ orders: [Order], segment: Segment = LearningTests.runners, weights: LearnedModel.Weights? = nil) -> [RankedProduct] {
        let content = F.content(products: Self.products, segments: [segment], orders: orders)
        var model = LearnedModel.train(content, now: F.now)
        if let weights { model.weights = weights }
        return rank(
            content, audience: F.audience(segment: segment), promotions: [],
            popularity: RegionalPopularity(orders: orders, now: F.now), limit: 4, learned: model)
    }

    @Test("a segment without orders ranks exactly as the merchant's rules do")
    func noOrdersNoChange() {
        let others = Self.baskets(["shoe", "vest"], customers: 1...30, segment: "families")
        let content = F.content(products: Self.products, segments: [Self.runners], orders: others)
        let merchant = rank(
            content, audience: F.audience(segment: Self.runners), promotions: [],
            popularity: RegionalPopularity(orders: others, now: F.now), limit: 4)
        let learned = ranked(others)
        #expect(learned == merchant)
        #expect(learned.first?.product.id == "jacket")
    }

    @Test("the merchant's prior gives way as the segment's evidence grows")
    func shrinkage() {
        let weights = LearnedModel.Weights(popularityShare: 1, shrinkage: 10, regionalShare: 1)
        // The merchant says apparel; the runners buy shoes.
        let few = ranked(Self.baskets(["shoe"], customers: 1...3), weights: weights)
        let many = ranked(Self.baskets(["shoe"], customers: 1...90), weights: weights)
        #expect(few.first?.product.id == "jacket")
        #expect(many.first?.product.id == "shoe")
        let fewShare = few.first { $0.product.id == "shoe" }!.breakdown.segmentOrders
        let manyShare = many.first!.breakdown.segmentOrders
        #expect(abs(fewShare - 3.0 / 13.0) < 1e-12)
        #expect(abs(manyShare - 90.0 / 100.0) < 1e-12)
        #expect(many.first?.reasons.first == .segmentPopular("runners"))
        #expect(many.first?.evidence == LearnedEvidence(orders: 90, customers: 90, boughtWith: nil))
    }

    @Test("a segment's taste learned in every region reaches a region where it has few orders")
    func pooledAcrossRegions() {
        // In jp the runners bought only the tent, once each; everywhere else they buy shoes.
        var orders = Self.baskets(["shoe"], customers: 1...40)
        orders += (41...43).map { number in
            var line = Self.line("jp-\(number)", "tent", customer: "c\(number)")
            line.region = F.ref("jp")
            return line
        }
        let evidence = LearnedModel.evidence(
            orders: orders, products: Self.products.sorted { $0.id < $1.id }, now: F.now, settings: RecommendationSettings())
        #expect(evidence[.everywhere("runners")]?.customers == 43)
        let jp = F.region("jp", currency: F.eur, locales: ["ja-JP"])
        let products = Self.products.map { product in
            var sold = product
            sold.stock["jp"] = 5
            return sold
        }
        let content = F.content(products: products, segments: [Self.runners], regions: [F.region(), jp], orders: orders)
        var model = LearnedModel.train(content, now: F.now)
        model.weights = LearnedModel.Weights(popularityShare: 1, shrinkage: 1, regionalShare: 0.5)
        let ranked = rank(
            content, audience: F.audience(region: jp, locale: "ja-JP", segment: Self.runners), promotions: [],
            popularity: RegionalPopularity(orders: orders, now: F.now), limit: 4, learned: model)
        let shoe = ranked.first { $0.product.id == "shoe" }
        #expect(abs((shoe?.breakdown.segmentOrders ?? 0) - 0.75 * 0.5) < 1e-12)
        #expect(shoe?.evidence?.customers == 0)
        #expect(!(shoe?.reasons.contains(.segmentPopular("runners")) ?? true))
    }

    @Test("pins, exclusions and price ceilings stay hard rules whatever the orders say")
    func hardRules() {
        let segment = F.segment(
            "runners", priceCeiling: ["EUR": F.eur("150.00")], pinned: ["tent"],
            exclude: Exclusions(categories: ["packs"]))
        var products = Self.products
        products[0] = F.product("shoe", category: "footwear/trail", brand: "kumo", prices: ["EUR": F.eur("180.00")])
        let orders = Self.baskets(["shoe", "vest"], customers: 1...50)
        let content = F.content(products: products, segments: [segment], orders: orders)
        let result = rank(
            content, audience: F.audience(segment: segment), promotions: [],
            popularity: RegionalPopularity(orders: orders, now: F.now), limit: 4, learned: LearnedModel.train(content, now: F.now))
        #expect(result.map(\.product.id) == ["tent", "jacket"])
    }

    @Test("the blend weights are chosen on the held-out recent orders and never on orders after now")
    func tuning() {
        // The runners' taste moved to vests in the last two weeks; before that, shoes.
        let early = Self.baskets(["shoe"], customers: 1...40, daysAgo: 40)
        let recent = Self.baskets(["vest"], customers: 41...60, daysAgo: 3)
        let content = F.content(products: Self.products, segments: [Self.runners], orders: early + recent)
        let model = LearnedModel.train(content, now: F.now)
        #expect(model.tuned)
        let later = Self.baskets(["tent"], customers: 61...200, daysAgo: -3)
        let withFuture = F.content(products: Self.products, segments: [Self.runners], orders: early + recent + later)
        let again = LearnedModel.train(withFuture, now: F.now)
        #expect(again.weights == model.weights)
        #expect(again.evidence == model.evidence)
    }

    @Test("identical orders give an identical model and ranking")
    func determinism() {
        let orders = Self.baskets(["shoe", "vest"], customers: 1...20) + Self.baskets(["jacket", "tent"], customers: 15...40, daysAgo: 20)
            + Self.baskets(["vest"], customers: 30...45, daysAgo: 5)
        let content = F.content(products: Self.products, segments: [Self.runners], orders: orders)
        let first = LearnedModel.train(content, now: F.now)
        let second = LearnedModel.train(content, now: F.now)
        #expect(first.evidence == second.evidence)
        #expect(first.weights == second.weights)
        #expect(ranked(orders) == ranked(orders))
    }

    @Test("the diversity strength the store sets scales the repeat penalty, 0 switching it off")
    func diversityStrength() {
        #expect(Scoring.diversity(sameCategory: 2, sameBrand: 1) == 0.85 * 0.85 * 0.9)
        #expect(Scoring.diversity(sameCategory: 2, sameBrand: 1, strength: 0) == 1)
        let half = Scoring.diversity(sameCategory: 2, sameBrand: 0, strength: 0.5)
        #expect(abs(half - 0.85) < 1e-12)
    }
}
