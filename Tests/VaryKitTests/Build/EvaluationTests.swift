import Foundation
import Testing
@testable import VaryKit

/// `vary evaluate`'s figures on hand-made orders.
@Suite("Evaluating segment pages against what segments buy")
struct EvaluationTests {
    typealias F = StoreFixture
    typealias L = LearningTests

    @Test("hit-rate, precision and NDCG are counted per customer with binary relevance")
    func metrics() {
        let score = ListScore(list: ["a", "b", "c"], customers: [["b"], ["x"], ["a", "c"]], k: 3)
        #expect(score.customers == 3)
        #expect(score.hitRate == 2.0 / 3.0)
        #expect(abs(score.meanPrecision - 3.0 / 9.0) < 1e-12)
        let second = 1 / log2(3.0)
        let expected = (second + 0 + (1 + 0.5) / (1 + second)) / 3
        #expect(abs(score.meanNDCG - expected) < 1e-12)
    }

    /// Some runners buy shoes, others vests, campers tents; both segments' merchant settings say apparel.
    static func store() -> StoreContent {
        var orders: [Order] = []
        for day in stride(from: 1.0, through: 40, by: 3) {
            orders += (L.baskets(["shoe"], customers: 1...6, daysAgo: day) + L.baskets(["vest"], customers: 7...12, daysAgo: day)).map { order in
                var dated = order
                dated.id += "-\(day)"
                return dated
            }
            orders += L.baskets(["tent"], customers: 20...29, segment: "campers", daysAgo: day).map { order in
                var dated = order
                dated.id += "-\(day)"
                return dated
            }
        }
        let campers = F.segment("campers", affinity: Affinity(categories: ["apparel": 1.0]))
        var content = F.content(products: L.products, segments: [F.segment(), L.runners, campers], orders: orders)
        content.site.recommendations = 2
        return content
    }

    @Test("segment pages that learned catch what each segment buys next, where best sellers and merchant rules miss")
    func evaluation() {
        let evaluation = Evaluation.evaluate(Self.store(), cutoff: F.now.addingTimeInterval(-F.days(14)), now: F.now, k: 2)
        #expect(evaluation.rows.map { "\($0.audience.region)/\($0.audience.segment)" } == ["de/campers", "de/runners"])
        let pages = evaluation.total[.segmentPages]!.score
        #expect(pages.hitRate == 1)
        #expect(pages.customers == 22)
        #expect(evaluation.total[.merchantRules]!.score.hitRate < 1)
        #expect(evaluation.total[.bestSellers]!.score.hitRate < 1)
        #expect(evaluation.total[.sar]!.score.hitRate == 1)
        #expect(evaluation.lift(over: .merchantRules) > 1)
        #expect(evaluation.trainingOrders > 0 && evaluation.testOrders > 0)
        #expect(evaluation.total[.bestSellers]!.coverage == 0.5)
    }

    @Test("orders after now are neither trained on nor scored")
    func nothingAfterNow() {
        var content = Self.store()
        let before = Evaluation.evaluate(content, cutoff: F.now.addingTimeInterval(-F.days(14)), now: F.now, k: 2)
        content.orders += L.baskets(["jacket"], customers: 1...30, daysAgo: -1)
        let after = Evaluation.evaluate(content, cutoff: F.now.addingTimeInterval(-F.days(14)), now: F.now, k: 2)
        #expect(after.text == before.text)
        #expect(after.chartSVG == before.chartSVG)
    }

    @Test("the chart is an SVG document with one bar pair per segment and escaped names")
    func chart() {
        let evaluation = Evaluation.evaluate(Self.store(), cutoff: F.now.addingTimeInterval(-F.days(14)), now: F.now, k: 2)
        let svg = evaluation.chartSVG
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">campers (10)<"))
        #expect(svg.contains(">runners (12)<"))
        #expect(svg.components(separatedBy: "fill=\"#1f6feb\"").count == 4)
    }
}
