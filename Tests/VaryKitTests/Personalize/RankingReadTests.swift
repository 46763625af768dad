import Testing
@testable import VaryKit

@Suite("A landing page's recorded ranking tells which changed products cannot change it")
struct RankingReadTests {
    typealias F = StoreFixture

    /// Ten jackets of rising popularity on pages of four, and a climber segment that pins the least popular.
    func builder(popularity: [String: Double] = [:]) -> PageModelBuilder {
        let products = (0..<10).map { index in
            F.product("jacket-\(index)", brand: index % 2 == 0 ? "alpine" : "summit",
                      popularity: popularity["jacket-\(index)"] ?? Double(index) / 10)
        }
        var content = F.content(products: products, segments: [F.segment(), F.segment("climbers", pinned: ["jacket-0"])])
        content.site.recommendations = 4
        return PageModelBuilder(inputs: BuildInputs(content: content, now: F.now, pages: [], assetURLs: [:], bundles: [:]))
    }

    let page = PageSpec(kind: .landing, region: "de", locale: "de-DE")

    @Test("the bound is the lowest score placed on a full list, and the kept ranking gives the same selection digest")
    func boundAndDigest() throws {
        let builder = builder()
        let selection = builder.selection(for: page)
        let kept = try #require(selection.ranking)
        let ranked = try #require(selection.ranked)
        #expect(ranked.map(\.product.id) == ["jacket-9", "jacket-8", "jacket-7", "jacket-6"])
        #expect(kept.bound == ranked.map(\.score).min())
        #expect(builder.selection(for: page, kept: kept).digest == selection.digest)
        #expect(builder.selection(for: page, kept: RankingRead(digest: "other", bound: kept.bound)).digest != selection.digest)
    }

    @Test("a product that stays below the bound or is no candidate keeps the ranking; one that rises to it does not")
    func changedProducts() throws {
        let kept = try #require(builder().selection(for: page).ranking)
        #expect(builder(popularity: ["jacket-2": 0.3]).keeps(kept, of: page, changed: ["jacket-2"]))
        #expect(builder().keeps(kept, of: page, changed: ["jacket-2", "gone"]))
        #expect(!builder(popularity: ["jacket-2": 0.95]).keeps(kept, of: page, changed: ["jacket-2"]))
        #expect(!builder(popularity: ["jacket-2": 0.95]).keeps(kept, of: page, changed: ["jacket-1", "jacket-2"]))
    }

    @Test("a pinned product never keeps the ranking, and on a list that is not full no candidate does")
    func pinsAndShortLists() throws {
        let builder = builder()
        let climbers = PageSpec(kind: .landing, region: "de", locale: "de-DE", segment: "climbers")
        let kept = try #require(builder.selection(for: climbers).ranking)
        #expect(builder.keeps(kept, of: climbers, changed: ["jacket-1"]))
        #expect(!builder.keeps(kept, of: climbers, changed: ["jacket-0"]))
        let short = RankingRead([], digest: "d", limit: 4)
        #expect(short.bound == -.infinity)
        #expect(!builder.keeps(short, of: page, changed: ["jacket-1"]))
        #expect(builder.keeps(short, of: page, changed: ["gone"]))
        #expect(RankingRead([], digest: "d", limit: 0).bound == .infinity)
    }
}
