import Testing
@testable import VaryKit

@Suite("Regional popularity from orders")
struct PopularityTests {
    typealias F = StoreFixture

    @Test("an order 30 days old weighs half as much as one placed now")
    func halfLife() {
        let orders = [
            F.order("o1", "fresh", daysAgo: 0),
            F.order("o2", "older", quantity: 2, daysAgo: 30),
            F.order("o3", "oldest", quantity: 2, daysAgo: 60),
        ]
        let popularity = RegionalPopularity(orders: orders, now: F.now)
        #expect(abs(popularity.score(of: "fresh", in: "de") - 1) < 1e-12)
        #expect(abs(popularity.score(of: "older", in: "de") - 1) < 1e-12)
        #expect(abs(popularity.score(of: "oldest", in: "de") - 0.5) < 1e-12)
    }

    @Test("scores are normalized per region so each region's best seller scores 1")
    func normalizedPerRegion() {
        let orders = [
            F.order("o1", "shell", quantity: 10, region: "de", daysAgo: 1),
            F.order("o2", "boots", quantity: 5, region: "de", daysAgo: 1),
            F.order("o3", "boots", quantity: 1, region: "jp", daysAgo: 1),
        ]
        let popularity = RegionalPopularity(orders: orders, now: F.now)
        #expect(popularity.score(of: "shell", in: "de") == 1)
        #expect(abs(popularity.score(of: "boots", in: "de") - 0.5) < 1e-12)
        #expect(popularity.score(of: "boots", in: "jp") == 1)
        #expect(popularity.score(of: "shell", in: "jp") == 0)
        #expect(popularity.hasOrders(in: "jp"))
        #expect(!popularity.hasOrders(in: "us"))
    }

    @Test("orders after now and lines without a positive quantity are ignored")
    func futureAndEmptyIgnored() {
        let orders = [
            F.order("o1", "shell", quantity: 1, daysAgo: 10),
            F.order("o2", "boots", quantity: 100, daysAgo: -1),
            F.order("o3", "tent", quantity: 0, daysAgo: 1),
            F.order("o4", "stove", quantity: -3, daysAgo: 1),
        ]
        let popularity = RegionalPopularity(orders: orders, now: F.now)
        #expect(popularity.score(of: "shell", in: "de") == 1)
        #expect(popularity.score(of: "boots", in: "de") == 0)
        #expect(popularity.score(of: "tent", in: "de") == 0)
        #expect(popularity.score(of: "stove", in: "de") == 0)
    }

    @Test("a region whose only orders lie in the future has no orders")
    func onlyFutureOrders() {
        let popularity = RegionalPopularity(orders: [F.order("o1", "shell", region: "jp", daysAgo: -5)], now: F.now)
        #expect(!popularity.hasOrders(in: "jp"))
        #expect(!RegionalPopularity.none.hasOrders(in: "de"))
    }
}
